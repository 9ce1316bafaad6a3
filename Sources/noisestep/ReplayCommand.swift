import ArgumentParser
import Foundation
import NoiseStep

/// `noisestep replay`: rebuilds a run's weights from its seed and recorded steps alone,
/// and writes them as a model file.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rebuild a run's weights from its seed and step log alone.",
        discussion: """
            Regenerates every step's perturbations from the run's seed and applies the kept \
            signs recorded in the log, then writes the weights as a model file (a header and \
            one weights section) that `eval --model` and the dashboard load. Weights saved in \
            the log along the way are checked against the replay.
            """)

    @Argument(help: "The step log (.nstep) to replay.")
    var log: String

    @Option(parsing: .unconditional, help: "Replay up to this step (default: the last one recorded).")
    var to: Int?

    @Option(help: "Write the rebuilt weights to this model file (.nstep). An existing model file is replaced atomically; any other file is kept.")
    var out: String

    func validate() throws {
        if let to, to < 0 { throw ValidationError("--to: \(to) is negative; give a step from 0 to the log's last") }
    }

    func run() throws {
        if OutputFile.sameFile(log, out) {
            throw CLIError("\(Printable.escaped(out)): is the step log being replayed; choose another --out so the log is kept")
        }
        let started = Date()
        // Reading only through --to lets the steps before a damaged part of a log be recovered.
        let stepLog = try StepLog.read(path: log, through: to, verifying: true)
        if let origin = stepLog.origin {
            throw CLIError("\(Printable.escaped(log)): holds \(origin.words), not noise_step steps: there is nothing to"
                + " replay; `noisestep eval`, `info` and `export` read its weights as they are")
        }
        let target = to ?? stepLog.lastStep
        guard target >= stepLog.startStep && target <= stepLog.lastStep else {
            throw CLIError.usage("\(Printable.escaped(log)): --to \(target) is outside the steps it holds,"
                + " \(stepLog.startStep)...\(stepLog.lastStep)")
        }
        try ModelFile.write(stepLog.latestModel, step: target, options: stepLog.options,
                            dataFingerprint: stepLog.dataFingerprint, settings: stepLog.resumeSettings, to: out)
        if stepLog.resumeSettings == nil {
            FileHandle.standardError.write(Data(("noisestep: note: \(Printable.escaped(log)) does not record the settings its"
                + " run had reached at step \(target) (an older noisestep's model file), so neither does"
                + " \(Printable.escaped(out)); training from it starts a new leg from the header's settings\n").utf8))
        }
        let seconds = Date().timeIntervalSince(started)
        let torn = stepLog.tornBytes > 0 ? "; ignored a torn last record of \(stepLog.tornBytes) bytes" : ""
        print("replayed \(target - stepLog.startStep) steps in \(NumberFormat.fixed(seconds, 2)) s"
            + (stepLog.checkedWeights > 0 ? ", \(stepLog.checkedWeights) saved weights matched" : "")
            + "; wrote the weights after step \(target) to \(Printable.escaped(out))\(torn)")
    }
}
