#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The bench's only contact with the libc process API: start a program with stdin from
/// /dev/null and stdout + stderr into a pipe, read the pipe to its end, and reap the child
/// with `wait4`, whose rusage gives the child's peak resident memory.
public enum ChildProcess {
    /// Runs `arguments[0]` with `arguments` and waits for it to end. A program name
    /// without a slash is searched for in PATH.
    /// - Throws: `BenchError.cannotStart` if the program cannot be started.
    static func run(_ arguments: [String]) throws(BenchError) -> ChildResult {
        precondition(!arguments.isEmpty)
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw .cannotStart(arguments[0], reason: errorText(errno)) }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        closeInheritedDescriptors(&actions)

        let argv = arguments.map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + environment).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environment)
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            throw .cannotStart(arguments[0], reason: errorText(spawned))
        }
        let output = FileHandle(fileDescriptor: readEnd, closeOnDealloc: true).readDataToEndOfFile()
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let signal = status & 0x7F
        return ChildResult(exitCode: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
                           output: String(decoding: output, as: UTF8.self),
                           peakResidentBytes: peakBytes(usage))
    }

    /// The absolute path of the running executable, or nil if it cannot be found.
    public static func currentExecutable() -> String? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath
    }

    /// A child gets stdin, stdout and stderr only. Anything else this process has open
    /// (a caller's pipe, say) would otherwise stay open in a long-lived child such as a
    /// tmux server, and whoever reads that pipe to its end would wait for ever. glibc
    /// ignores a close of a descriptor that is no longer open by the time of the spawn.
    static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        #if os(Linux)
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap(Int32.init) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        #endif
    }

    /// Linux reports ru_maxrss in kilobytes, macOS in bytes.
    private static func peakBytes(_ usage: rusage) -> Int {
        #if os(Linux)
        return Int(usage.ru_maxrss) * 1024
        #else
        return Int(usage.ru_maxrss)
        #endif
    }

    private static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
}
