import Foundation
import Testing

/// Issue 17, weak spots of the file layer: a 255-byte name works (the temporary name is
/// short), a replaced file keeps its permissions, a read-only file is never replaced, and
/// temporary files of writers that died are cleaned up.
@Suite(.serialized) struct OutputNameTests {
    static let small = ["--batch", "64", "--samples", "16", "--hidden", "32", "--eval-every", "0"]

    static func permissions(_ path: String) -> mode_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0
    }

    static func names(in scratch: Scratch) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path).sorted()
    }

    @Test func aNameOf255BytesWorks() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let name = String(repeating: "a", count: 249) + ".nstep", model = String(repeating: "m", count: 249) + ".nstep"
        let trained = try scratch.run(["train", "--steps", "3", "--out", name] + Self.small)
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(try scratch.run(["replay", name, "--to", "2", "--out", model]).status == 0)
        let replaced = try scratch.run(["replay", name, "--out", model])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try Self.names(in: scratch) == [name, model].sorted(), "no temporary file is left")
    }

    @Test func aReplacedFileKeepsItsPermissionsAndAReadOnlyOneIsKept() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.run(["train", "--steps", "3", "--out", "run.nstep"] + Self.small).status == 0)
        #expect(try scratch.run(["replay", "run.nstep", "--to", "1", "--out", "model.nstep"]).status == 0)
        for name in ["run.nstep", "model.nstep"] { #expect(chmod(scratch.path(name), 0o600) == 0) }
        #expect(try scratch.run(["train", "--steps", "2", "--force", "--out", "run.nstep"] + Self.small).status == 0)
        #expect(try scratch.run(["replay", "run.nstep", "--out", "model.nstep"]).status == 0)
        #expect(Self.permissions(scratch.path("run.nstep")) == 0o600 && Self.permissions(scratch.path("model.nstep")) == 0o600)
        for name in ["run.nstep", "model.nstep"] { #expect(chmod(scratch.path(name), 0o444) == 0) }
        let (log, model) = (scratch.bytes("run.nstep"), scratch.bytes("model.nstep"))
        let outcomes = [try scratch.run(["train", "--steps", "4", "--force", "--out", "run.nstep"] + Self.small),
                        try scratch.run(["replay", "run.nstep", "--to", "1", "--out", "model.nstep"]),
                        try scratch.run(["train", "--steps", "4", "--resume", "run.nstep"])]
        for outcome in outcomes {
            #expect(outcome.status == 1 && outcome.stderr.contains(".nstep: is read-only, so it is kept"), "\(outcome.stderr)")
        }
        #expect(scratch.bytes("run.nstep") == log && scratch.bytes("model.nstep") == model)
        #expect(try Self.names(in: scratch) == ["model.nstep", "run.nstep"])
    }

    /// A writer killed between making its file and naming it left `.noisestep-PID-N.tmp`
    /// (or, before this version, `NAME.tmp-PID-N`); the next output made there removes
    /// those whose process is gone, and nothing else.
    @Test func temporaryFilesOfDeadWritersAreRemoved() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let dead = try Self.deadProcessID()
        let stale = [".noisestep-\(dead)-0.tmp", "run.nstep.tmp-\(dead)-3"]
        let kept = [".noisestep-\(getpid())-0.tmp", ".noisestep-x-0.tmp", "other.nstep.tmp-\(dead)-1", "notes.txt"]
        for name in stale + kept { try scratch.write([1, 2, 3], to: name) }
        #expect(try scratch.run(["train", "--steps", "2", "--out", "run.nstep"] + Self.small).status == 0)
        #expect(try Self.names(in: scratch) == (kept + ["run.nstep"]).sorted())
    }

    /// The id of a process that has exited (and been reaped).
    static func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try Spawning.start(process)
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// Another user's file is never replaced, even by root with --force.
    @Test(.enabled(if: getuid() == 0, "needs root to give a file away"))
    func anotherUsersFileIsKept() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.run(["train", "--steps", "3", "--out", "run.nstep"] + Self.small).status == 0)
        #expect(chown(scratch.path("run.nstep"), 65534, 65534) == 0)
        let log = scratch.bytes("run.nstep")
        let outcome = try scratch.run(["train", "--steps", "2", "--force", "--out", "run.nstep"] + Self.small)
        #expect(outcome.status == 1 && outcome.stderr.contains("run.nstep: belongs to another user, so it is kept"),
                "\(outcome.stderr)")
        #expect(scratch.bytes("run.nstep") == log)
    }

    /// An empty path, and a path through a file, are named as what they are.
    @Test func pathsThatNameNoFileAreSaidSo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write([1], to: "afile")
        let cases = [(["--out", ""], "noisestep: '': an empty path names no file; give a file name"),
                     (["--metrics", ""], "noisestep: '': an empty path names no file; give a file name"),
                     (["--out", "afile/x.nstep"], "noisestep: afile/x.nstep: a part of its path that should be a folder is a file")]
        for (arguments, message) in cases {
            let outcome = try scratch.run(["train", "--steps", "2"] + Self.small + arguments)
            #expect(outcome.status == 1 && outcome.stderr == message + "\n", "\(arguments): \(outcome.stderr)")
        }
    }

    /// A file-size limit (SIGXFSZ would dump core): the write fails, is said, whole steps stay.
    @Test func aFileSizeLimitIsAWriteError() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Started as from a shell, so only its own handling keeps it alive.
        let unblocked = FaultSignalTests.asFromAShell
        let outcome = try scratch.shell("ulimit -f 8; exec \(unblocked) \"$NOISESTEP\" train --steps 3000 "
            + Self.small.joined(separator: " ") + " --out run.nstep")
        #expect(outcome.status == 1 && outcome.stderr.contains("run.nstep: cannot write: File too large"), "\(outcome.status) \(outcome.stderr)")
        let info = try scratch.run(["info", "run.nstep"])
        #expect(info.status == 0 && !info.stdout.contains("torn"), "\(info.stdout)")
    }
}
