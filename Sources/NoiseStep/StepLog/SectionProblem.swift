/// What is wrong inside one section, as values: found while reading a file (the reader
/// adds the place, `StepLogError.damagedSection`) or refused before writing one
/// (`StepLogError.cannotAppend`).
public enum SectionProblem: Error, Sendable, Equatable {
    // The frame.
    /// The kind and length bytes fail their CRC-8.
    case frameCheck
    /// A kind below 0x80 that this program does not know.
    case unknownKind(UInt8)
    /// The body length is over `cap` (for a weights section: not exactly `cap`).
    case length(Int, cap: Int)
    /// The length runs past the end of the file, yet a complete section starts at
    /// `completeSectionAt` after it: damage, not a last record cut short.
    case lengthPastEnd(length: Int, fileBytes: Int, completeSectionAt: Int)
    /// The CRC-32 at the end does not match.
    case crcMismatch

    // Step records.
    /// The body is shorter than its fields, or longer than its `samples` kept signs need.
    case bodyLength(Int, samples: Int?)
    /// Flag bits that no version defines.
    case unknownFlags(UInt8)
    case unknownSchedule(UInt8)
    /// The settings break the rulebook.
    case limit(LimitViolation)
    /// A record of step `found` where step `expected` belongs.
    case stepOutOfOrder(found: Int, expected: Int)
    /// Loss or batch accuracy that is not finite, or an accuracy outside [0, 1].
    case metricsOutOfRange(StepMetrics)
    /// The kept signs are not the valid packing of the record's samples.
    case invalidTrits
    /// A step given `count` kept signs for `samples` samples, or a sign outside −1...1.
    case keptSigns(count: Int, samples: Int)

    // Weights sections.
    /// The parameter count differs from that of the header's architecture `widths`.
    case parameterCount(found: UInt64, expected: Int, widths: [Int])
    /// The weights of step `step` where the log holds `stepsDone` steps (only a file's
    /// first section may start from a step of its own).
    case weightsStep(Int, stepsDone: Int)

    // Origin sections.
    /// An optimizer code this program does not know.
    case unknownOrigin(UInt8)
    /// Settings that are not finite, non-negative numbers.
    case invalidOrigin
    /// An origin section anywhere but right after the file's opening weights section.
    case misplacedOrigin

    // Settings sections.
    /// The settings after step `step` where the log holds `stepsDone` steps.
    case settingsStep(Int, stepsDone: Int)
}
