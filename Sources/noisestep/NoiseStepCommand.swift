import ArgumentParser

@main
struct NoiseStepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "noisestep",
        abstract: "Train ternary neural networks with noise_step, and watch them learn.",
        subcommands: [DashboardCommand.self, TrainCommand.self, EvalCommand.self, ReplayCommand.self, InfoCommand.self,
                      BenchCommand.self],
        defaultSubcommand: DashboardCommand.self)

    /// Parses and runs the command; every error is reported in the command line's words.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: ErrorMessages.translate(error))
        }
    }
}
