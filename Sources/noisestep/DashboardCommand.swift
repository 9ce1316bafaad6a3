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

    @Option(help: "Continue the run in this .nstep step log (its options win); `s` saves the whole run to --out.")
    var resume: String?

    @Option(help: ArgumentHelp("On exit, write frame and training rates here as one JSON line (for `bench --dashboard`).",
                               visibility: .hidden))
    var stats: String?

    func run() throws {
        guard DashboardApp.isInteractiveTerminal else {
            throw CLIError("the dashboard needs a terminal on stdin and stdout; for headless training run `noisestep train`")
        }
        let data = try DataSource.load(directory: arguments.data)
        let (trainer, earlier) = try makeTrainer(data)
        let options = trainer.options
        let session = TrainingSession(
            trainer: trainer, validation: data.validation, evalEvery: arguments.evalEvery,
            stepLimit: arguments.steps, earlierEntries: earlier, saver: { path, trainer, entries in
                // A log that began from saved weights has no records for its first steps:
                // then only the weights can be saved.
                let complete = entries.first?.step == 1 && entries.count == trainer.stepsDone
                try ModelFile.write(trainer.model, step: trainer.stepsDone, options: trainer.options,
                                    entries: complete ? entries : [], to: path)
                return complete ? "saved \(entries.count) steps to \(path)" : "saved the weights after step \(trainer.stepsDone) to \(path)"
            })
        var configuration = DashboardConfiguration(options: options, savePath: out)
        configuration.framesPerSecond = fps
        var frames = FrameStatistics()
        let status = DashboardApp.run(session: session, validation: data.validation, configuration: configuration,
                                      frames: &frames)
        if let stats {
            session.drain()
            let state = session.state
            let line = "{\"frames\": \(frames.frames), \"seconds\": \(frames.seconds), \"fps\": \(frames.framesPerSecond), " +
                "\"steps\": \(state.history.count), \"training_seconds\": \(state.elapsedSeconds)}\n"
            try AtomicFile.write(Array(line.utf8), to: stats)
        }
        if status != 0 { throw ExitCode(status) }
    }
}

extension DashboardCommand {
    /// A fresh trainer, or one continuing `--resume`'s log with that log's entries.
    func makeTrainer(_ data: DataSource) throws -> (Trainer, [StepLogEntry]) {
        guard let resume else {
            return (try Trainer(options: try arguments.trainingOptions(), training: data.training), [])
        }
        let log = try StepLog.read(path: resume)
        return (Trainer(resuming: log, training: data.training, threads: arguments.threads), log.entries)
    }
}

extension TrainingSession: LiveTrainingSession {}
