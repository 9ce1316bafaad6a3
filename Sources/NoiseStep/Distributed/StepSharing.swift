import Synchronization

/// How one process takes part in a run that a `ProcessGroup` trains together: which
/// chunks of each batch it computes, how the chunks' rows are combined, and what rank 0
/// tells the others.
///
/// Rank 0 (the leader) runs the ordinary `RunDriver` inside `noisestep train` or the
/// dashboard: `start` sends the followers the run, its trainer announces every step's
/// settings before computing it, and `release` ends the followers' run. Every other
/// rank calls `follow`. A step costs one broadcast of a `StepControl` (32 bytes) and one
/// all-gather of the per-chunk rows, which every rank then adds in chunk order, as one
/// process does: the weights are bit-identical to a single process's for any group size
/// and any thread count.
///
/// `StepSharing.single` (a `SingleProcess` group) makes every collective the identity;
/// it is what a trainer uses unless given another.
public final class StepSharing: Sendable {
    public let group: any ProcessGroup
    /// A follower's next step and its settings, from the last control message.
    private let announced = Mutex<(step: Int, settings: StepSettings)?>(nil)

    public static let single = StepSharing(group: SingleProcess())

    public init(group: any ProcessGroup) {
        self.group = group
    }

    /// Whether this process is rank 0, which records the run and takes the commands.
    public var isLeader: Bool { group.rank == 0 }

    /// The chunks of a `count`-chunk batch this process computes.
    func chunks(of count: Int) -> Range<Int> {
        ChunkPartition.chunks(count, rank: group.rank, size: group.size)
    }

    /// Fills the rows of the chunks other processes computed: `rows` is [chunks, width],
    /// row c the results of chunk c, this process's rows filled on entry; on return every
    /// row is, the same on every process.
    func combine(_ rows: UnsafeMutablePointer<Double>, chunks: Int, width: Int) {
        guard group.size > 1 else { return }
        let counts = ChunkPartition.shares(chunks, size: group.size).map { $0.count * width }
        group.allGather(UnsafeMutableBufferPointer(start: rows, count: chunks * width), counts: counts)
    }

    /// The settings step `step` runs with on every process: the leader announces its own
    /// `settings` and returns them; a follower returns those the leader announced.
    /// - Precondition: on a follower, `follow` received the control of step `step`.
    func agree(on settings: StepSettings, step: Int) -> StepSettings {
        guard group.size > 1 else { return settings }
        if isLeader {
            send(.step(step, settings))
            return settings
        }
        let next = announced.withLock { $0 }
        precondition(next?.step == step, "a follower trains only the step its leader announced")
        return next?.settings ?? settings
    }

    // MARK: The leader's side

    /// Sends the followers the run `trainer` is about to continue. Rank 0 calls it once,
    /// before the first step; it returns at once in a group of one.
    /// - Throws: only what `ModelFile.bytes` throws for options outside the rulebook.
    public func start(_ trainer: Trainer) throws(StepLogError) {
        precondition(isLeader, "only rank 0 starts a run")
        guard group.size > 1 else { return }
        _ = group.broadcast(message: try RunStart.encode(trainer))
    }

    /// Tells the followers the run ends after `stepsDone` steps at weights `model`, which
    /// theirs must equal. Rank 0 calls it once, after the last step.
    public func release(stepsDone: Int, model: TernaryModel) {
        precondition(isLeader, "only rank 0 ends a run")
        guard group.size > 1 else { return }
        send(.stop(stepsDone: stepsDone, weights: Self.checksum(model)))
    }

    private func send(_ control: StepControl) {
        var bytes = control.encoded
        bytes.withUnsafeMutableBytes { group.broadcast($0) }
    }

    // MARK: The followers' side

    /// The next control message from rank 0; nil when it is unreadable.
    func receiveControl() -> StepControl? {
        var bytes = [UInt8](repeating: 0, count: StepControl.byteCount)
        bytes.withUnsafeMutableBytes { group.broadcast($0) }
        let control = StepControl(decoding: bytes)
        if case .step(let step, let settings) = control { announced.withLock { $0 = (step, settings) } }
        return control
    }

    /// CRC-32 of the weights as a weights section stores them.
    static func checksum(_ model: TernaryModel) -> UInt32 {
        Checksum.crc32(StepLogSection.weightsBody(model, step: 0))
    }
}
