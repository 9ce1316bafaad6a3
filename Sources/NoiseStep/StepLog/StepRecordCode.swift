/// A setting stored in a step record as a one-byte code: its index in `formatCodes`.
protocol StepRecordCode: Equatable {
    /// Every value, in code order. Stable: append new values, never reorder.
    static var formatCodes: [Self] { get }
}

extension StepRecordCode {
    var formatCode: UInt8 { UInt8(Self.formatCodes.firstIndex(of: self)!) }

    init?(formatCode: UInt8) {
        guard Int(formatCode) < Self.formatCodes.count else { return nil }
        self = Self.formatCodes[Int(formatCode)]
    }
}

extension DensitySchedule: StepRecordCode {
    static let formatCodes: [DensitySchedule] = [.paper, .fixed]
}

extension QuantileSchedule: StepRecordCode {
    static let formatCodes: [QuantileSchedule] = [.fixed, .ramp]
}

extension KeepRanking: StepRecordCode {
    static let formatCodes: [KeepRanking] = [.magnitude, .reliability]
}
