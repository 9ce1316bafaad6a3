import ArgumentParser
import Foundation
import NoiseStep

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
        FaultSignals.install()
        guard CommandLine.argc >= 1 else {
            // The runtime could not read them (on Linux it needs /proc mounted): running
            // the default command instead of the one typed would be a guess.
            FileHandle.standardError.write(Data("\(ErrorMessages.prefix)cannot read the command line (is /proc mounted?)\n".utf8))
            Foundation.exit(ExitCode.failure.rawValue)
        }
        let arguments = commandLineArguments()
        if let unknown = unknownCommand(in: arguments) {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName }
            let message = ErrorMessages.prefix + "'\(Printable.escaped(unknown))' is not a command; the commands are "
                + names.joined(separator: ", ") + " (dashboard when none is given). See \(ProgramName.command) --help.\n"
            FileHandle.standardError.write(Data(message.utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
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
            // It quotes what was typed: escaped, so a control sequence in an argument cannot
            // drive the terminal.
            let message = message(for: translated).split(whereSeparator: \.isNewline).map(Printable.escaped)
                .joined(separator: " ")
            if !message.isEmpty { FileHandle.standardError.write(Data("\(ErrorMessages.prefix)\(message)\n".utf8)) }
            Foundation.exit(status.rawValue)
        }
    }

    /// The arguments after the program's name, each as its bytes (`PathBytes`):
    /// `CommandLine.arguments` would replace bytes that are not UTF-8 by U+FFFD, so a
    /// file name like `$'\xfe.nstep'` would become another name.
    static func commandLineArguments() -> [String] {
        (1 ..< Int(CommandLine.argc)).compactMap { index in
            CommandLine.unsafeArgv[index].map { PathBytes.string(cString: $0) }
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
