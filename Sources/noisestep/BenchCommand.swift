import ArgumentParser
import Foundation
import NoiseStep

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

    @Option(help: "Steps of each --compare run.")
    var compareSteps = 1500

    @Flag(help: "Only measure the dashboard: training steps/s with it open (in tmux) against headless train, and its frame rate.")
    var dashboard = false

    @Option(help: "Steps of each --dashboard run.")
    var dashboardSteps = 600

    @Option(help: "The reference script (default: shared/bench/ref_noise_step.py above the current directory or the executable).")
    var reference: String?

    @Flag(help: "Do not run the PyTorch reference.")
    var noReference = false

    @Option(help: "Rounds of interleaved measurements.")
    var rounds = 3

    @Option(help: "Worker threads (0: one per core); the reference gets the same number.")
    var threads = 0

    @Flag(help: "Measure data-parallel training over MPI (MPI build and mpirun needed): bytes per rank per step and steps/s for 1, 2 and 4 ranks, noise_step against Adam-STE.")
    var mpi = false

    /// Set only in the mpirun children of --mpi: one rank of data-parallel Adam-STE, N steps.
    @Option(help: .hidden)
    var mpiAdamSteps: Int?

    /// Set only in the child processes of --compare: train this optimizer, print its figures.
    @Option(help: .hidden)
    var measureRun: BenchOptimizer?

    func validate() throws {
        if rounds < 1 || rounds > 100 { throw ValidationError("--rounds: \(rounds) is outside 1...100") }
        if compareSteps < 1 { throw ValidationError("--compare-steps: \(compareSteps) must be at least 1") }
        try Limits.check(.threads, threads)
    }

    func run() throws {
        if let optimizer = measureRun {
            print(try MeasureRun(optimizer: optimizer, steps: compareSteps, threads: threads).run())
            return
        }
        if let steps = mpiAdamSteps { return try MPIBench.adamRank(steps: steps, threads: threads) }
        guard let executable = ChildProcess.currentExecutable() else { throw BenchError.executableNotFound }
        if mpi { return try MPIBench.report(executable: executable, rounds: rounds, json: json, progress: Self.progress) }
        #if DEBUG
        Self.progress("this is a debug build, so its timings mean little; build with swift build -c release")
        #endif
        if dashboard { return try benchDashboard(executable: executable) }
        let (training, _) = try BundledData.load()
        var options = TrainingOptions.paper
        options.threads = threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount
        var defaultOptions = TrainingOptions()
        defaultOptions.threads = options.threads
        var suite = BenchSuite(options: options, defaultOptions: defaultOptions, training: training, rounds: rounds,
                               executable: executable, progress: Self.progress)
        (suite.reference, suite.referenceSkipped) = try prepareReference(threads: options.threads)
        defer { suite.reference?.cleanUp() }
        var report = try suite.measure()
        if compare {
            report.comparison = try Comparison.measure(executable: executable, steps: compareSteps,
                                                       threads: options.threads, progress: Self.progress)
        }
        print(json ? try report.jsonLine() : BenchTable.render(report))
    }

    /// The reference runner, or why there is none. A script named with --reference that
    /// does not exist is an error; a missing default script or torch is only a note.
    private func prepareReference(threads: Int) throws -> (ReferenceRunner?, String?) {
        if noReference { return (nil, "--no-reference") }
        guard let script = ReferenceRunner.locate(explicit: reference) else {
            if let reference { throw ValidationError("--reference: \(reference) does not exist") }
            return (nil, "\(ReferenceRunner.scriptName) not found above the current directory; pass --reference PATH")
        }
        if let reason = ReferenceRunner.unavailableReason() { return (nil, reason) }
        guard let bundled = BundledData.locateDirectory() else { return (nil, "bundled MNIST files not found") }
        return (try ReferenceRunner(script: script, bundledDirectory: bundled, threads: threads), nil)
    }

    private static func progress(_ message: String) {
        FileHandle.standardError.write(Data("bench: \(message)\n".utf8))
    }
}

extension BenchOptimizer: ExpressibleByArgument {}

extension BenchCommand {
    /// `--dashboard`: the dashboard's cost to training and its frame rate.
    func benchDashboard(executable: String) throws {
        guard DashboardBench.tmuxAvailable else {
            throw ValidationError("--dashboard runs the dashboard inside tmux; install tmux (apt-get install tmux)")
        }
        let threads = threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount
        let result = try DashboardBench(executable: executable, steps: dashboardSteps, rounds: rounds, threads: threads,
                                        progress: Self.progress).measure()
        if json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = .sortedKeys
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
            return
        }
        print("""
            dashboard bench: \(dashboardSteps) steps per run, default options, validation off, \(threads) threads; medians of \(rounds) rounds
              headless train      \(Format.fixed(result.headlessStepsPerSecond, 1)) steps/s
              dashboard open      \(Format.fixed(result.dashboardStepsPerSecond, 1)) steps/s   \(Format.percent(result.ratio)) of headless   target ≥ 90%: \(result.ratio >= 0.9 ? "met" : "MISSED")
              frame rate          \(Format.fixed(result.framesPerSecond, 1)) frames/s   target ≥ 10: \(result.framesPerSecond >= 10 ? "met" : "MISSED")
            """)
    }
}
