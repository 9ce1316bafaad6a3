@testable import Dashboard
import NoiseStep
import Testing

@Suite struct HistorySeriesTests {
    @Test func compactSeriesKeepsExactMeansWhenMerging() {
        var series = CompactSeries()
        for step in 0 ..< CompactSeries.capacity * 3 { series.append(step % 2 == 0 ? Double(step) : nil) }
        #expect(series.sums.count <= CompactSeries.capacity)
        #expect(series.groupSize == 4)
        // Two halves: the even steps below 6144 and from 6144 up.
        let halves = series.fitted(to: 2)
        #expect(halves == [3071, 9215])
    }

    @Test func fewGroupsComeBackOnePerGroup() {
        #expect(CompactSeries([1, nil, 3]).fitted(to: 10) == [1, nil, 3])
        #expect(CompactSeries([1, 2, 3, 4]).fitted(to: 2) == [1.5, 3.5])
        #expect(CompactSeries([1]).fitted(to: 0) == [])
    }

    @Test func updatesTakeInOnlyNewStepsAndMatchAFreshSeries() {
        let history = Fixtures.history(steps: 9000)
        var partial = RunHistory()
        var series = HistorySeries()
        for index in history.indices {
            partial.append(history[index])
            if index % 777 == 0 { series.update(from: partial) }
        }
        series.update(from: partial)
        #expect(series == HistorySeries(history))
        #expect(series.steps == 1 ... 9000)
        #expect(series.lastValidationAccuracy == history[8999].validationAccuracy)
    }

    @Test func smoothingIsAMovingAverageOverRawSteps() {
        var history = RunHistory()
        for (step, loss) in [2.0, 4.0, 4.0].enumerated() {
            history.append(StepRecord(step: step + 1, loss: loss, batchAccuracy: 0, acceptanceRate: 0, weightsChanged: 0,
                                      sparsity: 0))
        }
        let series = HistorySeries(history)
        let alpha = HistorySeries.smoothingAlpha
        let second = 2 + alpha * 2
        #expect(series.smoothedLoss.fitted(to: 3) == [2, second, second + alpha * (4 - second)])
        #expect(series.lossAverage == second + alpha * (4 - second))
    }

    @Test func aShorterHistoryStartsAfresh() {
        var series = HistorySeries(Fixtures.history(steps: 50))
        series.update(from: Fixtures.history(steps: 10))
        #expect(series == HistorySeries(Fixtures.history(steps: 10)))
    }

    @Test func aSeriesFitsAnAxisLongerThanItself() {
        let series = CompactSeries([1, 2, 3, 4])
        #expect(series.fitted(to: 8, spanning: 8) == [1, 2, 3, 4, nil, nil, nil, nil])
        #expect(series.fitted(to: 4, spanning: 8) == [1.5, 3.5, nil, nil])
        #expect(series.fitted(to: 2, spanning: 2) == series.fitted(to: 2), "an axis shorter than the series is the series")
    }

    @Test func settingChangesAreRecordedWithTheirStep() {
        let series = HistorySeries(Fixtures.history(steps: 40))
        #expect(series.changes == [SettingsChange(step: 21, from: Fixtures.settings(step: 20), to: Fixtures.settings(step: 21))])
        #expect(series.stepSpan == 40)
    }
}
