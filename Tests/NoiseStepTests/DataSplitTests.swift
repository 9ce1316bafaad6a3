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
