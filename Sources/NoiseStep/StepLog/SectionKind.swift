/// The kind byte that starts each section.
public enum SectionKind: UInt8, Sendable {
    /// One training step ('S').
    case step = 0x53
    /// Packed weights after a given step ('W').
    case weights = 0x57
    /// What trained the opening weights, when not noise_step (`ModelOrigin`). Optional to
    /// readers that do not know it.
    case origin = 0x80
    /// The step settings a run had reached after a given step ('N' | 0x80): what a model
    /// file needs so that training from it continues its run. Optional to readers that do
    /// not know it.
    case settings = 0xCE

    /// Kinds 0x80...0xFF are optional: a reader that does not know one checks its CRC and
    /// skips it. Kinds below 0x80 that a reader does not know make the file unreadable.
    public static func isOptional(_ raw: UInt8) -> Bool { raw >= 0x80 }

    /// The cap on the body of a section of kind `raw` in a log of `shape`, or nil for a
    /// kind that is neither known nor optional. Weights and origin sections have exactly
    /// this length (`hasExactLength`).
    static func hasExactLength(_ raw: UInt8) -> Bool { raw == weights.rawValue || raw == origin.rawValue }

    static func bodyCap(_ raw: UInt8, shape: ModelShape) -> Int? {
        switch SectionKind(rawValue: raw) {
        case .step: return StepLogFormat.maxStepBodyBytes
        case .weights: return StepLogSection.weightsBodyLength(shape)
        case .origin: return ModelOrigin.bodyBytes
        case .settings: return StepLogFormat.maxStepBodyBytes
        case nil: return isOptional(raw) ? StepLogFormat.maxOptionalBodyBytes : nil
        }
    }
}
