import Foundation
import Testing

/// Issue 17, cause 5: a bundled-format folder so small that the validation split would
/// take every image is refused in one line; one image more per class trains.
@Suite struct SmallDataTests {
    /// An mnist-5k folder under `scratch` with `perClass` images of each digit.
    static func assets(perClass: Int, in scratch: Scratch) throws -> String {
        let folder = scratch.path("assets/mnist-5k")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let count = 10 * perClass
        var images: [UInt8] = [0, 0, 8, 3] + bigEndian(count) + bigEndian(28) + bigEndian(28)
        var labels: [UInt8] = [0, 0, 8, 1] + bigEndian(count)
        for index in 0 ..< count {
            images += (0 ..< 784).map { UInt8(($0 * 7 + index * 13) % 256) }
            labels.append(UInt8(index % 10))
        }
        try Data(images).write(to: URL(fileURLWithPath: folder + "/train-images-idx3-ubyte"))
        try Data(labels).write(to: URL(fileURLWithPath: folder + "/train-labels-idx1-ubyte"))
        return scratch.path("assets")
    }

    static func bigEndian(_ value: Int) -> [UInt8] { (0 ..< 4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }

    @Test func fiftyImagesAClassAreRefusedInOneLine() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for perClass in [1, 50] {
            let assets = try Self.assets(perClass: perClass, in: scratch)
            let outcome = try BinaryUnderTest.run(["train", "--steps", "2", "--batch", "64", "--hidden", "32"],
                                                  environment: ["NOISESTEP_ASSETS": assets], directory: scratch.directory)
            #expect(outcome.status == 1, "\(perClass) a class: \(outcome.status) \(outcome.stderr)")
            #expect(outcome.stderr.contains("mnist-5k: holds \(10 * perClass) images")
                && outcome.stderr.contains("none would be left to train on"), "\(outcome.stderr)")
            #expect(outcome.stderr.split(separator: "\n").count == 1 && !outcome.stderr.contains("Backtrac"))
        }
        let assets = try Self.assets(perClass: 51, in: scratch)
        let trained = try BinaryUnderTest.run(["train", "--steps", "2", "--batch", "64", "--hidden", "32"],
                                              environment: ["NOISESTEP_ASSETS": assets], directory: scratch.directory)
        #expect(trained.status == 0 && trained.stdout.contains("(10 train / 500 validation)"), "\(trained.stdout) \(trained.stderr)")
    }
}
