/// The constants of the .nstep format (see FORMAT.md next to this file) and the caps a
/// reader applies before it trusts any length read from a file.
public enum StepLogFormat {
    /// "\x89NSTEP\r\n": the high byte catches 7-bit transfers, CR LF catches newline
    /// conversion, as in PNG.
    public static let magic: [UInt8] = [0x89, 0x4E, 0x53, 0x54, 0x45, 0x50, 0x0D, 0x0A]
    /// The version this program writes and the newest it reads.
    public static let version = 1

    /// Header caps.
    public static let maxGeneratorBytes = 64
    public static let maxOptionsBytes = 64 << 10
    // Architecture and step-setting limits are the rulebook's (`Limits`), shared with
    // every other way into a run.
    /// Largest file `StepLog.read` loads.
    public static let maxFileBytes = 1 << 30

    /// Every section: kind (1) + body length (4) + CRC-8 of those five bytes (1).
    static let framePrefixBytes = 6
    /// Every section ends with a CRC-32 of its prefix and body.
    static let frameSuffixBytes = 4
    /// Cap on an optional section's body.
    static let maxOptionalBodyBytes = 16 << 20
}

/// The kind byte that starts each section.
enum SectionKind: UInt8 {
    /// One training step ('S').
    case step = 0x53
    /// Packed weights after a given step ('W').
    case weights = 0x57

    /// Kinds 0x80...0xFF are optional: a reader that does not know one checks its CRC and
    /// skips it. Kinds below 0x80 that a reader does not know make the file unreadable.
    static func isOptional(_ raw: UInt8) -> Bool { raw >= 0x80 }

    /// How error messages name a section of kind `raw`.
    static func name(_ raw: UInt8) -> String {
        switch SectionKind(rawValue: raw) {
        case .step: return "step record"
        case .weights: return "weights section"
        case nil: return isOptional(raw) ? "optional section" : "unknown section"
        }
    }
}

/// Which step settings a record spells out; the others are as in the previous record
/// (or the header's options for the first record).
struct ChangedSettings: OptionSet {
    let rawValue: UInt8
    static let density = ChangedSettings(rawValue: 1 << 0)
    static let samples = ChangedSettings(rawValue: 1 << 1)
    static let rejectQuantile = ChangedSettings(rawValue: 1 << 2)
    static let schedule = ChangedSettings(rawValue: 1 << 3)
    static let all: ChangedSettings = [.density, .samples, .rejectQuantile, .schedule]
}

extension DensitySchedule {
    /// The schedule's code in a step record. Stable: never renumber.
    var formatCode: UInt8 {
        switch self {
        case .paper: return 0
        case .fixed: return 1
        }
    }

    init?(formatCode: UInt8) {
        switch formatCode {
        case 0: self = .paper
        case 1: self = .fixed
        default: return nil
        }
    }
}
