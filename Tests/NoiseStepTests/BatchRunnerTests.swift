import Synchronization
import Testing
@testable import NoiseStep

/// How `BatchRunner` spreads chunks over workers: every chunk once, and no more
/// workspaces than chunks.
@Suite struct BatchRunnerTests {
    static let shape = ModelShape(widths: [16, 8, 4])

    @Test(arguments: [1, 2, 3, 5])
    func everyChunkRunsExactlyOnce(threads: Int) {
        let runner = BatchRunner(shape: Self.shape, threads: threads)
        let results = ChunkResults(chunks: 11, width: 1)
        runner.forEachChunk(11) { _, chunk in results.row(chunk)[0] += Double(chunk + 1) }
        #expect((0 ..< 11).map { results.row($0)[0] } == (1 ... 11).map(Double.init))
        let visits = Mutex([Int](repeating: 0, count: 7))
        runner.forEach(7) { index in visits.withLock { $0[index] += 1 } }
        #expect(visits.withLock { $0 } == Array(repeating: 1, count: 7))
    }

    @Test func workspacesAreMadeOnlyForTheChunksUsed() {
        let runner = BatchRunner(shape: Self.shape, threads: 256)
        #expect(runner.workspaces.isEmpty)
        runner.forEachChunk(16) { _, _ in }
        #expect(runner.workspaces.count == 16)
        runner.forEachChunk(3) { _, _ in }
        #expect(runner.workspaces.count == 16)
        let serial = BatchRunner(shape: Self.shape, threads: 1)
        serial.forEachChunk(16) { _, _ in }
        #expect(serial.workspaces.count == 1)
    }

    @Test func chunkRangesCoverTheBatch() {
        #expect(BatchRunner.chunks(covering: 0) == 0)
        #expect(BatchRunner.chunks(covering: 64) == 1)
        #expect(BatchRunner.chunks(covering: 65) == 2)
        #expect(BatchRunner.examples(of: 1, in: 100) == 64 ..< 100)
        #expect(BatchRunner.examples(of: 0, in: 100) == 0 ..< 64)
    }
}
