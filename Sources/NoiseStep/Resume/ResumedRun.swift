/// A run continued from its step log (`RunDriver.resuming`): the driver that records on
/// into the log, and the log as it was read when opened.
public struct ResumedRun {
    public let driver: RunDriver<Trainer>
    /// Every step replayed and every weights section checked against the replay.
    public let log: StepLog

    /// Whether the log does not say which data it trained on (a log written before step
    /// logs recorded it), so the data it continues on could not be checked: a front end
    /// should say so.
    public var trainingDataUnchecked: Bool { log.dataFingerprint == nil }
}
