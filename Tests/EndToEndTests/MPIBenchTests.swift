import Foundation
import Testing
@testable import noisestep

/// The parts of `bench --mpi` that need no mpirun: reading Open MPI's monitoring files
/// and the table.
@Suite struct MPIBenchTests {
    @Test func bytesSentAddsTheExternalLinesOfARanksMonitoringFile() throws {
        let directory = try BinaryUnderTest.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let prefix = directory.appendingPathComponent("prof").path
        // As Open MPI 4.1.4 writes it (pml_monitoring_enable_output 3), for rank 1 of 3.
        let text = """
            # POINT TO POINT
            E\t1\t0\t10856080 bytes\t30 msgs sent\t0,0,0,10,0,20
            E\t1\t2\t1000 bytes\t2 msgs sent\t0,0,2
            # OSC
            # COLLECTIVES
            C\t1\t0\t10772880 bytes\t20 msgs sent
            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: prefix + ".1.prof"))
        #expect(MPIRun.bytesSent(prefix: prefix, rank: 1) == 10_857_080)
        #expect(MPIRun.bytesSent(prefix: prefix, rank: 0) == 0, "no file, no bytes")
    }

    @Test func theTableShowsEachRankCountsFigures() {
        let rows = [
            MPIBench.Row(ranks: 1, threadsPerRank: 2, oversubscribed: false, noiseStepMsPerStep: 5, noiseStepBytesPerStep: [0],
                         adamSTEMsPerStep: 10, adamSTEBytesPerStep: [0]),
            MPIBench.Row(ranks: 2, threadsPerRank: 1, oversubscribed: false, noiseStepMsPerStep: 4,
                         noiseStepBytesPerStep: [8350, 8320], adamSTEMsPerStep: 8,
                         adamSTEBytesPerStep: [1_077_288, 1_077_288]),
        ]
        #expect(MPIBench.render(rows, steps: 300, cores: 2) == """
            mpi bench: default options (784→256→256→10, batch 1024 = 16 chunks, 512 samples), 300 steps, bundled data, 2 cores
            ranks  threads/rank  noise_step ms/step  steps/s  bytes/rank/step   Adam-STE ms/step  steps/s  bytes/rank/step
            1      2             5.00                200.0    0                 10.00             100.0    0
            2      1             4.00                250.0    8320–8350         8.00              125.0    1077288
            """)
    }
}
