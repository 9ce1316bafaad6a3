import ArgumentParser
import Foundation

@main
struct NoiseStepCommand: ParsableCommand {
    /// The program's version, for `--version`.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "noisestep",
        abstract: "Train ternary neural networks with noise_step, and watch them learn.",
        discussion: """
            Exit status: 0 on success; 1 when a file, the data or the terminal cannot be used \
            (one line on stderr says which and what to do); 64 for a command line it cannot \
            take (an unknown command or option, a value out of range); 128 + N when the \
            dashboard ends on signal N (130 for Ctrl-C).
            """,
        version: version,
        subcommands: [DashboardCommand.self, TrainCommand.self, EvalCommand.self, ReplayCommand.self, InfoCommand.self,
                      ExportCommand.self, BenchCommand.self],
        defaultSubcommand: DashboardCommand.self)

    /// Parses and runs the command; every error is reported in the command line's words.
    static func main() {
        if let unknown = unknownCommand(in: Array(CommandLine.arguments.dropFirst())) {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName }
            let message = ErrorMessages.prefix + "'\(Printable.escaped(unknown))' is not a command; the commands are "
                + names.joined(separator: ", ") + " (dashboard when none is given). See \(ProgramName.command) --help.\n"
            FileHandle.standardError.write(Data(message.utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let translated = ErrorMessages.translate(error)
            if let failure = translated as? CLIError {
                // One line, and the status that says whose the fault was.
                FileHandle.standardError.write(Data("\(ErrorMessages.prefix)\(failure.description)\n".utf8))
                Foundation.exit(failure.status)
            }
            // --help and --version end here too, printed as ArgumentParser prints them.
            let status = exitCode(for: translated)
            guard status != .success else { exit(withError: translated) }
            // What ArgumentParser refuses (an unknown option, a malformed value, a failed
            // validation): its message in one line, without the usage block after it. A
            // bare ExitCode (the dashboard ended on a signal) has none and prints nothing.
            let message = message(for: translated).split(whereSeparator: \.isNewline).joined(separator: " ")
            if !message.isEmpty { FileHandle.standardError.write(Data("\(ErrorMessages.prefix)\(message)\n".utf8)) }
            Foundation.exit(status.rawValue)
        }
    }

    /// The first argument when it is a bare word that names no command: the default
    /// command takes options only, so such a word can only be a mistyped command.
    static func unknownCommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        return names.contains(first) ? nil : first
    }
}
