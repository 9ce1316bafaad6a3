import Testing
@testable import NoiseStep

/// Loads the Debian package dataset-fashion-mnist when it is installed.
@Suite struct IDXFashionMNISTTests {
    static let directory = "/usr/share/datasets/fashion-mnist"
    static let installed = MNISTDirectory.contains(.train, in: directory)
        && MNISTDirectory.contains(.test, in: directory)

    @Test(.enabled(if: installed, "dataset-fashion-mnist is not installed"))
    func debianFashionMNISTLoads() throws {
        let train = try MNISTDirectory.load(Self.directory, split: .train)
        let test = try MNISTDirectory.load(Self.directory, split: .test)
        #expect(train.count == 60_000)
        #expect(test.count == 10_000)
        #expect(train.pixels.count == 60_000 * 784)
        for split in [train, test] {
            var perClass = [Int](repeating: 0, count: 10)
            for label in split.labels { perClass[Int(label)] += 1 }
            #expect(perClass == [Int](repeating: split.count / 10, count: 10))
        }
    }
}
