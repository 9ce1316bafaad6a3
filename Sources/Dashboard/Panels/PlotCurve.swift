import NoiseStep

/// One quantity over a plot's columns, ready to draw: the raw mean of each column, the
/// spread of the steps behind it, and the curve drawn bright (smoothed, or the raw means).
struct PlotCurve: Equatable {
    var raw: [Double?]
    var band: [ClosedRange<Double>?]
    var line: [Double?]

    /// - Parameter transform: applied to every value first (log10 for a log scale).
    init(_ columns: [StepSummary?], smoothing: Smoothing, stepsPerColumn: Double,
         transform: (Double?) -> Double? = { $0 }) {
        raw = columns.map { transform($0?.mean) }
        band = columns.map { column in
            guard let column, column.count > 1, let low = transform(column.minimum), let high = transform(column.maximum),
                  low <= high else { return nil }
            return low ... high
        }
        line = smoothing.apply(raw, stepsPerColumn: stepsPerColumn)
    }

    /// The highest single step behind the curve that lies above `limit` and above
    /// `factor` times its own column's mean (a spike that the mean hides, not the steps'
    /// usual scatter nor the fast fall of a run's first steps): its column and value.
    func peak(above limit: Double, factor: Double) -> (column: Int, value: Double)? {
        var best: (column: Int, value: Double)?
        for (column, band) in band.enumerated() {
            guard let high = band?.upperBound, let mean = raw[column], high > limit, high > factor * mean,
                  high > (best?.value ?? -.infinity) else { continue }
            best = (column, high)
        }
        return best
    }

    /// The index of the last column with a value.
    var lastIndex: Int? { line.lastIndex { $0 != nil } }
    /// The bright curve's last value.
    var lastValue: Double? { lastIndex.flatMap { line[$0] } }

    /// The bright curve's value at column `index`, or the nearest one before it.
    func value(atOrBefore index: Int) -> Double? {
        guard !line.isEmpty else { return nil }
        return line[...min(index, line.count - 1)].last { $0 != nil } ?? nil
    }
}

/// The compared run beside this one at the same step: its figure where this run's curve
/// ends on the plot, and the difference, this run's minus the other's.
struct Comparison: Equatable {
    var name: String
    var this: Double?
    var other: Double?

    /// nil without a compared run.
    init?(name: String?, this: PlotCurve, other: PlotCurve?, unscale: (Double?) -> Double? = { $0 }) {
        guard let other else { return nil }
        self.name = name ?? "compared run"
        let index = this.lastIndex ?? other.lastIndex ?? 0
        self.this = unscale(this.value(atOrBefore: index))
        self.other = unscale(other.value(atOrBefore: index))
    }

    var difference: Double? {
        guard let this, let other else { return nil }
        return this - other
    }

    /// Adds "⠤ name 0.453 (Δ −0.041)" to a title, in the compared run's colour.
    func add(to title: inout TextLine, format: (Double) -> String, difference wordDifference: (Double) -> String) {
        var pieces: [(String, CellStyle)] = [("  ⠤ ", CellStyle(.ghost, bold: true)), (name + " ", CellStyle(.ghost))]
        pieces.append((other.map(format) ?? "–", CellStyle(.ghost, bold: true)))
        title.add(pieces, priority: 4)
        if let difference { title.add(" (Δ " + wordDifference(difference) + ")", .plain, priority: 3) }
    }

    /// "+0.041" or "−0.041", `digits` after the point; "0.000" without a sign when it
    /// rounds to nothing.
    static func signed(_ value: Double, _ digits: Int) -> String {
        let magnitude = NumberFormat.fixed(abs(value), digits)
        guard magnitude.contains(where: { $0 != "0" && $0 != "." }) else { return magnitude }
        return (value < 0 ? "−" : "+") + magnitude
    }
}
