import Foundation

/// How the user can run this program again, for every hint that names a command: the
/// bare name when `noisestep` on the PATH is this very executable, else a path to it
/// (relative to the current folder when it lies below it: after `swift run` the program
/// is not on the PATH, and `.build/release/noisestep …` works where `noisestep …` does not).
enum ProgramName {
    static let name = "noisestep"

    /// The command to type, worked out once.
    static let command: String = {
        let environment = ProcessInfo.processInfo.environment
        let directory = FileManager.default.currentDirectoryPath
        return choose(executable: executablePath(), path: environment["PATH"] ?? "", directory: directory)
    }()

    /// The command for `executable` (its real path) given the PATH and the current folder.
    static func choose(executable: String?, path: String, directory: String) -> String {
        guard let executable else { return name }
        let onPath = path.split(separator: ":").map { resolved("\($0)/\(name)") }
        if onPath.first(where: { $0 != nil }) == .some(executable) { return name }
        // The stable names SwiftPM links first, then the executable's own path.
        for candidate in [".build/release/\(name)", ".build/debug/\(name)"]
            where resolved("\(directory)/\(candidate)") == executable {
            return candidate
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return executable.hasPrefix(prefix) ? "./" + executable.dropFirst(prefix.count) : executable
    }

    /// This process's executable, symbolic links resolved.
    private static func executablePath() -> String? {
        resolved("/proc/self/exe") ?? resolved(CommandLine.arguments.first ?? "")
    }

    /// `path` with every symbolic link resolved, nil when nothing is there.
    private static func resolved(_ path: String) -> String? {
        guard !path.isEmpty, let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}
