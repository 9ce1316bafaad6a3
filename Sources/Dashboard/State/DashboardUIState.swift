import NoiseStep

/// Which part of the screen the keyboard acts on.
public enum Focus: Equatable, Sendable {
    /// The training panels: space pauses, the tuning keys retune, arrows pan the plots.
    case training
    /// The drawing pad: space paints, arrows and hjkl move the cursor; tuning keys wait
    /// for the training panels.
    case pad
}

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

    public var showsHelp: Bool { helpPage != nil }

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

/// One settings change made with a key: the settings before and after it, and whether a
/// density key had turned the schedule off before it.
public struct SettingsEdit: Equatable, Sendable {
    public var before: StepSettings
    public var after: StepSettings
    public var overrodeScheduleBefore: Bool

    /// `current` with every setting this edit changed put back as it was before it.
    func undone(from current: StepSettings) -> StepSettings {
        var settings = current
        if before.density != after.density { settings.density = before.density }
        if before.samples != after.samples { settings.samples = before.samples }
        if before.rejectQuantile != after.rejectQuantile { settings.rejectQuantile = before.rejectQuantile }
        if before.schedule != after.schedule { settings.schedule = before.schedule }
        return settings
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

/// A short message and when it was set, in seconds on the app's clock.
public struct Notice: Equatable, Sendable {
    /// The message in words from the fullest to the shortest; the message row shows the
    /// first that fits.
    public var texts: [String]
    public var time: Double

    public var text: String { texts.first ?? "" }

    /// The fullest text at most `width` characters long (the shortest one cut, if none is).
    public func text(fitting width: Int) -> String {
        texts.first { $0.count <= width } ?? String((texts.last ?? "").prefix(max(0, width)))
    }
}
