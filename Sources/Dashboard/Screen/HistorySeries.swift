import Foundation
import NoiseStep

/// The run history as the panels plot it: one `CompactSeries` per quantity, the smoothed
/// loss and batch accuracy, and the steps where a setting changed.
///
/// The dashboard keeps one and `update`s it each frame with only the steps added since,
/// so a frame costs the same after a million steps as after a thousand. Smoothing is an
/// exponential moving average over the raw steps with weight `smoothingAlpha`.
public struct HistorySeries: Equatable, Sendable {
    /// Weight of the newest step in the smoothed curves: a span of about 40 steps.
    static let smoothingAlpha = 0.05
    /// Setting changes kept, the most recent ones.
    static let maximumChanges = 512

    var loss = CompactSeries()
    var smoothedLoss = CompactSeries()
    var batchAccuracy = CompactSeries()
    var smoothedBatchAccuracy = CompactSeries()
    var validationAccuracy = CompactSeries()
    var acceptance = CompactSeries()
    var weightsChanged = CompactSeries()
    var sparsity = CompactSeries()
    /// log10 of the |α| keep threshold.
    var thresholdLog = CompactSeries()
    /// log10 of the density, the reject quantile, and log2 of the samples.
    var densityLog = CompactSeries()
    var rejectQuantile = CompactSeries()
    var samplesLog = CompactSeries()
    /// The moving averages after the last step taken in.
    private(set) var lossAverage: Double?
    private(set) var batchAccuracyAverage: Double?
    /// The most recent validation accuracy, from whichever step last measured it.
    private(set) var lastValidationAccuracy: Double?
    /// First and last step taken in.
    private(set) var steps: ClosedRange<Int>?
    /// Records of the history taken in so far.
    private(set) var count = 0
    /// Steps whose settings differ from the step before's, oldest first.
    private(set) var changes: [SettingsChange] = []
    private var lastSettings: StepSettings?

    public init() {}

    /// The series of a whole history.
    public init(_ history: RunHistory) {
        update(from: history)
    }

    /// Takes in the records `history` gained since the last update. A history shorter
    /// than what was taken in (a different run) starts the series afresh.
    public mutating func update(from history: RunHistory) {
        if history.count < count { self = HistorySeries() }
        for index in count ..< history.count { append(history[index]) }
    }

    private mutating func append(_ record: StepRecord) {
        let alpha = Self.smoothingAlpha
        let accuracy = record.batchAccuracy
        lossAverage = lossAverage.map { $0 + alpha * (record.loss - $0) } ?? record.loss
        batchAccuracyAverage = batchAccuracyAverage.map { $0 + alpha * (accuracy - $0) } ?? accuracy
        loss.append(record.loss)
        smoothedLoss.append(lossAverage)
        batchAccuracy.append(record.batchAccuracy)
        smoothedBatchAccuracy.append(batchAccuracyAverage)
        validationAccuracy.append(record.validationAccuracy)
        if let measured = record.validationAccuracy { lastValidationAccuracy = measured }
        acceptance.append(record.acceptanceRate)
        weightsChanged.append(Double(record.weightsChanged))
        sparsity.append(record.sparsity)
        thresholdLog.append(record.alignmentThreshold.flatMap { $0 > 0 ? Foundation.log10($0) : nil })
        appendSettings(record)
        steps = (steps?.lowerBound ?? record.step) ... max(steps?.lowerBound ?? record.step, record.step)
        count += 1
    }

    private mutating func appendSettings(_ record: StepRecord) {
        let settings = record.settings
        densityLog.append(settings.density > 0 ? Foundation.log10(settings.density) : nil)
        rejectQuantile.append(settings.rejectQuantile)
        samplesLog.append(settings.samples > 0 ? Foundation.log2(Double(settings.samples)) : nil)
        if let lastSettings, lastSettings != settings {
            changes.append(SettingsChange(step: record.step, from: lastSettings, to: settings))
            if changes.count > Self.maximumChanges { changes.removeFirst(changes.count - Self.maximumChanges) }
        }
        lastSettings = settings
    }

    /// Steps from the first one taken in to the last (0 before any).
    var stepSpan: Int { steps.map { $0.upperBound - $0.lowerBound + 1 } ?? 0 }
}
