/// The constants of the .nstep format (FORMAT.md next to this file has the tables) and
/// the caps a reader applies before it trusts any length read from a file.
public enum StepLogFormat {
    /// "\x89NSTEP\r\n": the high byte catches 7-bit transfers, CR LF catches newline
    /// conversion, as in PNG.
    public static let magic: [UInt8] = [0x89, 0x4E, 0x53, 0x54, 0x45, 0x50, 0x0D, 0x0A]
    /// The version this program writes and the newest it reads.
    public static let version = 2
    /// The oldest version it reads. Version 1 headers hold no training-data fingerprint.
    public static let oldestVersion = 1

    // Header fields. Architecture and step-setting limits are the rulebook's (`Limits`),
    // shared with every other way into a run.
    /// Generator name: 1...64 bytes of ASCII.
    public static let maxGeneratorBytes = 64
    /// Options JSON: 1...65536 bytes.
    public static let maxOptionsBytes = 64 << 10
    /// The largest header of any version: magic, version u16, generator length u8 and
    /// name, options length u32 and JSON, fingerprint length u8 and bytes, CRC-32.
    static let maxHeaderBytes = magic.count + 2 + 1 + maxGeneratorBytes + 4 + maxOptionsBytes + 1
        + DataFingerprint.byteCount + 4

    // Sections.
    /// Every section: kind (1) + body length (4) + CRC-8 of those five bytes (1).
    static let framePrefixBytes = 6
    /// Every section ends with a CRC-32 of its prefix and body.
    static let frameSuffixBytes = 4
    /// Cap on a step record's body: 65536 samples pack into 13108 bytes, plus settings.
    static let maxStepBodyBytes = 1 << 16
    /// A weights section's body before its trits: step u32, parameter count u64.
    static let weightsPrefixBytes = 12
    /// Cap on an optional section's body.
    static let maxOptionalBodyBytes = 16 << 20

    /// Whether a step's recorded loss and batch accuracy can be stored: both finite, the
    /// accuracy a fraction in [0, 1]. Anything else is a bug or damage.
    static func isRecordable(loss: Float, batchAccuracy: Float) -> Bool {
        loss.isFinite && batchAccuracy.isFinite && batchAccuracy >= 0 && batchAccuracy <= 1
    }
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
