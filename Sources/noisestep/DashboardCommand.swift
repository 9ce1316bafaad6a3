import ArgumentParser
import Dashboard
import Foundation
import NoiseStep

/// `noisestep dashboard` (also `noisestep` alone): live training in the terminal.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Train live in an ncurses dashboard: watch, draw digits, tune (the default command).")

    @OptionGroup var arguments: TrainingArguments

    @Option(help: "Where the `s` key saves the model (a .nstep step log).")
    var out = "noisestep.nstep"

    @Option(help: "Redraws per second, 10...30.")
    var fps = 20

    func run() throws {
        guard DashboardApp.isInteractiveTerminal else {
            throw CLIError("the dashboard needs a terminal on stdin and stdout; for headless training run `noisestep train`")
        }
        let options = try arguments.trainingOptions()
        let data = try DataSource.load(directory: arguments.data)
        let trainer = try Trainer(options: options, training: data.training)
        let session = TrainingSession(
            trainer: trainer, validation: data.validation, evalEvery: arguments.evalEvery,
            stepLimit: arguments.steps, saver: { path, trainer, entries in
                try ModelFile.write(trainer.model, step: trainer.stepsDone, options: trainer.options, entries: entries, to: path)
                return "saved \(entries.count) steps to \(path)"
            })
        var configuration = DashboardConfiguration(options: options, savePath: out)
        configuration.framesPerSecond = fps
        let status = DashboardApp.run(session: session, validation: data.validation, configuration: configuration)
        if status != 0 { throw ExitCode(status) }
    }
}

extension TrainingSession: LiveTrainingSession {}
