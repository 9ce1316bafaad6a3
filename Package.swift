// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "noisestep",
    products: [
        .executable(name: "noisestep", targets: ["noisestep"]),
        .library(name: "NoiseStep", targets: ["NoiseStep"]),
    ],
    // `--traits MPI` adds data-parallel training over Open MPI (`mpirun -n N noisestep …`);
    // the default build needs no MPI headers or libraries.
    traits: [
        .trait(name: "MPI", description: "Train on several processes with Open MPI (needs libopenmpi-dev)."),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "_CNcurses", path: "Sources/CNcurses", pkgConfig: "ncursesw",
                       providers: [.apt(["libncurses-dev"])]),
        // No target of the library carries a compiler flag, so `NoiseStep` can be used as a
        // versioned dependency: the floating-point kernels are C, built plain and for
        // AVX2 + FMA in one build and chosen at run time (Sources/CNoiseStepKernels).
        .target(name: "CNoiseStepKernels"),
        .target(name: "NoiseStepKernels", dependencies: ["CNoiseStepKernels"]),
        .target(name: "NoiseStep", dependencies: ["CZlib", "NoiseStepKernels"], exclude: ["StepLog/FORMAT.md"]),
        .target(name: "Dashboard", dependencies: ["NoiseStep", "_CNcurses"]),
        .target(name: "NoiseStepBench", dependencies: ["NoiseStep", "NoiseStepKernels"]),
        .systemLibrary(name: "_CMPI", path: "Sources/CMPI", pkgConfig: "ompi-c",
                       providers: [.apt(["libopenmpi-dev"])]),
        .target(name: "NoiseStepMPI", dependencies: ["NoiseStep", "_CMPI"]),
        .executableTarget(name: "noisestep", dependencies: [
            "NoiseStep", "Dashboard", "NoiseStepBench",
            .target(name: "NoiseStepMPI", condition: .when(traits: ["MPI"])),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "NoiseStepTests", dependencies: [
            "NoiseStep", "NoiseStepKernels", .product(name: "PropertyBased", package: "swift-property-based"),
        ], resources: [.copy("Corpus")]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "NoiseStep"]),
        .testTarget(name: "NoiseStepKernelsTests", dependencies: ["NoiseStepKernels"]),
        .testTarget(name: "NoiseStepBenchTests", dependencies: ["NoiseStepBench", "NoiseStep"]),
        .testTarget(name: "EndToEndTests", dependencies: ["noisestep", "NoiseStepBench"]),
    ],
    swiftLanguageModes: [.v6]
)
