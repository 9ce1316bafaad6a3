import Testing
import NoiseStep

@Suite struct ChunkPartitionTests {
    @Test func sharesTileTheChunksInRankOrderAndDifferByAtMostOne() {
        for chunks in 0 ... 40 {
            for size in 1 ... 9 {
                let shares = ChunkPartition.shares(chunks, size: size)
                #expect(shares.count == size)
                #expect(shares.first?.lowerBound == 0 && shares.last?.upperBound == chunks)
                for (left, right) in zip(shares, shares.dropFirst()) { #expect(left.upperBound == right.lowerBound) }
                let counts = shares.map(\.count)
                #expect(counts.max()! - counts.min()! <= 1)
                #expect(counts == counts.sorted(by: >), "larger shares first")
            }
        }
    }

    @Test func examplesFromTheDocumentation() {
        #expect(ChunkPartition.shares(16, size: 3) == [0 ..< 6, 6 ..< 11, 11 ..< 16])
        #expect(ChunkPartition.shares(2, size: 3) == [0 ..< 1, 1 ..< 2, 2 ..< 2])
        #expect(ChunkPartition.chunks(16, rank: 0, size: 1) == 0 ..< 16)
    }
}
