import NoiseStep

/// Everything the dashboard itself remembers between frames; the training session's
/// state is separate and read fresh every frame.
public struct DashboardUIState: Equatable, Sendable {
    /// Seconds a notice stays on the message line before the key hints come back.
    public static let noticeLifetime = 4.0

    public var focus: Focus = .training
    public var logScale = false
    public var smoothing = Smoothing.off
    /// The steps the plots show.
    public var plotView = PlotView()
    /// The page of help shown, nil when help is closed.
    public var helpPage: Int?
    public var pad = DrawingPad()
    /// The keyboard cursor's pixel on the pad, each coordinate in 0..<28.
    public var cursor = PadCursor(column: 14, row: 14)
    /// The last point of a mouse stroke in progress; nil when no button is held.
    public var strokeEnd: PadPoint?
    public var padSource = PadSource.drawing
    /// The latest reading of the pad; nil for an empty pad.
    public var prediction: PadPrediction?
    public var pendingSettings: PendingSettings?
    /// A short message (why a key did nothing, what the session reported) and when it was set.
    public var notice: Notice?
    /// The number of the last session event turned into a notice.
    public var seenEventNumber = 0
    /// A density key turned the paper schedule off; `a` turns it back on.
    public var densityOverridesSchedule = false
    /// The settings keys pressed this session, oldest first, for `u`.
    public var edits: [SettingsEdit] = []
    /// The settings the session started with, for `U`; set from the first state seen.
    public var launchSettings: StepSettings?
    /// `q` was pressed in a session that records nothing: a second `q` quits.
    public var confirmingQuit = false

    public init() {}

    /// Shows `text` on the message line from `now` for `noticeLifetime` seconds.
    public mutating func notify(_ text: String, now: Double) {
        notify([text], now: now)
    }

    /// Shows the first of `texts` that fits (they go from the fullest to the shortest).
    public mutating func notify(_ texts: [String], now: Double) {
        notice = Notice(texts: texts, time: now)
    }

    /// Shows the session's event `number` unless it was shown already; events expire
    /// like any other notice.
    public mutating func notice(event: SessionEvent?, number: Int, now: Double, describe: (any Error) -> String) {
        guard number != seenEventNumber else { return }
        seenEventNumber = number
        if let event { notify(SessionEventText.message(event, describe: describe), now: now) }
    }

    /// Drops the notice once it is older than `noticeLifetime` at `now`.
    public mutating func expireNotice(now: Double) {
        if let notice, now - notice.time >= Self.noticeLifetime { self.notice = nil }
    }

    /// Puts validation image `index` (with its true `label`) on the pad.
    public mutating func showValidationImage(_ pixels: some Collection<UInt8>, index: Int, label: Int) {
        pad.load(pixels)
        padSource = .validation(index: index, label: label, edited: false)
        strokeEnd = nil
    }
}
