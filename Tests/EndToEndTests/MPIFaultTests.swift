import Foundation
import Testing

/// A rank killed in the middle of `mpirun -n 3 noisestep train`: the others stop, rank 0
/// says what its log holds, and the log resumes to the weights of an uninterrupted run.
@Suite(.serialized, .enabled(if: MPIBinary.isAvailable, "\(MPIBinary.unavailableReason ?? "")"))
struct MPIFaultTests {
    @Test func killingARankStopsTheJobAndTheLogResumes() throws {
        let directory = try BinaryUnderTest.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("run.nstep").path
        let job = try MPIBinary.process(ranks: 3, ["train", "--steps", "1000000", "--out", log, "--log-every", "1000000"]
                                            + MPIEndToEndTests.small, directory: directory)
        let errors = directory.appendingPathComponent("stderr")
        job.standardOutput = FileHandle.nullDevice
        job.standardError = try Spawning.outputFile(errors)
        try Spawning.start(job)
        defer { MPIBinary.stop(job) }

        // Some steps into the run (its 260-byte header, then 27 bytes a step), kill rank 1.
        try Spawning.waitUntil("the log to hold steps") { Self.size(of: log) > 1_000 }
        var victim: pid_t?
        try Spawning.waitUntil("rank 1 to start") { victim = MPIBinary.rank(1, of: job.processIdentifier); return victim != nil }
        kill(try #require(victim), SIGKILL)
        let killed = Date()
        try Spawning.waitUntil("mpirun to exit", seconds: 60) { !job.isRunning }
        let seconds = Date().timeIntervalSince(killed)
        print("mpirun exited \(String(format: "%.2f", seconds)) s after rank 1 was killed, status \(job.terminationStatus)")
        #expect(job.terminationStatus != 0)
        let said = try String(contentsOf: errors, encoding: .utf8)
        #expect(said.contains("rank 0 was stopped by mpirun") && said.contains("--resume \(log)"), "\(said)")

        let info = try BinaryUnderTest.run(["info", log])
        let steps = try #require(info.stdout.firstMatch(of: /: (\d+) steps/).flatMap { Int($0.1) }, "\(info.stdout)")
        let resumed = try BinaryUnderTest.run(["train", "--steps", String(steps + 5), "--resume", log])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let whole = directory.appendingPathComponent("whole.nstep").path
        #expect(try BinaryUnderTest.run(["train", "--steps", String(steps + 5), "--out", whole]
                                            + MPIEndToEndTests.small).status == 0)
        #expect(try MPIEndToEndTests.replayed(log) == MPIEndToEndTests.replayed(whole))
    }

    static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}
