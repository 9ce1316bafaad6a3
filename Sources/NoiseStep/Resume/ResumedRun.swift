/// A run continued from its step log (`RunDriver.resuming`): the driver that records on
/// into the log, and the log as it was read when opened.
public struct ResumedRun {
    public let driver: RunDriver<Trainer>
    /// Every step replayed and every weights section checked against the replay.
    public let log: StepLog
    /// The step of the metrics file's last line when it was opened (nil without one).
    public let metricsEnded: Int?
    /// The steps whose metrics lines were rebuilt from the log, the file having ended
    /// before them (nil when nothing was missing).
    public let metricsFilled: ClosedRange<Int>?

    public init(driver: RunDriver<Trainer>, log: StepLog, metricsEnded: Int? = nil, metricsFilled: ClosedRange<Int>? = nil) {
        self.driver = driver
        self.log = log
        self.metricsEnded = metricsEnded
        self.metricsFilled = metricsFilled
    }

    /// Whether the log starts from a model file that does not record the settings its run
    /// had reached (`StepLog.resumeSettings` is nil): the steps from here on are a new leg
    /// from the header's settings, and a front end should say so.
    public var startsNewLeg: Bool { log.resumeSettings == nil }

    /// The steps the metrics file lacks and the log holds no records of (before the
    /// opening weights of a model file), which stay missing; nil when none.
    public var metricsUnrecoverable: ClosedRange<Int>? {
        guard let ended = metricsEnded, ended < log.startStep else { return nil }
        return (ended + 1) ... log.startStep
    }

    /// Whether the log does not say which data it trained on (a log written before step
    /// logs recorded it), so the data it continues on could not be checked: a front end
    /// should say so.
    public var trainingDataUnchecked: Bool { log.dataFingerprint == nil }
}
