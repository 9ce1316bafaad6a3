/// Which steps the plots show: the whole run, or a window of `span` steps that follows
/// the newest step (a live tail) or ends at a step of the person's choosing.
///
/// `z` and the wheel zoom, `←` `→` pan; panning back to the newest step, or zooming out
/// past the whole run, returns to following it. Every plot (loss, accuracy, settings)
/// shows the same window.
public struct PlotView: Equatable, Sendable {
    /// The narrowest window, in steps.
    public static let minimumSpan = 16

    /// Steps shown; nil for the whole run.
    public var span: Int?
    /// The last step shown; nil to follow the newest step.
    public var end: Int?

    public init(span: Int? = nil, end: Int? = nil) {
        self.span = span
        self.end = end
    }

    /// Whether the window follows the newest step (the whole run does too).
    public var isFollowing: Bool { end == nil }

    /// All the steps there are to show: this run's and a compared run's.
    static func whole(run: ClosedRange<Int>?, ghost: ClosedRange<Int>?) -> ClosedRange<Int>? {
        guard let first = run ?? ghost else { return nil }
        let other = ghost ?? first
        return min(first.lowerBound, other.lowerBound) ... max(first.upperBound, other.upperBound)
    }

    /// The steps shown when the run holds `run` (nil before its first step) beside a
    /// compared run's `ghost`.
    func window(run: ClosedRange<Int>?, ghost: ClosedRange<Int>?) -> ClosedRange<Int>? {
        guard let whole = Self.whole(run: run, ghost: ghost) else { return nil }
        guard let span, span < whole.count else { return whole }
        let newest = run?.upperBound ?? whole.upperBound
        let last = min(max(end ?? newest, whole.lowerBound + span - 1), whole.upperBound)
        return last - span + 1 ... last
    }

    /// Zooms in (`factor` < 1) or out around `step` (nil: the window's right edge), so
    /// that step stays where it was on screen.
    mutating func zoom(by factor: Double, around step: Int?, run: ClosedRange<Int>?, ghost: ClosedRange<Int>?) {
        guard let whole = Self.whole(run: run, ghost: ghost), let current = window(run: run, ghost: ghost) else { return }
        let newSpan = max(Self.minimumSpan, Int((Double(current.count) * factor).rounded()))
        guard newSpan < whole.count else { return self = PlotView() }
        let anchor = step ?? current.upperBound
        let position = Double(anchor - current.lowerBound) / Double(max(1, current.count - 1))
        let first = anchor - Int((position * Double(newSpan - 1)).rounded())
        let last = min(max(first + newSpan - 1, whole.lowerBound + newSpan - 1), whole.upperBound)
        let following = isFollowing && step == nil
        span = newSpan
        end = following || last >= (run?.upperBound ?? whole.upperBound) ? nil : last
    }

    /// Moves the window by `fraction` of its width (negative: toward step 1); reaching the
    /// newest step follows it again.
    mutating func pan(by fraction: Double, run: ClosedRange<Int>?, ghost: ClosedRange<Int>?) {
        guard span != nil, let current = window(run: run, ghost: ghost),
              let whole = Self.whole(run: run, ghost: ghost) else { return }
        let shift = Int((Double(current.count) * fraction).rounded(.awayFromZero))
        let last = min(max(current.upperBound + shift, whole.lowerBound + current.count - 1), whole.upperBound)
        end = last >= (run?.upperBound ?? whole.upperBound) ? nil : last
    }
}
