import Foundation
import Synchronization

/// Replays step records on a model in step order, drawing the kept perturbations of a
/// batch of steps at once on every processor. A step's draws depend only on its key
/// (seed, step, index) and its updates are applied one step after another, so the
/// weights are those of a replay one step at a time, bit for bit, on any number of
/// processors.
///
/// Holds at most `batchSteps` records and their draws.
struct StepReplay {
    /// What a replay hands its visitor after each step.
    typealias Visit = (ReplayedStep) -> Void

    /// Steps drawn at once.
    static let batchSteps = 64

    let seed: UInt64
    private(set) var pending: [StepLogEntry] = []
    private let workers = ProcessInfo.processInfo.activeProcessorCount

    init(seed: UInt64) { self.seed = seed }

    /// Queues `entry`, which follows the steps queued before it.
    /// - Returns: whether the batch is full (time to `flush`).
    mutating func add(_ entry: StepLogEntry) -> Bool {
        pending.append(entry)
        return pending.count >= Self.batchSteps
    }

    /// Applies the queued steps to `model` in order, calling `visit` after each.
    mutating func flush(on model: inout TernaryModel, _ visit: Visit = { _ in }) {
        guard !pending.isEmpty else { return }
        let entries = pending, seed = seed, parameters = model.shape.parameterCount
        let draws = Mutex([(perturbations: [Perturbation], signs: [Int8])?](repeating: nil, count: entries.count))
        BatchRunner.spread(entries.count, over: min(workers, entries.count)) { _, index in
            let draw = entries[index].keptPerturbations(seed: seed, parameterCount: parameters)
            draws.withLock { $0[index] = draw }
        }
        let drawn = draws.withLock { $0 }
        // Counted once a batch, then followed step by step.
        var zeros = model.layers.reduce(0) { $0 + $1.zeroCount }
        for (entry, draw) in zip(entries, drawn) {
            guard let draw else { continue }  // every index is drawn before spread returns
            let (changed, zerosAdded) = UpdateRule.applyCounting(draw.perturbations, keptSigns: draw.signs, to: &model)
            zeros += zerosAdded
            visit(ReplayedStep(entry: entry, model: model, changed: changed, zeros: zeros))
        }
        pending.removeAll(keepingCapacity: true)
    }
}

/// One step of a replay, as a visitor sees it.
public struct ReplayedStep {
    /// The step's record.
    public let entry: StepLogEntry
    /// The weights after the step (borrowed: keep a copy only if needed, since the replay
    /// goes on changing its own in place).
    public let model: TernaryModel
    /// Parameters the step changed.
    public let changed: Int
    /// Parameters that are 0 after the step.
    public let zeros: Int
}
