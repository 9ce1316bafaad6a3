/// Where each panel goes on a screen of a given size: one of three arrangements, chosen
/// by size, each filling the screen.
///
/// Rows 0–1 hold the status lines and the last row the message line; the body between
/// them is split into panels:
/// - **compact** (from 80 × 24): the plots on the left, a 30-column side of sparsity,
///   acceptance and prediction on the right. While the pad has focus, the pad (at half
///   scale, 28 × 14 cells) and the image the model sees take the plots' place, with the
///   accuracy plot below them when there is room.
/// - **standard** (from 100 × 40): the pad always visible at half scale in a 46-column
///   side with the model's view, the prediction and the acceptance panel.
/// - **large** (from 160 × 48): a third column with the validation split by class and the
///   first layer's weights, a settings timeline under the loss plot, and the pad at full
///   scale (two columns per pixel) from 180 × 54.
public struct ScreenLayout: Equatable, Sendable {
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public enum Arrangement: Equatable, Sendable { case compact, standard, large }

    public var arrangement: Arrangement
    public var status: Rect
    public var message: Rect
    /// nil while hidden (the compact arrangement with the pad in their place).
    public var loss: Rect?
    public var accuracy: Rect?
    public var sparsity: Rect
    public var acceptance: Rect
    /// nil while hidden (the compact arrangement with the training panels in focus).
    public var pad: Rect?
    public var padScale: PadScale
    /// The image the model reads from the pad; nil while hidden.
    public var sees: Rect?
    public var prediction: Rect
    /// The large arrangement's extra panels.
    public var timeline: Rect?
    public var classes: Rect?
    public var fields: Rect?

    static let sideWidth = 30
    static let predictionHeight = 12
    static let halfPadBox = Rect(column: 0, row: 0, width: 30, height: 16)
    static let seesWidth = 16
    static let thumbnailBoxHeight = 9
    static let timelineHeight = 5
    static let classesWidth = 62
    static let classesHeight = 13

    /// The layout for a `width` × `height` screen, a model of `layerCount` layers and the
    /// panels in `focus`; nil when the screen is smaller than 80 × 24.
    public init?(width: Int, height: Int, layerCount: Int, focus: Focus = .training) {
        guard width >= Self.minimumWidth && height >= Self.minimumHeight else { return nil }
        let body = Rect(column: 0, row: 2, width: width, height: height - 3)
        self.init(status: Rect(column: 0, row: 0, width: width, height: 2),
                  message: Rect(column: 0, row: height - 1, width: width, height: 1))
        if width >= 160 && height >= 48 {
            arrangeLarge(body, layerCount: layerCount)
        } else if width >= 100 && height >= 40 {
            arrangeStandard(body, layerCount: layerCount)
        } else {
            arrangeCompact(body, layerCount: layerCount, focus: focus)
        }
    }

    private init(status: Rect, message: Rect) {
        arrangement = .compact
        self.status = status
        self.message = message
        sparsity = status
        acceptance = status
        padScale = .half
        prediction = status
    }

    /// Rows the sparsity panel takes: border, the whole model, up to `layers` layers, history.
    static func sparsityHeight(layers: Int, room: Int) -> Int { 4 + max(0, min(layers, room - 4)) }

    private mutating func arrangeCompact(_ body: Rect, layerCount: Int, focus: Focus) {
        arrangement = .compact
        let main = body.left(body.width - Self.sideWidth), side = body.droppingLeft(main.width)
        prediction = Rect(column: side.column, row: side.bottom - Self.predictionHeight, width: side.width,
                          height: Self.predictionHeight)
        let upper = side.top(side.height - Self.predictionHeight)
        sparsity = upper.top(Self.sparsityHeight(layers: layerCount, room: upper.height - 5))
        acceptance = upper.droppingTop(sparsity.height)
        guard focus == .pad else {
            loss = main.top((main.height + 1) / 2)
            accuracy = main.droppingTop(loss?.height ?? 0)
            return
        }
        let padBox = Rect(column: main.column, row: main.row, width: Self.halfPadBox.width, height: Self.halfPadBox.height)
        pad = padBox
        padScale = .half
        sees = Rect(column: padBox.right, row: main.row, width: Self.seesWidth, height: Self.thumbnailBoxHeight)
        let beside = main.droppingLeft(padBox.width + Self.seesWidth).top(padBox.height)
        if beside.width >= 24 { loss = beside }
        let below = main.droppingTop(padBox.height)
        if below.height >= 5 { accuracy = below }
    }

