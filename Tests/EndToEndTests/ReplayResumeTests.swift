import Foundation
import Testing

/// Issue 17, cause 2, as a person meets it: replay a run to step 30, train on from the
/// model file to step 60, and get the run's own weights; `info` says so, and marks a
/// model file that cannot say it.
@Suite struct ReplayResumeTests {
    @Test func replayThenResumeIsTheSameRun() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Batch 128 on the default model: the paper schedule lowers the density within 30 steps.
        let options = ["--batch", "128", "--threads", "2", "--eval-every", "0"]
        #expect(try scratch.run(["train", "--steps", "60", "--out", "r.nstep"] + options).status == 0)
        #expect(try scratch.run(["replay", "r.nstep", "--to", "30", "--out", "m.nstep"]).status == 0)
        let resumed = try scratch.run(["train", "--steps", "60", "--resume", "m.nstep", "--eval-every", "0"])
        #expect(resumed.status == 0 && !resumed.stderr.contains("new leg"), "\(resumed.stderr)")
        for (log, model) in [("r.nstep", "r60.nstep"), ("m.nstep", "m60.nstep")] {
            #expect(try scratch.run(["replay", log, "--out", model]).status == 0)
        }
        let weights = { (name: String) in Array(scratch.bytes(name).suffix(53_865 + 16)) }
        #expect(weights("r60.nstep") == weights("m60.nstep"), "the weights after step 60 are the uninterrupted run's")
        let info = try scratch.run(["info", "m.nstep"])
        #expect(info.status == 0 && !info.stdout.contains("new leg"), "\(info.stdout)")
        #expect(info.stdout.contains("density 3.70e-06"), "the schedule's density, not the header's: \(info.stdout)")
    }
}
