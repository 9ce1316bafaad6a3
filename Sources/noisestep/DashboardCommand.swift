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
            every finished step; `noisestep dashboard --resume FILE` carries on. A recording \
            never replaces a file (--out with --force replaces a step log no process is writing).
            """)

    @OptionGroup var arguments: TrainingArguments

    @Option(help: "Record the session in this new .nstep step log (default: runs/DATE-TIME-seedN.nstep).")
    var out: String?

    @Flag(help: "Do not record the session.")
    var noRecord = false

    @Flag(help: "Replace an existing --out step log (never another kind of file, nor one being written).")
    var force = false

    @Option(parsing: .unconditional, help: "Redraws per second, \(Limits.framesPerSecond).")
    var fps = 20

    @Option(parsing: .unconditional, help: "Train at most this many steps a second, slow enough to watch it learn; 0: as fast as it can (p switches while running).")
    var pace = DashboardConfiguration.watchingPace

    @Option(help: "The terminal's background, for the colours: dark, light, or auto (ask the terminal, else COLORFGBG; b switches while running).")
    var theme: ThemeArgument = .auto

    @Option(help: "Continue the run in this .nstep step log, recording on into it (its options win); its whole history is shown from step 1.")
    var resume: String?

    @Option(help: "Draw this .nstep run's loss and accuracy in grey behind the live ones, step for step.")
    var compare: String?

    @Option(help: ArgumentHelp("On exit, write frame and training rates here as one JSON line (for `bench --dashboard`).",
                               visibility: .hidden))
    var stats: String?

    func validate() throws {
        try Setting.framesPerSecond.checkOption(fps)
        if !(pace >= 0 && pace <= 1_000_000) { throw ValidationError("--pace: \(pace) is outside 0...1000000 steps a second") }
        if noRecord, out != nil { throw ValidationError("--no-record: cannot also record to --out") }
        if resume != nil, out != nil { throw ValidationError("--out: a resumed session records into the --resume log") }
        if resume != nil, noRecord { throw ValidationError("--no-record: a resumed session records into the --resume log") }
        if force, out == nil { throw ValidationError("--force: applies to --out only; runs/ recordings never replace a file") }
    }

    func run() throws {
        let team = try ProcessTeam.join()
        guard team.isLeader else {
            return try team.follow(training: DataSource.load(directory: arguments.data).training,
                                   threads: arguments.threads)
        }
        // Options first: a value out of range is worth a message even without a terminal.
        if resume == nil { _ = try arguments.trainingOptions() }
        _ = try arguments.plan()
        let handover = team.isMPIJob ? try TerminalHandover.take() : nil
        defer { handover?.giveBack() }
        guard DashboardApp.isInteractiveTerminal else {
            throw CLIError("the dashboard needs a terminal on stdin and stdout; for headless training run"
                + " `\(ProgramName.command) train`")
        }
        // Before anything is created: a refused start leaves no log behind.
        if let refusal = DashboardApp.terminalRefusal(command: ProgramName.command) { throw CLIError(refusal) }
        let data = try DataSource.load(directory: arguments.data)
        var series = HistorySeries()
        let (driver, history) = try makeDriver(data, sharing: team.sharing) { series.append($0) }
        try team.sharing.start(driver.trainer)
        var configuration = try makeConfiguration(options: driver.trainer.options, data: data, leg: driver.plan.targetStep)
        configuration.history = series
        let recording = driver.log?.path
        let session = TrainingSession(driver: driver, history: history, leg: driver.plan.targetStep, pace: pace)
        var frames = FrameStatistics()
        let status = DashboardApp.run(session: session, validation: data.validation, configuration: configuration,
                                      frames: &frames)
        session.drain()
        let state = session.state
        // After SIGTERM, mpirun is ending the job because a rank ended: nobody to release.
        if status != 128 + SIGTERM { team.release(stepsDone: state.stepsDone, model: state.model) }
        if let recording {
            // The command on a line of its own, so a narrow terminal never breaks it mid-option.
            print("run: \(Printable.escaped(recording)) (\(NumberFormat.grouped(state.stepsDone)) steps); continue it with:\n"
                + "  \(ProgramName.command) dashboard --resume \(Printable.escaped(recording))")
        }
        // Something trained is not in the log (a full disk, say): said, and not a success.
        if let error = state.recordingError {
            FileHandle.standardError.write(Data("\(ErrorMessages.prefix)\(ErrorMessages.describe(error))\n".utf8))
            if status == 0 { throw ExitCode(1) }
        }
        if let stats { try DashboardStatistics(frames: frames, state: state).write(to: stats) }
        if status != 0 { throw ExitCode(status) }
    }
}

extension DashboardCommand {
    /// A fresh run recorded to `--out` or runs/, or `--resume`'s run recorded on into its
    /// log, with the figures of the steps it already holds (replayed, validation rescored);
    /// its steps shared through `sharing`; `each` sees the figures of every step replayed.
    func makeDriver(_ data: DataSource, sharing: StepSharing = .single,
                    each: @escaping (StepRecord) -> Void = { _ in }) throws -> (RunDriver<Trainer>, RunHistory) {
        if let resume {
            // One replay of the log gives the weights to go on from and the figures to show.
            let logged = try StepLog.options(path: resume)
            let rebuild = try HistoryRebuild(input: logged.input, validation: data.validation,
                                             evalEvery: arguments.evalEvery, threads: arguments.threads,
                                             each: each)
            let resumed = try ReadingProgress.following(resume) { progress in
                try RunDriver.resuming(resume, training: data.training, validation: data.validation,
                                       threads: arguments.threads, steps: arguments.targetStep(resumed: logged), evalEvery: arguments.evalEvery,
                                       sharing: sharing, visit: rebuild.visit, progress: progress)
            }
            Notes.resumed(resume, resumed, metrics: nil)
            return (resumed.driver, rebuild.finish(model: resumed.log.latestModel))
        }
        let noRecord = noRecord, out = out, existing: ExistingFile = force ? .replace : .refuse
        let driver = try RunDriver.fresh(options: arguments.trainingOptions(), training: data.training,
                                         validation: data.validation, plan: arguments.plan(), sharing: sharing,
                                         log: { options, fingerprint in
            if noRecord { return nil }
            guard let out else { return try Self.newRecording(options: options, dataFingerprint: fingerprint) }
            return try StepLogWriter(creating: out, options: options, dataFingerprint: fingerprint, existing: existing)
        })
        return (driver, RunHistory())
    }

    /// How the dashboard shows this run: its data set's class names, what its validation
    /// split is, how far space and `t` move the target, and the `--compare` run.
    func makeConfiguration(options: TrainingOptions, data: DataSource, leg: Int) throws -> DashboardConfiguration {
        var configuration = DashboardConfiguration(options: options)
        configuration.framesPerSecond = fps
        configuration.pace = pace > 0 ? pace : DashboardConfiguration.watchingPace
        configuration.command = ProgramName.command
        configuration.theme = theme.theme
        configuration.describeError = { ErrorMessages.describe($0) }
        configuration.describeFileProblem = { $0.message(path: $1) }
        configuration.leg = leg
        configuration.evalEvery = arguments.evalEvery
        configuration.runOptions = try Self.runOptions(options, data: data, evalEvery: arguments.evalEvery)
        let classes = ClassNames.forData(directory: arguments.data)
        configuration.classNames = classes.names
        configuration.classNoun = classes.noun
        let count = NumberFormat.grouped(data.validation.count)
        configuration.validationDescription = data.isBundled ? "the \(count)-image held-out split" : "the \(count) t10k images"
        if let compare {
            // The ghost draws loss and batch accuracy only, both in the records: nothing to score.
            var series = HistorySeries()
            let rebuild = try HistoryRebuild(input: options.input, validation: Dataset(pixels: [], labels: []),
                                             evalEvery: arguments.evalEvery, threads: arguments.threads) {
                series.append($0)
            }
            let log = try ReadingProgress.following(compare) { progress in
                try StepLog.read(path: compare, verifying: true, visit: rebuild.visit, progress: progress)
            }
            let name = compare.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? compare
            _ = rebuild.finish(model: log.latestModel)
            configuration.ghost = .init(name: Printable.escaped(name), series: series)
        }
        return configuration
    }

    /// The run's options as the help's last page lists them: what it started with.
    static func runOptions(_ options: TrainingOptions, data: DataSource, evalEvery: Int) throws -> [(String, String)] {
        let augmentation = options.augmentation
        return [
            ("model", try Limits.shape(of: options).summary),
            ("data", data.isBundled ? "the bundled MNIST subset" : "--data's files"),
            ("batch", NumberFormat.grouped(options.batch)), ("input", options.input.rawValue),
            ("started at", "density \(NumberFormat.scientific(options.density)) \(options.schedule.rawValue), "
                + "samples \(NumberFormat.grouped(options.samples)), quantile \(NumberFormat.plain(options.rejectQuantile))"),
            ("alignment", options.alignment.rawValue), ("temperature", NumberFormat.plain(options.temperature)),
            ("augmentation", "shift \(NumberFormat.plain(augmentation.shift)) px, rotate \(NumberFormat.plain(augmentation.rotation))°, "
                + "scale \(NumberFormat.plain(augmentation.scale))"),
            ("seed", String(options.seed)),
            ("validation", evalEvery > 0 ? "every \(NumberFormat.grouped(evalEvery)) steps" : "at the target"),
        ]
    }

    /// Names tried in runs/ when sessions started in the same second with the same seed.
    static let recordingNameAttempts = 100

    /// A new step log runs/YYYYMMDD-HHMMSS-seedN.nstep under the current directory
    /// (`directory`, created if missing), never over an existing file: a taken name (two
    /// sessions started in the same second with the same seed) gets -2, -3… appended.
    static func newRecording(options: TrainingOptions, dataFingerprint: DataFingerprint, directory: String = "runs",
                             started: Date = Date()) throws -> StepLogWriter {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CLIError("\(Printable.escaped(directory)): cannot create the folder for recorded runs;"
                + " pass --out FILE or --no-record")
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stem = "\(directory)/\(formatter.string(from: started))-seed\(options.seed)"
        for attempt in 1 ... recordingNameAttempts {
            let path = attempt == 1 ? "\(stem).nstep" : "\(stem)-\(attempt).nstep"
            do throws(StepLogError) {
                return try StepLogWriter(creating: path, options: options, dataFingerprint: dataFingerprint)
            } catch .io(_, .exists) {
                continue
            }
        }
        throw CLIError("\(Printable.escaped(stem)).nstep: \(recordingNameAttempts) recordings already have this name;"
            + " pass --out FILE")
    }
}

extension TrainingSession: LiveTrainingSession {}

/// `--theme`: a background the colours are chosen for, or auto.
enum ThemeArgument: String, ExpressibleByArgument, CaseIterable {
    case auto, dark, light

    var theme: Theme? {
        switch self {
        case .auto: nil
        case .dark: .dark
        case .light: .light
        }
    }
}
