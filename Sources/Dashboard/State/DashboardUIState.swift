/// Which part of the screen the keyboard acts on.
public enum Focus: Equatable, Sendable {
    /// The training panels: space pauses, `l` toggles the log scale.
    case training
    /// The drawing pad: space paints, arrows and hjkl move the cursor.
    case pad
}

/// Everything the dashboard itself remembers between frames; the training session's
/// state is separate and read fresh every frame.
public struct DashboardUIState: Equatable, Sendable {
    /// Seconds a local notice stays on the message line.
    public static let noticeLifetime = 3.0

    public var focus: Focus = .training
    public var logScale = false
    public var smoothing = false
    public var showsHelp = false
    public var pad = DrawingPad()
    /// The keyboard cursor's pixel on the pad, each coordinate in 0..<28.
    public var cursor = PadCursor(column: 14, row: 14)
    /// The last point of a mouse stroke in progress; nil when no button is held.
    public var strokeEnd: PadPoint?
    public var padSource = PadSource.drawing
    /// The latest reading of the pad; nil for an empty pad.
    public var prediction: PadPrediction?
    public var pendingSettings: PendingSettings?
    /// A short local message, e.g. why a key did nothing, and when it was set.
    public var notice: Notice?

    public init() {}

    /// Shows `text` on the message line from `now` for `noticeLifetime` seconds.
    public mutating func notify(_ text: String, now: Double) {
        notice = Notice(text: text, time: now)
    }

    /// Drops the notice once it is older than `noticeLifetime` at `now`.
    public mutating func expireNotice(now: Double) {
        if let notice, now - notice.time >= Self.noticeLifetime { self.notice = nil }
    }

    /// Puts validation image `index` (with its true `label`) on the pad.
    public mutating func showValidationImage(_ pixels: some Collection<UInt8>, index: Int, label: Int) {
        pad.load(pixels)
        padSource = .validation(index: index, label: label)
        strokeEnd = nil
    }
}

/// A pixel of the drawing pad, each coordinate in 0..<28.
public struct PadCursor: Equatable, Sendable {
    public var column: Int
    public var row: Int

    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// The centre of this pixel.
    public var centre: PadPoint { PadPoint(x: Double(column) + 0.5, y: Double(row) + 0.5) }
}

/// A short local message and when it was set, in seconds on the app's clock.
public struct Notice: Equatable, Sendable {
    public var text: String
    public var time: Double
}
