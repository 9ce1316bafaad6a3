import Foundation
import NoiseStep

/// The x axis a run's plots share: the steps the plot view shows (the whole run, or a
/// zoomed window), over this run and the run shown beside it (`--compare`), so both line
/// up by step.
struct PlotAxis: Equatable {
    /// The first and last step of the axis; nil before the first step.
    var steps: ClosedRange<Int>?
    var view: PlotView

    init(_ series: HistorySeries, ghost: HistorySeries?, view: PlotView = PlotView()) {
        self.view = view
        steps = view.window(run: series.steps, ghost: ghost?.steps)
    }

    /// Steps the axis spans.
    var span: Int { steps?.count ?? 0 }

    /// Where `step` lies along the axis, 0...1 (outside for a step off it).
    func fraction(of step: Int) -> Double {
        guard let steps, span > 1 else { return 0 }
        return Double(step - steps.lowerBound) / Double(span - 1)
    }

    /// `series` over the axis in `count` columns.
    func columns(_ series: TieredSeries, count: Int) -> [StepSummary?] {
        guard let steps else { return [] }
        return series.columns(steps, count: min(count, span))
    }

    /// Steps behind each of `count` columns.
    func stepsPerColumn(_ count: Int) -> Double { Double(span) / Double(max(1, min(count, span))) }

    /// What the window is, for a title: "last 400 steps", "steps 800–1,199"; nil for the
    /// whole run.
    var windowLabel: String? {
        guard view.span != nil, let steps else { return nil }
        if view.isFollowing { return "last " + NumberFormat.grouped(steps.count) + " steps" }
        return "steps " + NumberFormat.grouped(steps.lowerBound) + "–" + NumberFormat.grouped(steps.upperBound)
    }

    /// The settings changes on the axis, each with its fraction of the axis.
    func marks(_ changes: [SettingsChange]) -> [ChangeMark] {
        guard let steps else { return [] }
        return changes.filter { steps.contains($0.step) }.map { ChangeMark(number: $0.number, fraction: fraction(of: $0.step)) }
    }
}