    private mutating func arrangeStandard(_ body: Rect, layerCount: Int) {
        arrangement = .standard
        let side = body.droppingLeft(body.width - Self.halfPadBox.width - Self.seesWidth)
        arrangePadColumn(side, scale: .half)
        arrangePlots(body.left(side.column - body.column), layerCount: layerCount, timeline: false)
    }

    private mutating func arrangeLarge(_ body: Rect, layerCount: Int) {
        arrangement = .large
        let extra = body.droppingLeft(body.width - Self.classesWidth)
        classes = extra.top(Self.classesHeight)
        fields = extra.droppingTop(Self.classesHeight)
        let doubleWidth = PadScale.double.cells.columns + 2
        let double = body.height >= PadScale.double.cells.rows + 2 + Self.predictionHeight + 9
            && body.width - Self.classesWidth - doubleWidth >= 60
        let padWidth = double ? doubleWidth : Self.halfPadBox.width + Self.seesWidth
        let padColumn = Rect(column: extra.column - padWidth, row: body.row, width: padWidth, height: body.height)
        arrangePadColumn(padColumn, scale: double ? .double : .half)
        arrangePlots(body.left(padColumn.column - body.column), layerCount: layerCount, timeline: true)
    }

    /// The pad, the model's view, the prediction and the acceptance panel, top to bottom.
    private mutating func arrangePadColumn(_ column: Rect, scale: PadScale) {
        padScale = scale
        let padBox = column.top(scale.cells.rows + 2).left(scale.cells.columns + 2)
        pad = padBox
        let below = column.droppingTop(padBox.height)
        switch scale {
        case .half:
            sees = Rect(column: padBox.right, row: column.row, width: column.right - padBox.right, height: padBox.height)
            prediction = below.top(Self.predictionHeight)
        case .double:
            sees = below.top(Self.predictionHeight).left(Self.seesWidth)
            prediction = below.top(Self.predictionHeight).droppingLeft(Self.seesWidth)
        }
        acceptance = below.droppingTop(Self.predictionHeight)
    }

    /// Loss (and the settings timeline under it) and accuracy sharing the height left by
    /// the sparsity panel at the bottom.
    private mutating func arrangePlots(_ area: Rect, layerCount: Int, timeline withTimeline: Bool) {
        let sparsityHeight = Self.sparsityHeight(layers: layerCount, room: 4 + 6)
        sparsity = Rect(column: area.column, row: area.bottom - sparsityHeight, width: area.width, height: sparsityHeight)
        var plots = area.top(area.height - sparsityHeight)
        if withTimeline {
            plots.height -= Self.timelineHeight
        }
        let lossBox = plots.top((plots.height + 1) / 2)
        loss = lossBox
        if withTimeline {
            timeline = Rect(column: area.column, row: lossBox.bottom, width: area.width, height: Self.timelineHeight)
        }
        accuracy = Rect(column: area.column, row: lossBox.bottom + (withTimeline ? Self.timelineHeight : 0),
                        width: area.width, height: plots.height - lossBox.height)
    }

    /// The cells inside the pad's border that show its pixels; nil while the pad is hidden.
    public var padPixels: Rect? {
        pad.map { Rect(column: $0.column + 1, row: $0.row + 1, width: padScale.cells.columns, height: padScale.cells.rows) }
    }

    /// The pad point under the centre of screen cell (`column`, `row`); it may lie off
    /// the pad. nil while the pad is hidden.
    public func padPoint(column: Int, row: Int) -> PadPoint? {
        guard let pixels = padPixels else { return nil }
        let x = Double(column - pixels.column) + 0.5, y = Double(row - pixels.row) + 0.5
        switch padScale {
        case .double: return PadPoint(x: x / 2, y: y)
        case .half: return PadPoint(x: x, y: y * 2)
        }
    }

    /// Every panel shown, each a bordered box.
    public var panels: [Rect] {
        [loss, accuracy, sparsity, acceptance, pad, sees, prediction, timeline, classes, fields].compactMap { $0 }
    }

    /// Whether screen cell (`column`, `row`) shows a training panel.
    public func isTrainingPanel(column: Int, row: Int) -> Bool {
        [loss, accuracy, sparsity, acceptance, timeline, classes, fields].contains { $0?.contains(column: column, row: row) == true }
    }

    /// Whether screen cell (`column`, `row`) shows the pad's result (the prediction or the
    /// model's view), where a click gives the pad focus.
    public func isPadResult(column: Int, row: Int) -> Bool {
        [prediction, sees].contains { $0?.contains(column: column, row: row) == true }
    }
}
