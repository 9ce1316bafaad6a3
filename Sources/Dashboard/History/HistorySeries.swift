import Foundation
import NoiseStep

/// The run history as the panels plot it, in bounded memory: one `TieredSeries` per
/// plotted quantity (exact for the newest steps, coarser with age) and the settings
/// timeline.
///
/// The dashboard keeps one and `update`s it each frame with only the steps added since,
/// so a frame costs the same after a million steps as after a thousand, and memory stays
/// flat however long the session runs; the step log keeps every step.
public struct HistorySeries: Equatable, Sendable {
    var loss = TieredSeries()
    var batchAccuracy = TieredSeries()
    var validationAccuracy = TieredSeries()
    var weightsChanged = TieredSeries()
    var sparsity = TieredSeries()
    /// log10 of the |α| keep threshold.
    var thresholdLog = TieredSeries()
    /// The settings of every step: the first step's and each change after it.
    private(set) var timeline = SettingsTimeline()
    /// The last record taken in.
    private(set) var last: StepRecord?
    /// The most recent validation accuracy and the step that measured it.
    private(set) var lastValidation: MeasuredValue?
    /// Records taken in so far: positions 0 ..< count of the run's history.
    private(set) var count = 0

    public init() {}

    /// The series of a whole history.
    public init(_ history: RunHistory) {
        update(from: history)
    }

    /// Takes in the records `history` gained since the last update. A history shorter
    /// than what was taken in (a different run) starts the series afresh; records
    /// `history` no longer holds are skipped.
    public mutating func update(from history: RunHistory) {
        if history.endIndex < count { self = HistorySeries() }
        for index in max(count, history.startIndex) ..< history.endIndex { append(history[index]) }
        count = max(count, history.endIndex)
    }

    /// Takes in the next step's record (a step log's replay, one by one).
    public mutating func append(_ record: StepRecord) {
        let step = record.step
        loss.append(step: step, value: record.loss)
        batchAccuracy.append(step: step, value: record.batchAccuracy)
        validationAccuracy.append(step: step, value: record.validationAccuracy)
        if let measured = record.validationAccuracy { lastValidation = MeasuredValue(step: step, value: measured) }
        weightsChanged.append(step: step, value: Double(record.weightsChanged))
        sparsity.append(step: step, value: record.sparsity)
        thresholdLog.append(step: step, value: record.alignmentThreshold.flatMap { $0 > 0 ? Foundation.log10($0) : nil })
        timeline.record(step: step, settings: record.settings)
        last = record
        count += 1
    }

    /// First and last step taken in.
    var steps: ClosedRange<Int>? { loss.steps }
    /// Steps from the first one taken in to the last (0 before any).
    var stepSpan: Int { steps?.count ?? 0 }
    /// Steps whose settings differ from the step before's, oldest first.
    var changes: [SettingsChange] { timeline.changes }
}

/// A value and the step it was measured after.
public struct MeasuredValue: Equatable, Sendable {
    public var step: Int
    public var value: Double
}
