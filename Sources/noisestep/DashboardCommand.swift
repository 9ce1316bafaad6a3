import ArgumentParser
import Dashboard
import Foundation
import NoiseStep

/// `noisestep dashboard` (also `noisestep` alone): live training in the terminal.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Train live in an ncurses dashboard: watch, draw digits, tune (the default command).",
        discussion: """
            Every session is recorded as it trains, step by step, in a .nstep step log: by \
            default runs/DATE-TIME-seedN.nstep under the current directory (--out names \
            another file, --no-record turns recording off). Quitting, Ctrl-C or a crash keep \
            every finished step; `noisestep dashboard --resume FILE` carries on.
            """)

    @OptionGroup var arguments: TrainingArguments

    @Option(help: "Record the session in this new .nstep step log (default: runs/DATE-TIME-seedN.nstep).")
    var out: String?

    @Flag(help: "Do not record the session.")
    var noRecord = false

    @Option(parsing: .unconditional, help: "Redraws per second, 10...30.")
    var fps = 20

    @Option(help: "Continue the run in this .nstep step log, recording on into it (its options win).")
    var resume: String?

    @Option(help: ArgumentHelp("On exit, write frame and training rates here as one JSON line (for `bench --dashboard`).",
                               visibility: .hidden))
    var stats: String?

    func validate() throws {
        if !(10 ... 30).contains(fps) { throw ValidationError("--fps: \(fps) is outside 10...30") }
        if noRecord, out != nil { throw ValidationError("--no-record: cannot also record to --out") }
        if resume != nil, out != nil { throw ValidationError("--out: a resumed session records into the --resume log") }
        if resume != nil, noRecord { throw ValidationError("--no-record: a resumed session records into the --resume log") }
    }

    func run() throws {
        let team = try ProcessTeam.join()
        guard team.isLeader else {
            return try team.follow(training: DataSource.load(directory: arguments.data).training,
                                   threads: arguments.threads)
        }
        let handover = team.isMPIJob ? try TerminalHandover.take() : nil
        defer { handover?.giveBack() }
        guard DashboardApp.isInteractiveTerminal else {
            throw CLIError("the dashboard needs a terminal on stdin and stdout; for headless training run `noisestep train`")
        }
        let data = try DataSource.load(directory: arguments.data)
        let driver = try makeDriver(data, sharing: team.sharing)
        try team.sharing.start(driver.trainer)
        var configuration = DashboardConfiguration(options: driver.trainer.options)
        configuration.framesPerSecond = fps
        configuration.describeError = { ErrorMessages.describe($0) }
        let recording = driver.log?.path
        let session = TrainingSession(driver: driver, leg: arguments.steps)
        var frames = FrameStatistics()
        let status = DashboardApp.run(session: session, validation: data.validation, configuration: configuration,
                                      frames: &frames)
        session.drain()
        let state = session.state
        // After SIGTERM, mpirun is ending the job because a rank ended: nobody to release.
        if status != 128 + SIGTERM { team.release(stepsDone: state.stepsDone, model: state.model) }
        if let recording {
            print("run: \(Printable.escaped(recording)) (\(state.stepsDone) steps); continue it with"
                + " `noisestep dashboard --resume \(Printable.escaped(recording))`")
        }
        if case .recordingFailed(let error) = state.event {
            FileHandle.standardError.write(Data("noisestep: \(ErrorMessages.describe(error))\n".utf8))
        }
        if let stats {
            let line = "{\"frames\": \(frames.frames), \"seconds\": \(frames.seconds), \"fps\": \(frames.framesPerSecond), " +
                "\"steps\": \(state.history.count), \"training_seconds\": \(state.elapsedSeconds)}\n"
            try AtomicFile.write(Array(line.utf8), to: stats)
        }
        if status != 0 { throw ExitCode(status) }
    }
}

extension DashboardCommand {
    /// A fresh run recorded to `--out` or runs/, or `--resume`'s run recorded on into its
    /// log; its steps shared through `sharing`.
    func makeDriver(_ data: DataSource, sharing: StepSharing) throws -> RunDriver<Trainer> {
        if let resume {
            let (writer, log) = try StepLogWriter.resume(path: resume)
            let trainer = try Trainer(resuming: log, training: data.training, threads: arguments.threads,
                                      sharing: sharing)
            let plan = try RunPlan(targetStep: max(arguments.steps, trainer.stepsDone), evalEvery: arguments.evalEvery)
            return RunDriver(trainer: trainer, validation: data.validation, plan: plan, log: writer)
        }
        let options = try arguments.trainingOptions()
        let trainer = try Trainer(options: options, training: data.training, sharing: sharing)
        let path = noRecord ? nil : try out ?? Self.defaultRecordingPath(seed: options.seed)
        let log = try path.map { path throws(StepLogError) in try StepLogWriter(creating: path, options: options) }
        return RunDriver(trainer: trainer, validation: data.validation, plan: try arguments.plan(), log: log)
    }

    /// runs/YYYYMMDD-HHMMSS-seedN.nstep under the current directory, creating runs/.
    static func defaultRecordingPath(seed: UInt64) throws -> String {
        let directory = "runs"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CLIError("\(directory): cannot create the folder for recorded runs; pass --out FILE or --no-record")
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "\(directory)/\(formatter.string(from: Date()))-seed\(seed).nstep"
    }
}

extension TrainingSession: LiveTrainingSession {}
