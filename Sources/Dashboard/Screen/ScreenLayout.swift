/// Where each panel goes on a screen of a given size.
///
/// Rows 0–1 hold the status line and the last row the message line. The right column
/// holds the drawing pad (a fixed 58 × 30: 28 × 28 pixels at two columns each, plus a
/// border) above the prediction bars; the left column stacks the loss and accuracy plots,
/// which share whatever height is left, above the sparsity and acceptance panels.
/// The smallest screen that fits is `minimumWidth` × `minimumHeight`; 120 × 40 gives the
/// plots 62 columns.
public struct ScreenLayout: Equatable, Sendable {
    public static let minimumWidth = 100
    public static let minimumHeight = 40
    static let padPanelWidth = DrawingPad.side * 2 + 2
    static let padPanelHeight = DrawingPad.side + 2

    public var status: Rect
    public var message: Rect
    public var loss: Rect
    public var accuracy: Rect
    public var sparsity: Rect
    public var acceptance: Rect
    public var pad: Rect
    public var prediction: Rect

    /// The layout for a `width` × `height` screen and a model of `layerCount` layers; nil
    /// when the screen is smaller than the minimum.
    public init?(width: Int, height: Int, layerCount: Int) {
        guard width >= Self.minimumWidth && height >= Self.minimumHeight else { return nil }
        status = Rect(column: 0, row: 0, width: width, height: 2)
        message = Rect(column: 0, row: height - 1, width: width, height: 1)
        let body = Rect(column: 0, row: 2, width: width, height: height - 3)
        let right = body.droppingLeft(width - Self.padPanelWidth)
        pad = right.top(Self.padPanelHeight)
        prediction = right.droppingTop(Self.padPanelHeight)
        var left = body.left(width - Self.padPanelWidth)
        acceptance = Rect(column: left.column, row: left.bottom - AcceptancePanel.height,
                          width: left.width, height: AcceptancePanel.height)
        left.height -= AcceptancePanel.height
        let sparsityHeight = SparsityPanel.height(layerCount: layerCount)
        sparsity = Rect(column: left.column, row: left.bottom - sparsityHeight, width: left.width, height: sparsityHeight)
        left.height -= sparsityHeight
        loss = left.top((left.height + 1) / 2)
        accuracy = left.droppingTop(loss.height)
    }

    /// The 56 × 28 cells inside the pad's border: pixel (c, r) is cells (2c, r) and (2c + 1, r).
    public var padPixels: Rect { pad.inset(by: 1) }

    /// The pad point under the centre of screen cell (`column`, `row`); it may lie off the pad.
    public func padPoint(column: Int, row: Int) -> PadPoint {
        PadPoint(x: (Double(column - padPixels.column) + 0.5) / 2, y: Double(row - padPixels.row) + 0.5)
    }

    /// Whether screen cell (`column`, `row`) shows a training panel.
    public func isTrainingPanel(column: Int, row: Int) -> Bool {
        [loss, accuracy, sparsity, acceptance].contains { $0.contains(column: column, row: row) }
    }
}
