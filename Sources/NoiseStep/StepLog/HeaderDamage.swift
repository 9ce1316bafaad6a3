/// What is wrong with a header whose magic and version are right.
public enum HeaderDamage: Sendable, Equatable {
    /// The generator name's length is outside 1...`StepLogFormat.maxGeneratorBytes`.
    case generatorLength(Int)
    /// The options' length is outside 1...`StepLogFormat.maxOptionsBytes`.
    case optionsLength(Int)
    /// The data fingerprint's length is neither 0 nor `DataFingerprint.byteCount`.
    case fingerprintLength(Int)
    case crcMismatch
}
