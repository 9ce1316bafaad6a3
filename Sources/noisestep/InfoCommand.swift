import ArgumentParser
import NoiseStep

/// `noisestep info`: what a step log or model file holds and how compact it is.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe a step log or model file: steps, bits per step, size against the weights.",
        discussion: """
            Sizes are compared with the final weights stored as packed ternary (log2(3) bits \
            per parameter), at 2 bits per parameter, and as Float32. The sparsity is that of \
            the model after the last step.
            """)

    @Argument(help: "The step log or model file (.nstep).")
    var file: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "Replay every step and check each saved weights section against it.")
    var verify = false

    func run() throws {
        let log = try StepLog.read(path: file, verifying: verify)
        let summary = StepLogSummary(log: log, model: log.latestModel, verified: verify ? true : nil)
        print(json ? summary.json() : summary.rendered())
    }
}
