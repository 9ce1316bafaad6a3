/// What rank 0 sends the other processes once, before the first step: the fingerprint of
/// its training data, then a model file (the step-log header with the run's options and
/// a weights section with the weights and step count to start from).
///
/// Layout: the fingerprint as a step log's header holds it (`DataFingerprint.bytes`) ·
/// model file bytes. A follower
/// builds its trainer from it exactly as `--resume` builds one from a log, so a run
/// started fresh, resumed, or resumed on another number of ranks starts the same way.
enum RunStart {
    /// The message for a trainer about to run its next step.
    /// - Throws: only what `ModelFile.bytes` throws for options the rulebook refuses,
    ///   which a constructed trainer never has.
    static func encode(_ trainer: Trainer) throws(StepLogError) -> [UInt8] {
        DataFingerprint(trainer.training).bytes + (try ModelFile.bytes(of: trainer.model, step: trainer.stepsDone,
                                                                       options: trainer.options, settings: trainer.settings,
                                                                       file: source))
    }

    /// The fingerprint and the model file of a message; nil when it is not one.
    static func decode(_ bytes: [UInt8]) -> (fingerprint: DataFingerprint, start: StepLog)? {
        var reader = ByteReader(bytes)
        guard let fingerprint = DataFingerprint(reading: &reader),
              let start = try? StepLog.decode(Array(bytes[reader.offset...]), file: source) else { return nil }
        return (fingerprint, start)
    }

    /// How the message names itself in step-log errors.
    private static let source = "rank 0's start message"
}
