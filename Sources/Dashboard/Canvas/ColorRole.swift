/// What a colour means on screen. The terminal backend turns each role into a colour
/// pair, or into plain attributes on a monochrome terminal or under NO_COLOR.
public enum ColorRole: Int, Sendable, CaseIterable {
    case plain
    /// Panel borders and axes.
    case frame
    /// Secondary text: axis labels, hints, empty bar tracks.
    case muted
    case title
    /// The border and title of the panel that has keyboard focus.
    case focus
    case loss
    case batch
    case validation
    case sparsity
    case acceptance
    case changed
    /// Ink on the drawing pad.
    case ink
    /// Good news: running, a right prediction, the top class.
    case good
    /// Bad news: paused, a wrong prediction.
    case bad
    /// The curves of a run shown for comparison (`--compare`).
    case ghost
    /// Weights of +1 and −1 in the receptive fields.
    case positive
    case negative
}
