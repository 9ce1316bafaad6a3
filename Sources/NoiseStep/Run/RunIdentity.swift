/// Which run a file belongs to, so that one run's metrics are never continued (and cut)
/// by another's: a 64-bit FNV-1a digest of what makes a run, namely the optimizer, the
/// run's options as its step log's header stores them (JSON), and the fingerprint of its
/// training data (none when not recorded).
///
/// Two runs with one identity train the same steps (same seed, options and data), so
/// their files hold the same lines; two runs that differ in any of those get different
/// identities but for a chance of about 2⁻⁶⁴. Written as 16 lowercase hex digits.
public struct RunIdentity: Sendable, Hashable, CustomStringConvertible, Encodable {
    public let value: UInt64

    public init(value: UInt64) { self.value = value }

    /// The identity of a run of `optimizer` whose header stores `optionsJSON` and
    /// `dataFingerprint`.
    public init(optimizer: Optimizer, optionsJSON: [UInt8], dataFingerprint: DataFingerprint?) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a 64 offset basis
        let parts = [Array(optimizer.rawValue.utf8), [0], optionsJSON, [0], dataFingerprint?.bytes ?? []]
        for byte in parts.joined() {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3  // FNV-1a 64 prime
        }
        value = hash
    }

    /// The identity of a new run of `optimizer` with `options` on data of
    /// `dataFingerprint`: the one its step log's header will give it.
    /// - Throws: options outside the rulebook (the header could not be written either).
    public init(optimizer: Optimizer, options: TrainingOptions, dataFingerprint: DataFingerprint?) throws(StepLogError) {
        self.init(optimizer: optimizer, optionsJSON: try StepLogHeader.optionsJSON(options, file: ""),
                  dataFingerprint: dataFingerprint)
    }

    public var description: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Encoded as its `description`, a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Reads what `description` wrote: exactly 16 lowercase hex digits.
    public init?<Text: StringProtocol>(_ text: Text) {
        guard text.utf8.count == 16, text.utf8.allSatisfy({ (0x30 ... 0x39).contains($0) || (0x61 ... 0x66).contains($0) }),
              let value = UInt64(text, radix: 16) else { return nil }
        self.value = value
    }
}
