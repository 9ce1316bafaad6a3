import NoiseStep

/// The settings of every step of a run, as the first step's settings and each change
/// after it, numbered in order (the marks on the plots carry the numbers).
///
/// Holds the most recent `maximumChanges` changes (a person makes a few dozen; the paper
/// schedule two); older ones are dropped, keeping their numbers on the rest.
public struct SettingsTimeline: Equatable, Sendable {
    static let maximumChanges = 4096

    /// The settings of the first step recorded.
    private(set) var initial: StepSettings?
    /// Oldest first.
    private(set) var changes: [SettingsChange] = []
    /// Changes recorded so far, dropped ones included.
    private(set) var changeCount = 0
    private(set) var current: StepSettings?

    /// Records that `step` ran with `settings`; steps come in order.
    mutating func record(step: Int, settings: StepSettings) {
        defer { current = settings }
        guard let current else { return initial = settings }
        guard current != settings else { return }
        changeCount += 1
        changes.append(SettingsChange(number: changeCount, step: step, from: current, to: settings))
        if changes.count > Self.maximumChanges { changes.removeFirst(changes.count - Self.maximumChanges) }
    }

    /// The settings step `step` ran with; nil before the first step recorded.
    func settings(at step: Int) -> StepSettings? {
        guard let initial else { return nil }
        return changes.last { $0.step <= step }?.to ?? initial
    }
}
