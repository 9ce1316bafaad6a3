import Foundation
import Testing

/// The blow-ups of issue 9: each is refused with one line naming the option, before
/// anything sized by the bad value is allocated. The proof: the command runs with its
/// address space capped at 256 MiB (`ulimit -v`), where the allocation it refuses would
/// abort it, and still ends with its one-line message.
@Suite struct LimitRefusalTests {
    @Test(arguments: [
        (["train", "--steps", "2", "--hidden", "65536,65536"], "--hidden: 65536,65536 makes a model of 4347133962 parameters"),
        (["train", "--steps", "2", "--samples", "65536", "--density", "0.9"], "--samples 65536 at --density 0.9"),
        (["train", "--steps", "2", "--batch", "2000000"], "--batch: 2000000 is outside 1...1048576"),
        (["train", "--steps", "2", "--optimizer", "adam-ste", "--batch", "1048576"], "--batch 1048576: Adam-STE would keep"),
        (["train", "--steps", "-5"], "--steps: -5 is negative"),
        (["train", "--threads", "1000000"], "--threads: 1000000 is outside 0...256"),
    ])
    func refusedUpFront(arguments: [String], message: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcome = try scratch.runCapped(arguments)
        #expect(outcome.status == 64, "a value the command line cannot take: \(outcome.stderr)")
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "one line: \(outcome.stderr)")
    }

    /// `--threads` is checked on every path that takes it, a saved run's too.
    @Test(arguments: [["train", "--resume", "run.nstep", "--steps", "3"], ["eval", "--model", "run.nstep"]])
    func threadsAreCheckedWhenResumingAndEvaluating(command: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let saved = try scratch.run(["train", "--steps", "2", "--batch", "64", "--hidden", "8", "--out", "run.nstep"])
        #expect(saved.status == 0, "\(saved.stderr)")
        let outcome = try scratch.runCapped(command + ["--threads", "1000000"])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("--threads: 1000000 is outside 0...256"), "\(outcome.stderr)")
    }
}
