@testable import Dashboard
import NoiseStep
import Testing

@Suite struct HistorySeriesTests {
    /// The newest steps stay one bucket each; older ones merge in pairs per tier, and a
    /// spike survives every merge as a maximum; means stay exact.
    @Test func tieredSeriesIsExactForTheNewestStepsAndCoarserWithAge() {
        var series = TieredSeries()
        let steps = TieredSeries.tierCapacity * 5
        for step in 1 ... steps { series.append(step: step, value: step == 100 ? 1000 : 1) }
        let newest = series.columns(steps - 9 ... steps, count: 10)
        #expect(newest.allSatisfy { $0?.count == 1 }, "one step per column at the newest end")
        let whole = series.summary(of: 1 ... steps)
        #expect(whole?.count == steps)
        #expect(whole?.maximum == 1000)
        #expect(whole.map { abs($0.mean - Double(steps + 999) / Double(steps)) < 1e-9 } == true)
        let oldest = series.columns(1 ... 256, count: 256).compactMap { $0 }
        #expect(oldest.count < 256, "the oldest steps are merged")
        #expect(oldest.contains { $0.maximum == 1000 })
    }

    /// However long the run, the buckets held stay within the tiers' capacity.
    @Test func tieredSeriesMemoryIsBounded() {
        var series = TieredSeries()
        let bound = TieredSeries.tiers * (TieredSeries.tierCapacity + 1)
        for step in 1 ... 1_200_000 { series.append(step: step, value: Double(step % 10)) }
        #expect(series.bucketCount <= bound)
        #expect(series.steps == 1 ... 1_200_000)
        #expect(series.summary(of: 1 ... 1_200_000)?.count == 1_200_000)
        let columns = series.columns(1 ... 1_200_000, count: 80)
        #expect(columns.count == 80 && columns.allSatisfy { $0 != nil })
    }

    @Test func stepsWithoutAValueAreSkippedAndAWindowPastTheEndIsEmpty() {
        var series = TieredSeries()
        for step in 1 ... 4 { series.append(step: step, value: step % 2 == 0 ? Double(step) : nil) }
        #expect(series.columns(1 ... 4, count: 4).map { $0?.mean } == [nil, 2, nil, 4])
        #expect(series.columns(1 ... 8, count: 4).map { $0?.mean } == [2, 4, nil, nil])
        #expect(series.columns(1 ... 4, count: 0).isEmpty)
    }

    @Test func updatesTakeInOnlyNewStepsAndMatchAFreshSeries() {
        let records = Fixtures.records(steps: 9000)
        var partial = RunHistory()
        var series = HistorySeries()
        for (index, record) in records.enumerated() {
            partial.append(record)
            if index % 777 == 0 { series.update(from: partial) }
        }
        series.update(from: partial)
        var appended = HistorySeries()
        for record in records { appended.append(record) }
        #expect(series == appended)
        #expect(series.steps == 1 ... 9000)
        #expect(series.lastValidation?.value == records[8999].validationAccuracy)
        #expect(series.count == 9000)
    }

    /// The engine's history keeps only its newest records; the series, fed as they come,
    /// still holds every step.
    @Test func aBoundedRunHistoryFeedsAWholeSeries() {
        var history = RunHistory(), series = HistorySeries()
        for record in Fixtures.records(steps: 20000) {
            history.append(record)
            series.update(from: history)
        }
        #expect(history.startIndex > 0 && history.endIndex == 20000)
        #expect(history.count <= RunHistory.retainedRecords + 512)
        #expect(history[19999].step == 20000 && history[history.startIndex].step == history.startIndex + 1)
        #expect(series.steps == 1 ... 20000 && series.count == 20000)
    }

    @Test func aShorterHistoryStartsAfresh() {
        var series = HistorySeries(Fixtures.history(steps: 50))
        series.update(from: Fixtures.history(steps: 10))
        #expect(series == HistorySeries(Fixtures.history(steps: 10)))
    }

    @Test func settingChangesAreNumberedWithTheirStepAndTheScheduleIsToldApart() {
        let series = HistorySeries(Fixtures.history(steps: 40))
        let change = SettingsChange(number: 1, step: 21, from: Fixtures.settings(step: 20), to: Fixtures.settings(step: 21))
        #expect(series.changes == [change])
        #expect(change.isSchedule, "the paper schedule's drop")
        var byKey = change
        byKey.to.rejectQuantile = 0.55
        #expect(!byKey.isSchedule)
        #expect(series.timeline.settings(at: 20) == Fixtures.settings(step: 20))
        #expect(series.timeline.settings(at: 40) == Fixtures.settings(step: 21))
        #expect(series.stepSpan == 40)
    }

    /// The quantile ramp moves the quantile at every step: no change of anyone's making,
    /// so the timeline lists none of those moves, but a key on the ramp, and a paper
    /// schedule drop at a step the ramp moved too (by the schedule), it does.
    @Test func theQuantileRampsMovesAreNoChanges() {
        func ramped(_ quantile: Double, density: Double = 6e-5) -> StepSettings {
            StepSettings(density: density, samples: 128, rejectQuantile: quantile, schedule: .paper,
                         quantileSchedule: .ramp, keepBy: .reliability)
        }
        var timeline = SettingsTimeline()
        for step in 1 ... 10 { timeline.record(step: step, settings: ramped(0.5 + 0.01 * Double(step))) }
        #expect(timeline.changes.isEmpty)
        timeline.record(step: 11, settings: ramped(0.61, density: 4.8e-5))
        var byKey = ramped(0.62, density: 4.8e-5)
        byKey.keepBy = .magnitude
        timeline.record(step: 12, settings: byKey)
        #expect(timeline.changes.map(\.step) == [11, 12])
        #expect(timeline.changes.map(\.isSchedule) == [true, false])
        // The quantile's move at the same step is the ramp's, so only the key's change is named.
        #expect(SettingsChangeText.describe(timeline.changes[1])[0] == "keep by magnitude")
    }

    /// Smoothing is a bias-corrected moving average over steps: a constant stays itself,
    /// and a column of many steps weighs as many.
    @Test func smoothingLevels() {
        #expect(Smoothing.off.apply([1, nil, 3], stepsPerColumn: 1) == [1, nil, 3])
        #expect(Smoothing.medium.apply([2, 2, nil, 2], stepsPerColumn: 1).map { $0.map { abs($0 - 2) < 1e-12 } }
            == [true, true, nil, true])
        let light = Smoothing.light.apply([0, 1], stepsPerColumn: 1)
        let alpha = 2.0 / 11
        #expect(abs((light[1] ?? 0) - alpha / (1 - (1 - alpha) * (1 - alpha))) < 1e-12)
        let coarse = Smoothing.light.apply([0, 1], stepsPerColumn: 100)
        #expect((coarse[1] ?? 0) > 0.999, "100 steps of 1 outweigh the 0 before them")
        #expect(Smoothing.allCases.map(\.next) == [.light, .medium, .heavy, .off])
    }
}
