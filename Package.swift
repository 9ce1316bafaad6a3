// swift-tools-version: 6.1
import PackageDescription

// The kernels are written for SIMD8<Float>; on x86-64 we ask for the Haswell level (AVX2,
// FMA, POPCNT: any x86-64 CPU since about 2015) so that they compile to vector
// instructions instead of scalar fallbacks. Only the kernels' own target drops bounds and
// overflow checks in release builds (-Ounchecked): the engine, which parses files and
// checks its inputs, keeps them. Debug builds optimise both (tests train real models) but
// keep every check.
#if arch(x86_64)
let cpu = ["-target-cpu", "haswell"]
#else
let cpu: [String] = []
#endif
let kernelFlags: [SwiftSetting] = [
    .unsafeFlags(["-Ounchecked"] + cpu, .when(configuration: .release)),
    .unsafeFlags(["-O"] + cpu, .when(configuration: .debug)),
]
let engineFlags: [SwiftSetting] = [.unsafeFlags(["-O"] + cpu)]

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
        .target(name: "NoiseStepKernels", swiftSettings: kernelFlags),
        .target(name: "NoiseStep", dependencies: ["CZlib", "NoiseStepKernels"], exclude: ["StepLog/FORMAT.md"],
                swiftSettings: engineFlags),
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
