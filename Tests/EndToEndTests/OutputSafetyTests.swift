import Foundation
import Testing

/// Issue 10, cases 1–4: what `train` writes, as a person would meet it. Every node is
/// made in a scratch folder; none is a system path.
@Suite(.serialized) struct OutputSafetyTests {
    static let small = ["--batch", "64", "--samples", "16", "--hidden", "32", "--eval-every", "0"]

    static func train(_ steps: Int, _ more: [String], in scratch: Scratch) throws -> BinaryUnderTest.Outcome {
        try scratch.run(["train", "--steps", String(steps)] + small + more)
    }

    /// The size of the file at `path`, -1 when there is none.
    static func size(_ path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : -1
    }

    static func kind(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    /// 1. A device, FIFO or directory is refused with one line, and stays what it was.
    @Test func outputsThatAreNotRegularFilesAreRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(mkfifo(scratch.path("ff"), 0o600) == 0 && mkdir(scratch.path("dir"), 0o700) == 0)
        var cases = [(["--out", "dir"], "dir: is a directory"), (["--metrics", "ff"], "ff: is a FIFO")]
        if getuid() == 0 {  // a null device of our own (1, 3), as the issue's `mknod -m 666 mynull c 1 3`
            #expect(mknod(scratch.path("mynull"), S_IFCHR | 0o666, dev_t(0x103)) == 0)
            cases.append((["--out", "mynull", "--metrics", "ff"], "mynull: is a character device"))
        }
        for (arguments, words) in cases {
            let outcome = try Self.train(3, arguments, in: scratch)
            #expect(outcome.status != 0 && outcome.stderr.contains(words) && outcome.stderr.split(separator: "\n").count == 1,
                    "\(arguments): \(outcome.stderr)")
            #expect(!outcome.stdout.contains("step "), "nothing trains")
        }
        #expect(Self.kind(scratch.path("ff")) == S_IFIFO && Self.kind(scratch.path("dir")) == S_IFDIR)
        if getuid() == 0 { #expect(Self.kind(scratch.path("mynull")) == S_IFCHR) }
    }

    /// 1. A symbolic link is followed: the file it names is written, and it stays a link.
    @Test func aSymbolicLinkIsFollowed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(symlink("target.nstep", scratch.path("link.nstep")) == 0)
        let outcome = try Self.train(3, ["--out", "link.nstep"], in: scratch)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(Self.kind(scratch.path("link.nstep")) == S_IFLNK && Self.kind(scratch.path("target.nstep")) == S_IFREG)
        #expect(try scratch.run(["info", "link.nstep"]).stdout.contains("3 steps"))
    }

    /// 2 and 4. `--out` never replaces a run; `--force` replaces only a step log.
    @Test func anExistingRunIsKeptUnlessForced() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try Self.train(12, ["--out", "big.nstep"], in: scratch).status == 0)
        let before = scratch.bytes("big.nstep")
        let again = try Self.train(3, ["--out", "big.nstep"], in: scratch)
        #expect(again.status != 0 && again.stderr.contains("big.nstep: already exists and is kept")
                && again.stderr.contains("--resume big.nstep") && again.stderr.contains("--force"), "\(again.stderr)")
        #expect(scratch.bytes("big.nstep") == before)
        #expect(try Self.train(3, ["--out", "big.nstep", "--force"], in: scratch).status == 0)
        #expect(try scratch.run(["info", "big.nstep"]).stdout.contains("big.nstep: 3 steps"))

        try scratch.write(Array("notes\n".utf8), to: "notes.txt")
        let notes = try Self.train(3, ["--out", "notes.txt", "--force"], in: scratch)
        #expect(notes.status != 0 && notes.stderr.contains("notes.txt: is not a noisestep step log, so it is kept"))
        #expect(scratch.bytes("notes.txt") == Array("notes\n".utf8))
        let replay = try scratch.run(["replay", "big.nstep", "--out", "notes.txt"])
        #expect(replay.status != 0 && scratch.bytes("notes.txt") == Array("notes\n".utf8), "\(replay.stderr)")
    }

    /// replay --out replaces a model file (weights only) but never a run's step log.
    @Test func replayReplacesAModelFileButNotARun() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try Self.train(4, ["--out", "run.nstep"], in: scratch).status == 0)
        #expect(try Self.train(3, ["--seed", "2", "--out", "other.nstep"], in: scratch).status == 0)
        #expect(try scratch.run(["replay", "run.nstep", "--to", "2", "--out", "model.nstep"]).status == 0)
        let again = try scratch.run(["replay", "run.nstep", "--to", "3", "--out", "model.nstep"])
        #expect(again.status == 0, "a model file is replaced: \(again.stderr)")
        let other = scratch.bytes("other.nstep")
        let refused = try scratch.run(["replay", "run.nstep", "--out", "other.nstep"])
        #expect(refused.status != 0 && scratch.bytes("other.nstep") == other, "a run's log is kept: \(refused.stderr)")
    }

    /// 4. Without --out, train says that nothing was kept.
    @Test func trainWithoutOutSaysNothingWasKept() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcome = try Self.train(2, [], in: scratch)
        #expect(outcome.status == 0 && outcome.stdout.contains("nothing was saved: pass --out FILE.nstep"))
    }

    /// 2. The two processes: a second writer is refused whatever the order, and
    /// the log keeps the first run. Then the same while the log is being resumed.
    @Test func aSecondWriterIsRefusedWhileTheFirstRuns() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for (first, log) in [(["--seed", "1", "--out", "same.nstep"], "same.nstep"), (["--resume", "same.nstep"], "same.nstep")] {
            let running = Process()
            running.executableURL = URL(fileURLWithPath: BinaryUnderTest.path)
            running.arguments = ["train", "--steps", "4000000"] + Self.small + first
            running.currentDirectoryURL = scratch.directory
            (running.standardOutput, running.standardError) = (FileHandle.nullDevice, FileHandle.nullDevice)
            try Spawning.start(running)
            defer {  // as kill -9: the log keeps every finished step
                kill(running.processIdentifier, SIGKILL)
                running.waitUntilExit()
            }
            // Wait until the first run has appended past where it started.
            let start = Self.size(scratch.path(log))
            try Spawning.waitUntil("\(log) to grow") { Self.size(scratch.path(log)) > max(start, 0) + 200 || !running.isRunning }
            try #require(running.isRunning, "the first run must still be writing")

            let plain = try Self.train(5, ["--seed", "2", "--out", log], in: scratch)
            #expect(plain.status != 0 && plain.stderr.contains("already exists"), "\(plain.stderr)")
            let forced = try Self.train(5, ["--seed", "2", "--out", log, "--force"], in: scratch)
            #expect(forced.status != 0 && forced.stderr.contains("another noisestep process is writing it"), "\(forced.stderr)")
            let resumed = try scratch.run(["train", "--steps", "5", "--resume", log])
            #expect(resumed.status != 0 && resumed.stderr.contains("another noisestep process is writing it"), "\(resumed.stderr)")
        }
        let info = try scratch.run(["info", "same.nstep", "--json"])
        #expect((try? StrictJSON.object(info.stdout))?["seed"] as? Int == 1,
                "the log still holds the first run:\n\(info.stdout)\(info.stderr)")
    }
}
