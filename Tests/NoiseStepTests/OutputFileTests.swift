import Foundation
import Testing
@testable import NoiseStep

/// Outputs are regular files only, never written over anything else, followed through
/// symbolic links, created whole and locked. Every node is made in a scratch folder.
@Suite struct OutputFileTests {
    static func create(_ path: String, _ bytes: [UInt8] = [1, 2, 3], kind: OutputKind = .stepLog,
                       existing: ExistingFile = .refuse) -> FileProblem? {
        fileProblem { () throws(FileProblem) in _ = try OutputFile.create(path, kind: kind, contents: bytes, existing: existing) }
    }

    static func contents(of folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func createsANewFileWholeAndLeavesNoTemporaryFile() throws {
        let path = StepLogFixtures.scratchPath("model.nstep")
        defer { StepLogFixtures.removeScratch(path) }
        #expect(Self.create(path) == nil)
        #expect(StepLogFixtures.bytes(of: path) == [1, 2, 3])
        #expect(try Self.contents(of: (path as NSString).deletingLastPathComponent) == ["model.nstep"])
    }

    @Test func refusesDevicesFIFOsDirectoriesAndSockets() throws {
        let folder = (StepLogFixtures.scratchPath() as NSString).deletingLastPathComponent
        defer { StepLogFixtures.removeScratch(folder + "/x") }
        let fifo = folder + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        for existing in [ExistingFile.refuse, .replace] {
            #expect(Self.create(fifo, existing: existing) == .notRegularFile(.fifo))
            #expect(Self.create(folder, existing: existing) == .notRegularFile(.directory))
        }
        if getuid() == 0 {  // a character device of our own, like /dev/null (1, 3)
            let device = folder + "/mynull"
            #expect(mknod(device, S_IFCHR | 0o666, dev_t(0x103)) == 0)
            #expect(Self.create(device, existing: .replace) == .notRegularFile(.characterDevice))
            var status = stat()
            #expect(lstat(device, &status) == 0 && status.st_mode & S_IFMT == S_IFCHR, "the device is still a device")
        }
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
        #expect(try Self.contents(of: folder).allSatisfy { !$0.contains(".tmp-") })
    }

    @Test func neverReplacesAFileItMustNot() throws {
        let path = StepLogFixtures.scratchPath("run.nstep")
        defer { StepLogFixtures.removeScratch(path) }
        try StepLogFixtures.write(StepLogFormat.magic + [9], to: path)
        #expect(Self.create(path) == .exists(.stepLog))
        #expect(Self.create(path, kind: .metrics, existing: .replace) == .notReplaceable(expected: .metrics))
        #expect(StepLogFixtures.bytes(of: path) == StepLogFormat.magic + [9])
        #expect(Self.create(path, existing: .replace) == nil)  // a step log may replace a step log
        #expect(StepLogFixtures.bytes(of: path) == [1, 2, 3])
    }

    @Test func aLockedFileIsNotReplacedNorOpened() throws {
        let path = StepLogFixtures.scratchPath("run.nstep")
        defer { StepLogFixtures.removeScratch(path) }
        let holder = try OutputFile.create(path, kind: .stepLog, contents: StepLogFormat.magic, existing: .refuse)
        #expect(Self.create(path, existing: .replace) == .locked)
        #expect(fileProblem { () throws(FileProblem) in _ = try OutputFile.openLocked(path) } == .locked)
        _ = holder
    }

    /// Symbolic links are followed: the file they name is written and the link stays.
    @Test func symbolicLinksAreFollowed() throws {
        let folder = (StepLogFixtures.scratchPath() as NSString).deletingLastPathComponent
        defer { StepLogFixtures.removeScratch(folder + "/x") }
        #expect(symlink("target.nstep", folder + "/link.nstep") == 0)
        #expect(Self.create(folder + "/link.nstep", StepLogFormat.magic + [1]) == nil)  // a link to nothing creates its target
        #expect(StepLogFixtures.bytes(of: folder + "/target.nstep") == StepLogFormat.magic + [1])
        #expect(Self.create(folder + "/link.nstep") == .exists(.stepLog))
        #expect(Self.create(folder + "/link.nstep", StepLogFormat.magic + [2], existing: .replace) == nil)
        var status = stat()
        #expect(lstat(folder + "/link.nstep", &status) == 0 && status.st_mode & S_IFMT == S_IFLNK, "still a link")
        #expect(StepLogFixtures.bytes(of: folder + "/target.nstep") == StepLogFormat.magic + [2])
        #expect(symlink("loop-b", folder + "/loop-a") == 0 && symlink("loop-a", folder + "/loop-b") == 0)
        #expect(Self.create(folder + "/loop-a") == .system(.followLink, code: ELOOP))
    }

    @Test func aMissingFolderIsNamedAsSuch() {
        #expect(Self.create("/nonexistent-noisestep-dir/model.nstep") == .system(.create, code: ENOENT))
        #expect(fileProblem { () throws(FileProblem) in
            try OutputFile.checkCreatable("/nonexistent-noisestep-dir/model.nstep", kind: .stepLog, existing: .refuse)
        } == .system(.create, code: ENOENT))
    }

    @Test func sameFileSeesThroughLinks() throws {
        let folder = (StepLogFixtures.scratchPath() as NSString).deletingLastPathComponent
        defer { StepLogFixtures.removeScratch(folder + "/x") }
        let log = folder + "/r.nstep"
        #expect(OutputFile.sameFile(log, folder + "/./r.nstep"), "neither exists yet: the same place")
        #expect(!OutputFile.sameFile(log, folder + "/m.jsonl"))
        try StepLogFixtures.write([1], to: log)
        #expect(link(log, folder + "/hard.jsonl") == 0 && symlink("r.nstep", folder + "/soft.jsonl") == 0)
        #expect(OutputFile.sameFile(folder + "/hard.jsonl", log) && OutputFile.sameFile(folder + "/soft.jsonl", log))
        #expect(!OutputFile.sameFile(folder + "/m.jsonl", log))
    }

    /// The one whole-file reader: regular files only, never more than its limit.
    @Test func readingAWholeFileIsBounded() throws {
        let path = StepLogFixtures.scratchPath("data")
        defer { StepLogFixtures.removeScratch(path) }
        try StepLogFixtures.write([UInt8](repeating: 7, count: 100), to: path)
        let file = try FileSystem.openForReading(path)
        #expect(fileProblem { () throws(FileProblem) in _ = try file.readWhole(limit: 99) } == .tooLarge(bytes: 100, limit: 99))
        #expect(try file.readWhole(limit: 100).count == 100)
    }
}
