import Foundation
import Testing
@testable import NoiseStepBench

/// A child the bench starts holds stdin, stdout and stderr only: a pipe this process has
/// open stays out of it, so a long-lived child (a tmux server) cannot keep a reader of
/// that pipe waiting for ever.
@Suite struct ChildProcessTests {
    @Test func aChildInheritsNoOtherDescriptor() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { ends.forEach { close($0) } }
        let result = try ChildProcess.run(["sh", "-c", "ls /proc/$$/fd"])
        #expect(result.succeeded, "\(result.output)")
        let open = Set(result.output.split(whereSeparator: \.isNewline).compactMap { Int32($0) })
        #expect(open.isSuperset(of: [0, 1, 2]), "\(open)")
        #expect(open.isDisjoint(with: ends), "the pipe \(ends) leaked into the child: \(open)")
    }
}
