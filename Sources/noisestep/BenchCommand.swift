import ArgumentParser
import Foundation
import NoiseStep
import NoiseStepBench

/// `noisestep bench`: speed, memory and state size of the default configuration on the
/// bundled data, beside the PyTorch reference when python3 can import torch.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure step time, forward-pass speed, memory and training state, beside the PyTorch reference.",
        discussion: """
            Build with -c release first: debug timings mean nothing. Times are medians over \
            interleaved rounds of ours and the reference's runs; the default bench takes about \
            three minutes on two cores. Progress goes to stderr, figures to stdout.
            """)

    @Flag(help: "Print one JSON object with every figure instead of the table.")
    var json = false

    @Flag(help: "Also train noise_step and Adam + STE (--compare-steps each) and compare them.")
    var compare = false

    @Option(parsing: .unconditional, help: "Steps of each --compare run. (default: 1500)")
    var compareSteps: Int?

    @Flag(help: "Only measure the dashboard: training steps/s with it open (in tmux) against headless train, and its frame rate.")
    var dashboard = false

    @Option(parsing: .unconditional, help: "Steps of each --dashboard run. (default: 600)")
    var dashboardSteps: Int?

    @Option(parsing: .unconditional, help: "Only measure the training seconds until the bundled validation split first reaches this accuracy (e.g. 0.94), for noise_step and Adam + STE, and the PyTorch peer's Adam + STE.")
    var timeTo: Double?

    @Option(help: "With --time-to: the model, trained with its own defaults (as train --arch). (default: mlp)")
    var arch: ModelPreset?

    @Option(parsing: .unconditional, help: "With --time-to: score the validation split every N steps. (default: 10)")
    var checkEvery: Int?

    @Option(parsing: .unconditional, help: "With --time-to: give up on a run after this many steps. (default: 6000)")
    var timeToSteps: Int?

    @Flag(help: "Only measure the dashboard's memory over a long session (--memory-steps, default options, recording).")
    var dashboardMemory = false

    @Option(parsing: .unconditional, help: "Steps of the --dashboard-memory session. (default: 100000)")
    var memorySteps: Int?

    @Option(parsing: .unconditional, help: "Batch size of the --dashboard-memory session (default: the training default); e.g. 64 with --memory-steps 2000000.")
    var memoryBatch: Int?

    @Option(help: "The reference script (default: the package's Tests/Peer/noise_step_peer.py, run by $PYTHON or python3).")
    var reference: String?

    @Flag(help: "Do not run the PyTorch reference.")
    var noReference = false

    @Option(parsing: .unconditional, help: "Rounds of interleaved measurements.")
    var rounds = 3

    @Option(parsing: .unconditional, help: "Worker threads (0: one per core); the reference gets the same number.")
    var threads = 0

    @Option(help: "Only measure a model given as a layer list (as train --layers takes it; e.g. the conv preset's \"\(ModelPreset.convSpec)\"): its reverse and forward-mode steps, forward pass and each layer's passes against the machine's peak, beside the default MLP's step and the PyTorch peer's step of the same model.")
    var layers: String?

    @Flag(help: "Measure data-parallel training over MPI (MPI build and mpirun needed): bytes per rank per step and steps/s for 1, 2 and 4 ranks, noise_step against Adam-STE.")
    var mpi = false

    @Flag(help: "Only run the learning protocol: train each --candidate on each fold and seed, print mean and spread of held-out accuracy.")
    var learning = false

    @Option(parsing: .unconditional, help: "With --learning: bundled folds to hold out, comma-separated: any but the untouched 7. (default: 0,1,2,3)")
    var folds: String?

    @Option(parsing: .unconditional, help: "With --learning: seeds, comma-separated. (default: 1,2; with --untouched: 0,1,2)")
    var seeds: String?

    @Option(help: "With --learning: a recipe NAME=TRAIN-OPTIONS (e.g. big=--batch 2048), or a standard one's NAME; repeatable. (default: the standard list)")
    var candidate: [String] = []

    @Flag(help: "With --learning: score the untouched fold 7 instead of the tuning folds: the final figure, taken once.")
    var untouched = false

    @Option(help: "With --learning: train on DIR's train files and score its t10k files instead of the bundled folds.")
    var data: String?

    /// Set only in the mpirun children of --mpi: one rank of data-parallel Adam-STE, N steps.
    @Option(parsing: .unconditional, help: .hidden)
    var mpiAdamSteps: Int?

    /// Set only in the child processes of --compare: train this optimizer, print its figures.
    @Option(help: .hidden)
    var measureRun: Optimizer?

    func validate() throws {
        try validateModes()
        if rounds < 1 || rounds > 100 { throw ValidationError("--rounds: \(rounds) is outside 1...100") }
        try Setting.threads.checkOption(threads)
        if let timeTo, !(timeTo > 0 && timeTo <= 1) { throw ValidationError("--time-to: \(timeTo) is not an accuracy in (0, 1]; e.g. 0.94") }
        let steps = 1 ... Int(Limits.steps.upper)
        for (option, value) in [("--compare-steps", compareSteps), ("--dashboard-steps", dashboardSteps),
                                ("--check-every", checkEvery), ("--time-to-steps", timeToSteps),
                                ("--memory-steps", memorySteps), ("--mpi-adam-steps", mpiAdamSteps)] {
            if let value, !steps.contains(value) { throw ValidationError("\(option): \(value) is outside \(steps)") }
        }
        if let memoryBatch { try Setting.batch.checkOption(memoryBatch) }
    }

    /// One bench at a time, and each bench's options with it only: a flag of another
    /// bench would otherwise be dropped without a word.
    private func validateModes() throws {
        let modes = [("--mpi", mpi), ("--dashboard", dashboard), ("--dashboard-memory", dashboardMemory),
                     ("--time-to", timeTo != nil), ("--compare", compare), ("--learning", learning),
                     ("--layers", layers != nil)].filter(\.1).map(\.0)
        if modes.count > 1 { throw ValidationError("\(modes[0]) and \(modes[1]) are separate benches; run one at a time") }
        let mode = modes.first ?? (measureRun != nil ? "--compare" : "the default bench")
        let owned: [(option: String, given: Bool, bench: String)] = [
            ("--compare-steps", compareSteps != nil, "--compare"), ("--dashboard-steps", dashboardSteps != nil, "--dashboard"),
            ("--check-every", checkEvery != nil, "--time-to"), ("--time-to-steps", timeToSteps != nil, "--time-to"),
            ("--arch", arch != nil, "--time-to"),
            ("--memory-steps", memorySteps != nil, "--dashboard-memory"),
            ("--memory-batch", memoryBatch != nil, "--dashboard-memory"),
            ("--folds", folds != nil, "--learning"), ("--seeds", seeds != nil, "--learning"),
            ("--candidate", !candidate.isEmpty, "--learning"), ("--untouched", untouched, "--learning"),
            ("--reference", reference != nil, "the default bench"), ("--no-reference", noReference, "the default bench")]
        for (option, given, bench) in owned where given && bench != mode && !(bench == "the default bench" && ["--compare", "--layers", "--time-to"].contains(mode)) {
            throw ValidationError("\(option): belongs to \(bench), not \(mode)")
        }
    }

    func run() throws {
        if let optimizer = measureRun {
            print(try MeasureRun(optimizer: optimizer, steps: compareSteps ?? 1500, threads: threads).run())
            return
        }
        if let steps = mpiAdamSteps { return try MPIBench.adamRank(steps: steps, threads: threads) }
        guard let executable = ChildProcess.currentExecutable() else { throw BenchError.executableNotFound }
        if mpi { return try MPIBench.report(executable: executable, rounds: rounds, json: json, progress: Self.progress) }
        var request = BenchRequest(executable: executable)
        request.rounds = rounds
        request.threads = threads
        // A bad --learning request is refused before anything is said or run.
        let learningRun = learning ? try learningProtocol(threads: request.resolvedThreads) : nil
        #if DEBUG
        Self.progress("this is a debug build, so its timings mean little; build with swift build -c release")
        #endif
        if dashboardMemory {
            return try emit(try DashboardMemoryBench(executable: executable, steps: memorySteps ?? 100_000,
                                                     threads: request.resolvedThreads, batch: memoryBatch,
                                                     progress: Self.progress).measure(),
                            table: BenchTable.render)
        }
        if let learningRun { return try emit(try learningRun.measure(progress: Self.progress), table: BenchTable.render) }
        if let layers {
            let list: [any LayerKind]
            do throws(LayerSpecProblem) { list = try LayerKinds.parse(layers) } catch { throw CLIError.usage(error.message) }
            var bench = LayerBench(layers: list, threads: request.resolvedThreads)
            bench.rounds = rounds
            try bench.prepareReference(noReference ? .skip : .locate(explicit: reference))
            defer { bench.cleanUp() }
            return try emit(try bench.measure(progress: Self.progress), table: BenchTable.render)
        }
        if let timeTo {
            var measure = TimeToAccuracy(target: timeTo, threads: request.resolvedThreads)
            (measure.checkEvery, measure.maxSteps, measure.rounds) = (checkEvery ?? 10, timeToSteps ?? 6000, rounds)
            measure.model = arch ?? .mlp
            try measure.prepareReference(noReference ? .skip : .locate(explicit: reference))
            defer { measure.cleanUp() }
            return try emit(try measure.measure(progress: Self.progress), table: BenchTable.render)
        }
        if dashboard {
            return try emit(try DashboardBench(executable: executable, steps: dashboardSteps ?? 600, rounds: rounds,
                                               threads: request.resolvedThreads, progress: Self.progress).measure(),
                            table: BenchTable.render)
        }
        request.reference = noReference ? .skip : .locate(explicit: reference)
        request.compareSteps = compare ? compareSteps ?? 1500 : nil
        let report = try Bench.measure(request, progress: Self.progress)
        print(json ? try report.jsonLine() : BenchTable.render(report))
    }

    /// Prints one bench's `result`: a JSON line with --json, else its table.
    private func emit<Result: Encodable>(_ result: Result, table: (Result) -> String) throws {
        print(json ? try JSONOutput.line(result) : table(result))
    }

    private static func progress(_ message: String) {
        FileHandle.standardError.write(Data("bench: \(message)\n".utf8))
    }
}

