import Foundation
import Testing
@testable import NoiseStep

@Suite struct AtomicWriteTests {
    @Test func writesAndReplacesLeavingNoTemporaryFile() throws {
        let path = StepLogFixtures.scratchPath("model.nstep")
        defer { StepLogFixtures.removeScratch(path) }
        try AtomicFile.write([1, 2, 3], to: path)
        #expect(StepLogFixtures.bytes(of: path) == [1, 2, 3])
        try AtomicFile.write([4], to: path)
        #expect(StepLogFixtures.bytes(of: path) == [4])
        let directory = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["model.nstep"])
    }

    @Test func writesAnEmptyFile() throws {
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        try AtomicFile.write([], to: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(StepLogFixtures.bytes(of: path) == [])
    }

    @Test func failsWithTheFileNamedWhenTheDirectoryIsMissing() {
        let path = "/nonexistent-noisestep-dir/model.nstep"
        let error = StepLogFixtures.error { () throws(StepLogError) in try AtomicFile.write([1], to: path) }
        guard case .unwritable(let file, _)? = error else {
            Issue.record("expected .unwritable, got \(String(describing: error))")
            return
        }
        #expect(file.hasPrefix(path))
    }

    @Test func leavesTheOldFileWhenTheRenameFails() throws {
        // Renaming a file over a non-empty directory fails; the temporary file must go.
        let path = StepLogFixtures.scratchPath("occupied")
        defer { StepLogFixtures.removeScratch(path) }
        try FileManager.default.createDirectory(atPath: path + "/inner", withIntermediateDirectories: true)
        let error = StepLogFixtures.error { () throws(StepLogError) in try AtomicFile.write([1], to: path) }
        #expect(error != nil)
        let directory = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["occupied"])
    }
}
