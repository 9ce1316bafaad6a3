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
