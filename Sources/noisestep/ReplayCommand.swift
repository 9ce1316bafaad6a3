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

    @Option(help: "Replay up to this step (default: the last one recorded).")
    var to: Int?

    @Option(help: "Write the rebuilt weights to this model file (.nstep); it is replaced atomically.")
    var out: String

    func run() throws {
        let started = Date()
        // Reading only through --to lets the steps before a damaged part of a log be recovered.
        let stepLog = try StepLog.read(path: log, through: to)
        let target = to ?? stepLog.lastStep
        guard target >= stepLog.startStep && target <= stepLog.lastStep else {
            throw CLIError("\(log): --to \(target) is outside the steps it holds, \(stepLog.startStep)...\(stepLog.lastStep)")
        }
        if Self.isSameFile(log, out) {
            throw CLIError("\(out): is the step log being replayed; choose another --out so the log is kept")
        }
        let model = try stepLog.verifiedReplay(to: target)
        try ModelFile.write(model, step: target, options: stepLog.options, to: out)
        let seconds = Date().timeIntervalSince(started)
        let checked = stepLog.weights.filter { $0.step <= target && $0.offset != stepLog.base?.offset }.count
        let torn = stepLog.tornBytes > 0 ? "; ignored a torn last record of \(stepLog.tornBytes) bytes" : ""
        print("replayed \(target - stepLog.startStep) steps in \(String(format: "%.2f", seconds)) s"
            + (checked > 0 ? ", \(checked) saved weights matched" : "")
            + "; wrote the weights after step \(target) to \(out)\(torn)")
    }

    /// Whether both paths name one existing file (hard links and symbolic links included).
    private static func isSameFile(_ first: String, _ second: String) -> Bool {
        let manager = FileManager.default
        guard let a = try? manager.attributesOfItem(atPath: first), let b = try? manager.attributesOfItem(atPath: second),
              let fileA = a[.systemFileNumber] as? NSNumber, let fileB = b[.systemFileNumber] as? NSNumber,
              let deviceA = a[.systemNumber] as? NSNumber, let deviceB = b[.systemNumber] as? NSNumber else { return false }
        return fileA == fileB && deviceA == deviceB
    }
}
