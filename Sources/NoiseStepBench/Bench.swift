import Foundation
import NoiseStep

/// The harness of `noisestep bench`: one entry point per mode.
public enum Bench {
    /// The default bench (and `--compare` when `request.compareSteps` is set) on the
    /// bundled data. Progress lines go to `progress`; figures come back in the report.
    /// - Throws: `BenchError` when a child process or the reference fails, or the bundled
    ///   data cannot be read.
    public static func measure(_ request: BenchRequest, progress: @escaping (String) -> Void) throws -> BenchReport {
        let (training, validation) = try BundledData.load()
        var options = TrainingOptions.paper
        options.threads = request.resolvedThreads
        var defaultOptions = TrainingOptions()
        defaultOptions.threads = options.threads
        var suite = BenchSuite(options: options, defaultOptions: defaultOptions, training: training,
                               validation: validation, rounds: request.rounds, executable: request.executable,
                               progress: progress)
        (suite.reference, suite.referenceSkipped) = try prepareReference(request.reference, threads: options.threads)
        defer { suite.reference?.cleanUp() }
        var report = try suite.measure()
        if let steps = request.compareSteps {
            report.comparison = try Comparison.measure(executable: request.executable, steps: steps,
                                                       threads: options.threads, progress: progress)
        }
        return report
    }

    /// The reference runner, or why there is none. A script named explicitly that does
    /// not exist is an error; a missing default script or torch is only a note.
    static func prepareReference(_ choice: ReferenceChoice, threads: Int) throws(BenchError) -> (ReferenceRunner?, String?) {
        let (script, skipped) = try referenceScript(choice)
        guard let script else { return (nil, skipped) }
        guard let bundled = BundledData.locateDirectory() else { return (nil, "bundled MNIST files not found") }
        return (try ReferenceRunner(script: script, bundledDirectory: bundled, threads: threads), nil)
    }

    /// The reference script when it can run here (found, and its Python imports torch), or
    /// why it is skipped.
    static func referenceScript(_ choice: ReferenceChoice) throws(BenchError) -> (script: String?, skipped: String?) {
        guard case .locate(let explicit) = choice else { return (nil, "--no-reference") }
        guard let script = ReferenceRunner.locate(explicit: explicit) else {
            if let explicit { throw .referenceNotFound(explicit) }
            return (nil, "\(ReferenceRunner.packagePath) not found above the executable or the current directory;"
                + " pass --reference PATH")
        }
        if let reason = ReferenceRunner.unavailableReason(script: script) { return (nil, reason) }
        return (script, nil)
    }
}
