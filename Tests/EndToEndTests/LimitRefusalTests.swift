import Foundation
import Testing

/// The blow-ups of issue 9: each is refused with one line naming the option, before
/// anything sized by the bad value is allocated, so the process stays small.
@Suite struct LimitRefusalTests {
    static let memoryCeiling = 100 << 20

    @Test(arguments: [
        (["train", "--steps", "2", "--hidden", "65536,65536"], "--hidden: 65536,65536 makes a model of 4347133962 parameters"),
        (["train", "--steps", "2", "--samples", "65536", "--density", "0.9"], "--samples 65536 at --density 0.9"),
        (["train", "--steps", "2", "--batch", "2000000"], "--batch: 2000000 is outside 1...1048576"),
        (["train", "--steps", "2", "--optimizer", "adam-ste", "--batch", "1048576"], "--batch 1048576: Adam-STE would keep"),
        (["train", "--steps", "-5"], "--steps: -5 is negative"),
        (["train", "--threads", "1000000"], "--threads: 1000000 is outside 0...256"),
    ])
    func refusedUpFront(arguments: [String], message: String) throws {
        let directory = try BinaryUnderTest.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try MeasuredRun.run(arguments, directory: directory)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "one line: \(outcome.stderr)")
        #expect(outcome.peakBytes < Self.memoryCeiling, "peak \(outcome.peakBytes >> 20) MiB")
    }

    /// `--threads` is checked on every path that takes it, a saved run's too.
    @Test(arguments: [["train", "--resume", "run.nstep", "--steps", "3"], ["eval", "--model", "run.nstep"]])
    func threadsAreCheckedWhenResumingAndEvaluating(command: [String]) throws {
        let directory = try BinaryUnderTest.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let saved = try MeasuredRun.run(["train", "--steps", "2", "--batch", "64", "--hidden", "8", "--out", "run.nstep"],
                                        directory: directory)
        #expect(saved.status == 0, "\(saved.stderr)")
        let outcome = try MeasuredRun.run(command + ["--threads", "1000000"], directory: directory)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("--threads: 1000000 is outside 0...256"), "\(outcome.stderr)")
        #expect(outcome.peakBytes < Self.memoryCeiling, "peak \(outcome.peakBytes >> 20) MiB")
    }
}
