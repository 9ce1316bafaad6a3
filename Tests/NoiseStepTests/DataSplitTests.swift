import Testing
@testable import NoiseStep

@Suite struct DataSplitTests {
    @Test func standardFileNames() {
        #expect(DataSplit.train.imageFileName == "train-images-idx3-ubyte")
        #expect(DataSplit.train.labelFileName == "train-labels-idx1-ubyte")
        #expect(DataSplit.test.imageFileName == "t10k-images-idx3-ubyte")
        #expect(DataSplit.test.labelFileName == "t10k-labels-idx1-ubyte")
        #expect(MNISTDirectory.candidateNames(for: "t10k-images-idx3-ubyte")
            == ["t10k-images-idx3-ubyte", "t10k-images-idx3-ubyte.gz", "t10k-images.idx3-ubyte",
                "t10k-images.idx3-ubyte.gz"])
    }

    @Test func holdoutIsStratifiedEvenAndAscending() {
        // 100 examples per class, classes interleaved.
        let labels = (0..<1000).map { UInt8($0 % 10) }
        let held = Dataset.stratifiedHoldoutIndices(labels: labels, perClass: 10)
        #expect(held.count == 100)
        #expect(held == held.sorted())
        #expect(Set(held).count == held.count)
        for digit in 0..<10 {
            let members = held.filter { labels[$0] == UInt8(digit) }
            // The k-th of every 10 members: positions 5, 15, …, 95 within the class.
            #expect(members == (0..<10).map { (10 * $0 + 5) * 10 + digit })
        }
    }

    /// With 10·m members per class the ten folds are disjoint and cover every example;
    /// fold f takes member 10k + f of each class.
    @Test func foldsAreDisjointAndCoverEveryClass() {
        let labels = (0..<1000).map { UInt8($0 % 10) }
        let folds = (0..<Dataset.holdoutFolds).map { Dataset.stratifiedHoldoutIndices(labels: labels, perClass: 10, fold: $0) }
        #expect(folds.allSatisfy { $0.count == 100 })
        #expect(Set(folds.joined()) == Set(0..<1000))
        #expect(folds[0].filter { labels[$0] == 3 } == (0..<10).map { (10 * $0) * 10 + 3 })
        #expect(folds[7].filter { labels[$0] == 3 } == (0..<10).map { (10 * $0 + 7) * 10 + 3 })
        #expect(folds[Dataset.defaultHoldoutFold] == Dataset.stratifiedHoldoutIndices(labels: labels, perClass: 10))
    }

    /// The default fold keeps the split every earlier run validated on: member
    /// ⌊(2k + 1)·n / 2m⌋ of each class, also when n is not a multiple of m.
    @Test func defaultFoldIsTheCentreOfEachStride() {
        let labels = [UInt8](repeating: 4, count: 23)
        #expect(Dataset.stratifiedHoldoutIndices(labels: labels, perClass: 3) == (0..<3).map { (2 * $0 + 1) * 23 / 6 })
        #expect(Dataset.stratifiedHoldoutIndices(labels: labels, perClass: 3, fold: 0) == [0, 7, 15])
    }

    @Test func smallClassesAreHeldOutWhole() {
        let labels: [UInt8] = [3, 3, 7, 3, 7, 1]
        #expect(Dataset.stratifiedHoldoutIndices(labels: labels, perClass: 2) == [0, 2, 3, 4, 5])
        #expect(Dataset.stratifiedHoldoutIndices(labels: labels, perClass: 0) == [])
        #expect(Dataset.stratifiedHoldoutIndices(labels: [], perClass: 5) == [])
    }

    @Test func splitPartitionsInOriginalOrder() {
        let count = 230
        let labels: [UInt8] = (0..<count).map { (index: Int) -> UInt8 in UInt8((index * 7 + index / 13) % 10) }
        let data = Dataset(pixels: IDXFixtures.samplePixels(count: count), labels: labels)
        let (train, validation) = data.stratifiedSplit(validationPerClass: 5)
        let held = Dataset.stratifiedHoldoutIndices(labels: labels, perClass: 5)
        #expect(validation == data.subset(held))
        #expect(train == data.subset((0..<count).filter { !held.contains($0) }))
        #expect(train.count + validation.count == count)
        let again = data.stratifiedSplit(validationPerClass: 5)
        #expect(again.train == train)
        #expect(again.validation == validation)
    }
}
