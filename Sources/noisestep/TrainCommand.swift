import ArgumentParser
import Foundation
import NoiseStep

/// `noisestep train`: headless training with a progress line, metrics and a step log.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a ternary network with noise_step, headless.",
        discussion: """
            With --out, every step is appended to a new .nstep step log as it happens; a killed \
            run keeps every finished step. --out never replaces a file unless --force is given, \
            and then only a step log that no process is writing. --resume continues such a log \
            to --steps steps in all, bit-identical to an uninterrupted run: it takes every \
            training option from the log (only --steps, --data, --threads and --eval-every \
            apply) and refuses other data than the run's. Outputs are regular files only; a \
            symbolic link is followed to the file it names.
            """)

    @OptionGroup var arguments: TrainingArguments

    @Option(parsing: .unconditional, help: "When stdout is not a terminal, print one line every N steps.")
    var logEvery = 50

    @Option(help: "Write the run here as it trains: a new .nstep step log (with --optimizer adam-ste: a model file, written at the end).")
    var out: String?

    @Option(help: "Continue the run in this .nstep step log, appending to it.")
    var resume: String?

    @Option(help: "Write one JSON object per step to this .jsonl file (with --resume: continue it).")
    var metrics: String?

    @Flag(help: "Replace an existing --out step log (an Adam-STE model file with --optimizer adam-ste) or --metrics file (never another kind of file, nor one being written).")
    var force = false

    @Flag(help: "Keep no step log (as without --out; taken for the dashboard's sake, where recording is the default).")
    var noRecord = false

    @Option(help: "The optimizer: noise-step, or adam-ste (the paper's baseline: fp32 latent weights, Adam, straight-through ternarization).")
    var optimizer = Optimizer.noiseStep

    /// Hold out another of the bundled subset's ten stratified folds (default 5), to check
    /// that a choice tuned on the usual split holds on examples it never saw.
    @Option(parsing: .unconditional, help: .hidden)
    var holdoutFold: Int?

    func validate() throws {
        if logEvery < 1 { throw ValidationError("--log-every: \(logEvery) must be at least 1") }
        if noRecord, out != nil { throw ValidationError("--no-record: cannot also record to --out") }
        if noRecord, resume != nil { throw ValidationError("--no-record: a resumed run records into the --resume log") }
        if resume != nil, out != nil { throw ValidationError("--out: a resumed run appends to the --resume log itself") }
        if resume != nil, force { throw ValidationError("--force: a resumed run continues its files; nothing is replaced") }
        if optimizer == .adamSTE, resume != nil {
            throw ValidationError("--optimizer adam-ste: its fp32 latent weights and Adam moments are not saved, so a run"
                + " cannot be resumed; train it again with the --steps you want")
        }
    }

    func run() throws {
        let team = try ProcessTeam.join()
        // Options first: a value out of range is the problem to hear of, even when --out
        // names a file that would be refused too.
        // (A resumed run takes its options from the log.)
        let options = resume == nil ? try arguments.trainingOptions() : nil
        var plan = try arguments.plan()
        if team.isLeader { try checkOutputs() }
        // A resumed run's length defaults to its model's, read once the log is known to be fit.
        if let resume, team.isLeader { plan = try arguments.plan(resuming: resume) }
        let data = try DataSource.load(directory: arguments.data, fold: holdoutFold)
        guard team.isLeader else { return try team.follow(training: data.training, threads: arguments.threads) }
        switch optimizer {
        case .noiseStep:
            try trainNoiseStep(data, options: options, plan: plan, team: team)
        case .adamSTE:
            try trainAdamSTE(data, options: options, plan: plan, team: team)
        }
    }

    /// Refuses, before any data is loaded or any file created, outputs that would be
    /// refused later: a metrics file that is the log, a taken --out, a --metrics that is
    /// not a metrics file.
    private func checkOutputs() throws {
        if let resume { try StepLogWriter.checkResumable(resume) }
        if let metrics, let log = out ?? resume { try MetricsLog.checkApart(metrics: metrics, log: log) }
        if let out {
            if optimizer == .adamSTE {
                try ModelFile.checkWritable(out, existing: existing)
            } else {
                try StepLogWriter.checkCreatable(out, existing: existing)
            }
        }
        if let metrics {
            try MetricsLog.checkOpenable(metrics, existing: existing, continuing: try resume.map { try StepLog.run(path: $0) })
        }
    }

    /// What --force allows.
    var existing: ExistingFile { force ? .replace : .refuse }

    /// noise_step alone, or as rank 0 of an MPI job: sends the followers the run, trains,
    /// releases them; if mpirun ends the job meanwhile, says how to resume.
    private func trainNoiseStep(_ data: DataSource, options: TrainingOptions?, plan: RunPlan, team: ProcessTeam) throws {
        let driver = try noiseStepDriver(data, options: options, plan: plan, sharing: team.sharing)
        try team.sharing.start(driver.trainer)
        if team.size > 1 {
            StopNotice.install(log: driver.log?.path, resume: "\(ProgramName.command) train --steps \(driver.plan.targetStep)"
                + (arguments.data.map { " --data \(Printable.escaped($0))" } ?? ""))
        }
        try train(driver, asked: plan.targetStep, data: data, ranks: team.size)
        team.release(stepsDone: driver.stepsDone, model: driver.trainer.model)
        StopNotice.remove()
    }

    /// A fresh run, or the `--resume` log's run continued, its steps shared through
    /// `sharing`; the engine opens the metrics file last, once everything else was accepted.
    private func noiseStepDriver(_ data: DataSource, options: TrainingOptions?, plan: RunPlan,
                                 sharing: StepSharing) throws -> RunDriver<Trainer> {
        if let resume {
            let resumed = try ReadingProgress.following(resume) { progress in
                try RunDriver.resuming(resume, training: data.training, validation: data.validation,
                                       threads: arguments.threads, steps: plan.targetStep, evalEvery: plan.evalEvery,
                                       sharing: sharing, metrics: metrics, progress: progress)
            }
            Notes.resumed(resume, resumed, metrics: metrics)
            return resumed.driver
        }
        let existing = existing, out = out
        return try RunDriver.fresh(options: options ?? arguments.trainingOptions(), training: data.training,
                                   validation: data.validation, plan: plan, sharing: sharing,
                                   log: { options, fingerprint in
                                       try out.map { try StepLogWriter(creating: $0, options: options,
                                                                       dataFingerprint: fingerprint, existing: existing) }
                                   },
                                   metrics: metrics.map { ($0, existing) })
    }

    /// Runs `driver` to its target with progress lines, then prints the summary; `ranks`
    /// processes share the steps. `asked` is the step the command line asked for (the
    /// driver's target never lies below the steps a resumed log has done).
    func train<Model: RunTrainer>(_ driver: RunDriver<Model>, asked: Int, data: DataSource, ranks: Int = 1) throws {
        let options = driver.trainer.options
        let firstStep = driver.stepsDone + 1
        let shape = driver.trainer.model.shape
        print("training \(shape.summary) ternary \(shape.hidden == nil ? "network" : "MLP") " +
              "(\(driver.trainer.model.shape.parameterCount) parameters) on \(data.description) " +
              "with \(optimizer.rawValue), " +
              (firstStep <= driver.plan.targetStep ? "steps \(firstStep)...\(driver.plan.targetStep)"
                                                   : "nothing to train: at step \(driver.stepsDone) already, and --steps asks for \(asked)") +
              (optimizer == .noiseStep ? ", \(options.alignment.rawValue) alignment" : "") +
              (ranks > 1 ? ", on \(ranks) MPI ranks" : ""))
        var reporter = ProgressReporter(totalSteps: driver.plan.targetStep, logEvery: logEvery)
        let started = Date()
        try driver.run(observe: { reporter.report($0, stepsThisRun: driver.stepsRun) })
        try driver.finish()
        let seconds = Date().timeIntervalSince(started)
        let score = driver.lastValidation.flatMap { $0.step == driver.stepsDone ? $0 : nil }
            ?? ValidationScore(step: driver.stepsDone, correct: driver.trainer.correctCount(on: data.validation),
                               total: data.validation.count)
        let stepsRun = driver.stepsRun
        let timing = stepsRun == 0 ? "" : " (\(NumberFormat.fixed(1000 * seconds / Double(stepsRun), 2)) ms/step)"
        print("done: \(stepsRun) steps in \(NumberFormat.fixed(seconds, 1)) s\(timing), " +
              "validation accuracy \(NumberFormat.percent(score.accuracy)) (\(score.correct)/\(score.total))")
        if data.isBundled {
            let drawn = DrawnDigits.dataset(from: data.validation)
            let drawnCorrect = driver.trainer.correctCount(on: drawn)
            print("pad check: \(NumberFormat.percent(Double(drawnCorrect) / Double(drawn.count))) of the validation digits " +
                  "redrawn with the pad's brush at random sizes and places (\(drawnCorrect)/\(drawn.count))")
        }
        if let path = driver.log?.path {
            print("model: \(Printable.escaped(path)) (\(driver.stepsDone) steps)")
        } else if out == nil {
            print("nothing was saved: pass --out FILE.nstep to keep the run")
        }
    }
}
