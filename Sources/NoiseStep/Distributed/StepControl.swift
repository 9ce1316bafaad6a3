/// What rank 0 tells the other processes before each step, and once at the end: the
/// whole of their say in the run. Followers decide nothing themselves, so a dashboard
/// key, a pause or a stop on rank 0 reaches them as the next message.
public enum StepControl: Sendable, Equatable {
    /// Train step `step` (stepsDone + 1) with `settings`.
    case step(Int, StepSettings)
    /// The run ends after `stepsDone` steps; `weights` is the CRC-32 of rank 0's weights
    /// then, which every follower's must equal.
    case stop(stepsDone: Int, weights: UInt32)

    /// Every message has this length, so a follower knows what to receive:
    /// kind u8 · step u64 · density f64 · samples u32 · reject quantile f64 · schedule u8 ·
    /// quantile schedule u8 · keep ranking u8 (the codes of a step record).
    /// A stop puts the weights' checksum where the samples go and zeros elsewhere.
    public static let byteCount = 32

    private static let stepKind: UInt8 = 1, stopKind: UInt8 = 2

    /// The message's bytes, `byteCount` of them.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        switch self {
        case .step(let step, let settings):
            bytes.append(Self.stepKind)
            bytes.appendLittleEndian(UInt64(step))
            bytes.appendLittleEndian(settings.density)
            bytes.appendLittleEndian(UInt32(settings.samples))
            bytes.appendLittleEndian(settings.rejectQuantile)
            bytes.append(settings.schedule.formatCode)
            bytes.append(settings.quantileSchedule.formatCode)
            bytes.append(settings.keepBy.formatCode)
        case .stop(let stepsDone, let weights):
            bytes.append(Self.stopKind)
            bytes.appendLittleEndian(UInt64(stepsDone))
            bytes.appendLittleEndian(0.0)
            bytes.appendLittleEndian(weights)
            bytes.appendLittleEndian(0.0)
            bytes += [0, 0, 0]
        }
        return bytes
    }

    /// Reads a message; nil unless `bytes` is one that `encoded` makes.
    public init?(decoding bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        var reader = ByteReader(bytes)
        guard let kind = reader.uint8(), let step = reader.uint64(), let density = reader.float64(),
              let samples = reader.uint32(), let quantile = reader.float64(), let schedule = reader.uint8(),
              let quantileSchedule = reader.uint8(), let keepBy = reader.uint8(),
              step <= UInt64(Int.max) else { return nil }
        switch kind {
        case Self.stepKind:
            guard let schedule = DensitySchedule(formatCode: schedule),
                  let quantileSchedule = QuantileSchedule(formatCode: quantileSchedule),
                  let keepBy = KeepRanking(formatCode: keepBy) else { return nil }
            self = .step(Int(step), StepSettings(density: density, samples: Int(samples), rejectQuantile: quantile,
                                                 schedule: schedule, quantileSchedule: quantileSchedule, keepBy: keepBy))
        case Self.stopKind:
            self = .stop(stepsDone: Int(step), weights: samples)
        default:
            return nil
        }
    }
}
