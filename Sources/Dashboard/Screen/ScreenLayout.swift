/// Where each panel goes on a screen of a given size: one of three arrangements, chosen
/// by size, each filling the screen.
///
/// Rows 0–1 hold the status lines and the last row the message line; the body between
/// them is split into panels:
/// - **compact** (from 80 × 24): the plots on the left, a 30-column side of the settings
///   changes, acceptance and the prediction (its top classes) on the right. While the pad
///   has focus, the pad (at half scale, 28 × 14 cells) and the image the model sees take
///   the plots' place, with the accuracy plot below them when there is room.
/// - **standard** (from 100 × 40): the changes under the plots, and the pad always visible
///   at half scale in a 46-column side with the model's view, the prediction and the
///   acceptance panel.
/// - **large** (from 160 × 48): a third column with the validation split by class, the
///   changes and a few of the first layer's weight pictures, a settings timeline under
///   the loss plot, and the pad at full scale (two columns per pixel) from 180 × 54.
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
    /// The settings changes, numbered as on the plots, with what each did.
    public var changes: Rect
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
    /// The compact side's prediction at least (its five most probable classes) and acceptance.
    static let compactPredictionHeight = 7
    static let acceptanceHeight = 6
    static let changesHeight = 7
    static let halfPadBox = Rect(column: 0, row: 0, width: 30, height: 16)
    static let seesWidth = 16
    static let thumbnailBoxHeight = 9
    static let timelineHeight = 5
    static let classesWidth = 62
    static let classesHeight = 13
    /// The first layer's weight pictures: two rows of them at most.
    static let fieldsHeight = 2 + 2 * 8

    /// The layout for a `width` × `height` screen and the panels in `focus`; nil when the
    /// screen is smaller than 80 × 24. (`layerCount`, the model's layers, no longer
    /// changes the layout since the per-layer sparsity bars went.)
    public init?(width: Int, height: Int, layerCount: Int, focus: Focus = .training) {
        guard width >= Self.minimumWidth && height >= Self.minimumHeight else { return nil }
        let body = Rect(column: 0, row: 2, width: width, height: height - 3)
        self.init(status: Rect(column: 0, row: 0, width: width, height: 2),
                  message: Rect(column: 0, row: height - 1, width: width, height: 1))
        if width >= 160 && height >= 48 {
            arrangeLarge(body)
        } else if width >= 100 && height >= 40 {
            arrangeStandard(body)
        } else {
            arrangeCompact(body, focus: focus)
        }
    }

    private init(status: Rect, message: Rect) {
        arrangement = .compact
        self.status = status
        self.message = message
        changes = status
        acceptance = status
        padScale = .half
        prediction = status
    }

    private mutating func arrangeCompact(_ body: Rect, focus: Focus) {
        arrangement = .compact
        let main = body.left(body.width - Self.sideWidth), side = body.droppingLeft(main.width)
        let predictionHeight = min(Self.predictionHeight, max(Self.compactPredictionHeight,
                                                              side.height - Self.acceptanceHeight - Self.changesHeight - 1))
        prediction = Rect(column: side.column, row: side.bottom - predictionHeight, width: side.width,
                          height: predictionHeight)
        let upper = side.top(side.height - predictionHeight)
        acceptance = Rect(column: upper.column, row: upper.bottom - Self.acceptanceHeight, width: upper.width,
                          height: Self.acceptanceHeight)
        changes = upper.top(upper.height - Self.acceptanceHeight)
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

    private mutating func arrangeStandard(_ body: Rect) {
        arrangement = .standard
        let side = body.droppingLeft(body.width - Self.halfPadBox.width - Self.seesWidth)
        arrangePadColumn(side, scale: .half)
        let plots = body.left(side.column - body.column)
        changes = plots.droppingTop(plots.height - Self.changesHeight)
        arrangePlots(plots.top(plots.height - Self.changesHeight), timeline: false)
    }

    private mutating func arrangeLarge(_ body: Rect) {
        arrangement = .large
        let extra = body.droppingLeft(body.width - Self.classesWidth)
        classes = extra.top(Self.classesHeight)
        let below = extra.droppingTop(Self.classesHeight)
        let fieldsBox = Rect(column: below.column, row: below.bottom - min(Self.fieldsHeight, below.height / 2),
                             width: below.width, height: min(Self.fieldsHeight, below.height / 2))
        fields = fieldsBox
        changes = below.top(below.height - fieldsBox.height)
        let doubleWidth = PadScale.double.cells.columns + 2
        let double = body.height >= PadScale.double.cells.rows + 2 + Self.predictionHeight + 9
            && body.width - Self.classesWidth - doubleWidth >= 60
        let padWidth = double ? doubleWidth : Self.halfPadBox.width + Self.seesWidth
        let padColumn = Rect(column: extra.column - padWidth, row: body.row, width: padWidth, height: body.height)
        arrangePadColumn(padColumn, scale: double ? .double : .half)
        arrangePlots(body.left(padColumn.column - body.column), timeline: true)
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

    /// Loss (and the settings timeline under it) and accuracy sharing `area`'s height.
    private mutating func arrangePlots(_ area: Rect, timeline withTimeline: Bool) {
        var plots = area
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
        [loss, accuracy, changes, acceptance, pad, sees, prediction, timeline, classes, fields].compactMap { $0 }
    }

    /// Whether screen cell (`column`, `row`) shows a training panel.
    public func isTrainingPanel(column: Int, row: Int) -> Bool {
        [loss, accuracy, changes, acceptance, timeline, classes, fields].contains { $0?.contains(column: column, row: row) == true }
    }

    /// Whether screen cell (`column`, `row`) shows the pad's result (the prediction or the
    /// model's view), where a click gives the pad focus.
    public func isPadResult(column: Int, row: Int) -> Bool {
        [prediction, sees].contains { $0?.contains(column: column, row: row) == true }
    }
}
