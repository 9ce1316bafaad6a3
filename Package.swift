// swift-tools-version: 6.1
import PackageDescription

// The engine's kernels are written for SIMD8<Float> and popcount; on x86-64 we ask for
// the Haswell level (AVX2, FMA, POPCNT: any x86-64 CPU since about 2015) so that they
// compile to vector instructions instead of scalar fallbacks. Debug builds optimise the
// engine too (tests train real models) but keep bounds checks and preconditions.
#if arch(x86_64)
let cpu = ["-target-cpu", "haswell"]
#else
let cpu: [String] = []
#endif
let engineFlags: [SwiftSetting] = [
    .unsafeFlags(["-Ounchecked"] + cpu, .when(configuration: .release)),
    .unsafeFlags(["-O"] + cpu, .when(configuration: .debug)),
]

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
        .target(name: "NoiseStep", dependencies: ["CZlib"], exclude: ["StepLog/FORMAT.md"],
                swiftSettings: engineFlags),
        .target(name: "Dashboard", dependencies: ["NoiseStep", "_CNcurses"]),
        .target(name: "NoiseStepBench", dependencies: ["NoiseStep"]),
        .systemLibrary(name: "_CMPI", path: "Sources/CMPI", pkgConfig: "ompi-c",
                       providers: [.apt(["libopenmpi-dev"])]),
        .target(name: "NoiseStepMPI", dependencies: ["NoiseStep", "_CMPI"]),
        .executableTarget(name: "noisestep", dependencies: [
            "NoiseStep", "Dashboard", "NoiseStepBench",
            .target(name: "NoiseStepMPI", condition: .when(traits: ["MPI"])),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "NoiseStepTests", dependencies: [
            "NoiseStep", .product(name: "PropertyBased", package: "swift-property-based"),
        ], resources: [.copy("Corpus")]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "NoiseStep"]),
        .testTarget(name: "NoiseStepBenchTests", dependencies: ["NoiseStepBench", "NoiseStep"]),
        .testTarget(name: "EndToEndTests", dependencies: ["noisestep"]),
    ],
    swiftLanguageModes: [.v6]
)
