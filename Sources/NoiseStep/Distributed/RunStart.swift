/// What rank 0 sends the other processes once, before the first step: the fingerprint of
/// its training data, then a model file (the step-log header with the run's options and
/// a weights section with the weights and step count to start from).
///
/// Layout: count u64 · labels CRC u32 · pixels CRC u32 · model file bytes. A follower
/// builds its trainer from it exactly as `--resume` builds one from a log, so a run
/// started fresh, resumed, or resumed on another number of ranks starts the same way.
enum RunStart {
    /// The message for a trainer about to run its next step.
    /// - Throws: only what `ModelFile.bytes` throws for options the rulebook refuses,
    ///   which a constructed trainer never has.
    static func encode(_ trainer: Trainer) throws(StepLogError) -> [UInt8] {
        let fingerprint = DataFingerprint(trainer.training)
        var bytes = [UInt8]()
        bytes.appendLittleEndian(UInt64(fingerprint.count))
        bytes.appendLittleEndian(fingerprint.labels)
        bytes.appendLittleEndian(fingerprint.pixels)
        return bytes + (try ModelFile.bytes(of: trainer.model, step: trainer.stepsDone, options: trainer.options,
                                             file: source))
    }

    /// The fingerprint and the model file of a message; nil when it is not one.
    static func decode(_ bytes: [UInt8]) -> (fingerprint: DataFingerprint, start: StepLog)? {
        var reader = ByteReader(bytes)
        guard let count = reader.uint64(), let labels = reader.uint32(), let pixels = reader.uint32(),
              count <= UInt64(Int.max),
              let start = try? StepLog.decode(Array(bytes[reader.offset...]), file: source) else { return nil }
        return (DataFingerprint(count: Int(count), labels: labels, pixels: pixels), start)
    }

    /// How the message names itself in step-log errors.
    private static let source = "rank 0's start message"
}
