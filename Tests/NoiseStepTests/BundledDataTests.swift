import Testing
@testable import NoiseStep

@Suite struct BundledDataTests {
    @Test func locatesTheAssetsFolder() throws {
        let directory = try #require(BundledData.locateDirectory())
        #expect(directory.hasSuffix("assets/mnist-5k"))
        #expect(MNISTDirectory.contains(.train, in: directory))
    }

    @Test func loadsAStratifiedSplit() throws {
        let (train, validation) = try BundledData.load()
        #expect(train.count == 4500)
        #expect(validation.count == 500)
        #expect(perClass(train) == [Int](repeating: 450, count: 10))
        #expect(perClass(validation) == [Int](repeating: 50, count: 10))

        let all = try MNISTDirectory.load(try #require(BundledData.locateDirectory()), split: .train)
        #expect(all.count == 5000)
        #expect(perClass(all) == [Int](repeating: 500, count: 10))
        let held = Dataset.stratifiedHoldoutIndices(labels: all.labels, perClass: 50)
        #expect(validation == all.subset(held))
        #expect(train == all.subset((0..<5000).filter { !Set(held).contains($0) }))
        #expect(all.pixels.contains { $0 > 0 } && all.pixels.contains(255))
    }

    @Test func loadIsDeterministic() throws {
        let first = try BundledData.load()
        let second = try BundledData.load()
        #expect(first.train == second.train && first.validation == second.validation)
        // Pin the choice so that a change to the split is noticed: the sample is sorted by
        // digit, 500 each, so digit d's held-out examples are 500·d + 5, 15, …, 495.
        let all = try MNISTDirectory.load(try #require(BundledData.locateDirectory()), split: .train)
        let held = Dataset.stratifiedHoldoutIndices(labels: all.labels, perClass: 50)
        var expected = [Int]()
        for digit in 0..<10 { for k in 0..<50 { expected.append(500 * digit + 10 * k + 5) } }
        #expect(held == expected)
    }

    /// Another fold validates on 500 images the default split trains on.
    @Test func otherFoldsHoldOutOtherImages() throws {
        let other = try BundledData.load(fold: 0)
        #expect(other.train.count == 4500 && perClass(other.validation) == [Int](repeating: 50, count: 10))
        let all = try MNISTDirectory.load(try #require(BundledData.locateDirectory()), split: .train)
        let held = Dataset.stratifiedHoldoutIndices(labels: all.labels, perClass: 50, fold: 0)
        #expect(other.validation == all.subset(held))
        #expect(held.first == 0 && held.last == 4990)
        #expect(Set(held).isDisjoint(with: Dataset.stratifiedHoldoutIndices(labels: all.labels, perClass: 50)))
    }

    @Test func environmentVariableIsHonoured() throws {
        let directory = try DataTestDirectory()
        try directory.write("mnist-5k/train-images-idx3-ubyte", IDXFixtures.images(count: 1))
        try directory.write("mnist-5k/train-labels-idx1-ubyte", IDXFixtures.labels([4]))
        #expect(BundledData.locateDirectory(assetsVariable: directory.path) == directory.path + "/mnist-5k")
        #expect(BundledData.locateDirectory(assetsVariable: directory.path + "/mnist-5k")
            == directory.path + "/mnist-5k")
        // A variable naming a folder without the sample falls through to the other searches.
        #expect(BundledData.locateDirectory(assetsVariable: directory.path + "/none") != nil)
    }

    private func perClass(_ data: Dataset) -> [Int] {
        var counts = [Int](repeating: 0, count: 10)
        for label in data.labels { counts[Int(label)] += 1 }
        return counts
    }
}
