import Foundation

/// The x axis a run's plots share: from the run's first step across as many steps as the
/// longer of the run and the run shown beside it (`--compare`), so both line up by step.
struct PlotAxis: Equatable {
    /// The first and last step of the axis; nil before the first step.
    var steps: ClosedRange<Int>?
    /// Steps the axis spans.
    var span: Int

    init(_ series: HistorySeries, ghost: HistorySeries?) {
        span = max(series.stepSpan, ghost?.stepSpan ?? 0)
        let first = series.steps?.lowerBound ?? ghost?.steps?.lowerBound
        steps = first.map { $0 ... $0 + max(0, span - 1) }
    }

    /// Where `step` lies along the axis, 0...1.
    func fraction(of step: Int) -> Double {
        guard let steps, span > 1 else { return 0 }
        return Double(step - steps.lowerBound) / Double(span - 1)
    }
}
