import Foundation
import Testing

/// Issue 10, case 3: the metrics file, opened last, continued on resume, never the log,
/// written a whole line at a time.
@Suite(.serialized) struct MetricsFileTests {
    static let small = ["--batch", "64", "--samples", "16", "--hidden", "32", "--eval-every", "4"]

    /// The lines without their timing field, which differs from run to run.
    static func untimed(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map {
            String($0).replacing(/,"step_seconds":[^,}]*/, with: "")
        }
    }

    @Test func aResumedRunsMetricsEqualAnUninterruptedRuns() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.run(["train", "--steps", "20", "--out", "whole.nstep", "--metrics", "whole.jsonl"] + Self.small).status == 0)
        #expect(try scratch.run(["train", "--steps", "12", "--out", "part.nstep", "--metrics", "part.jsonl"] + Self.small).status == 0)
        // A killed run may leave a line past its log's last step: the resume trims it.
        var part = scratch.bytes("part.jsonl")
        part += Array(String(decoding: part, as: UTF8.self).split(separator: "\n").last!.replacing("\"step\":12", with: "\"step\":13").utf8) + [10]
        try scratch.write(part, to: "part.jsonl")
        let resumed = try scratch.run(["train", "--steps", "20", "--resume", "part.nstep", "--metrics", "part.jsonl",
                                       "--eval-every", "4"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let whole = Self.untimed(scratch.bytes("whole.jsonl"))
        #expect(whole.count == 20 && Self.untimed(scratch.bytes("part.jsonl")) == whole)
    }

    @Test func aResumeThatFailsLeavesTheMetricsAlone() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.run(["train", "--steps", "6", "--out", "r.nstep", "--metrics", "keep.jsonl"] + Self.small).status == 0)
        let kept = scratch.bytes("keep.jsonl")
        let outcome = try scratch.run(["train", "--steps", "12", "--resume", "missing.nstep", "--metrics", "keep.jsonl"])
        #expect(outcome.status != 0 && outcome.stderr.contains("missing.nstep: no such file or directory"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("free space") && scratch.bytes("keep.jsonl") == kept)
        // The missing log is what is named, even when the metrics file would be refused too.
        try scratch.write(Array("notes\n".utf8), to: "notes.txt")
        let both = try scratch.run(["train", "--steps", "12", "--resume", "missing.nstep", "--metrics", "notes.txt"])
        #expect(both.status != 0 && both.stderr.contains("missing.nstep: no such file or directory"), "\(both.stderr)")
        #expect(scratch.bytes("notes.txt") == Array("notes\n".utf8))
    }

    @Test func theMetricsFileIsNeverTheStepLog() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.run(["train", "--steps", "6", "--out", "r.nstep"] + Self.small).status == 0)
        let log = scratch.bytes("r.nstep")
        #expect(link(scratch.path("r.nstep"), scratch.path("hard.jsonl")) == 0)
        #expect(symlink("r.nstep", scratch.path("soft.jsonl")) == 0)
        for metrics in ["r.nstep", "hard.jsonl", "soft.jsonl"] {
            let outcome = try scratch.run(["train", "--steps", "12", "--resume", "r.nstep", "--metrics", metrics])
            #expect(outcome.status != 0 && outcome.stderr.contains("\(metrics): is the same file as r.nstep"), "\(outcome.stderr)")
            #expect(scratch.bytes("r.nstep") == log)
        }
        let fresh = try scratch.run(["train", "--steps", "3", "--out", "o.nstep", "--metrics", "o.nstep"] + Self.small)
        #expect(fresh.status != 0 && fresh.stderr.contains("o.nstep: is the same file as o.nstep"), "\(fresh.stderr)")
        #expect(!scratch.exists("o.nstep"), "nothing is created")
        // A metrics path that is taken is refused before the log is created.
        try scratch.write(Array("notes\n".utf8), to: "taken.jsonl")
        let taken = try scratch.run(["train", "--steps", "3", "--out", "n.nstep", "--metrics", "taken.jsonl"] + Self.small)
        #expect(taken.status != 0 && taken.stderr.contains("taken.jsonl: already exists") && !scratch.exists("n.nstep"))
    }

    /// A full disk (here, a file size limit: writes past it fail with EFBIG, as with
    /// ENOSPC) leaves only whole lines, and says which file could not be written.
    @Test func aFullDiskLeavesWholeLines() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcome = try scratch.shell("trap '' XFSZ; ulimit -f 8; exec \"$NOISESTEP\" train --steps 40 "
            + Self.small.joined(separator: " ") + " --metrics full.jsonl")
        #expect(outcome.status != 0 && outcome.stderr.contains("full.jsonl: cannot write:"), "\(outcome.stderr)")
        let bytes = scratch.bytes("full.jsonl")
        #expect(!bytes.isEmpty && bytes.last == 10 && bytes.count < 40 * 200, "ends with a whole line")
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            #expect((try? StrictJSON.object(line)) != nil, "\(line)")
        }
    }

    /// Issue 17, cause 1, as the issue ran it: run A's 100 lines are kept whole when run B
    /// is resumed with A's metrics file.
    @Test func anotherRunsMetricsFileIsRefusedUntouched() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.run(["train", "--steps", "100", "--seed", "1", "--out", "A.nstep", "--metrics", "A.jsonl"] + Self.small).status == 0)
        #expect(try scratch.run(["train", "--steps", "20", "--seed", "2", "--out", "B.nstep"] + Self.small).status == 0)
        let kept = scratch.bytes("A.jsonl")
        let outcome = try scratch.run(["train", "--steps", "25", "--resume", "B.nstep", "--metrics", "A.jsonl"])
        #expect(outcome.status == 1 && outcome.stderr.contains("A.jsonl: holds the metrics of another run"), "\(outcome.stderr)")
        #expect(scratch.bytes("A.jsonl") == kept && Self.untimed(kept).count == 100)
        #expect(try scratch.run(["info", "B.nstep"]).stdout.contains("20 steps"), "B is not continued either")
    }

    /// Issue 17, weak spot: a metrics file shorter than the log is filled from the log's
    /// records on resume, so it has no gap; the rebuilt lines carry the records' loss
    /// (Float32) and no step time.
    @Test func aShortMetricsFileIsFilledFromTheLog() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.run(["train", "--steps", "20", "--out", "whole.nstep", "--metrics", "whole.jsonl"] + Self.small).status == 0)
        #expect(try scratch.run(["train", "--steps", "12", "--out", "part.nstep", "--metrics", "part.jsonl"] + Self.small).status == 0)
        let part = String(decoding: scratch.bytes("part.jsonl"), as: UTF8.self).split(separator: "\n")
        try scratch.write(Array(part.prefix(5).map { $0 + "\n" }.joined().utf8), to: "part.jsonl")
        let resumed = try scratch.run(["train", "--steps", "20", "--resume", "part.nstep", "--metrics", "part.jsonl",
                                       "--eval-every", "4"])
        #expect(resumed.status == 0 && resumed.stderr.contains("part.jsonl ended at step 5; wrote the lines of steps 6...12"),
                "\(resumed.stderr)")
        let exact = { (line: Substring) in String(line).replacing(/,"(loss|batch_accuracy|step_seconds)":[^,}]*/, with: "") }
        let whole = String(decoding: scratch.bytes("whole.jsonl"), as: UTF8.self).split(separator: "\n").map(exact)
        let filled = String(decoding: scratch.bytes("part.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(filled.map(exact) == whole, "every step once, the same figures")
        #expect(filled[5 ..< 12].allSatisfy { $0.contains("\"step_seconds\":null") } && !filled[12].contains("null"))
    }
}
