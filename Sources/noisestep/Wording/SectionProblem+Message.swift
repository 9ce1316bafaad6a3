import NoiseStep

extension SectionProblem {
    /// What is wrong, for a section of kind `kind` (its kind byte).
    func message(kind: UInt8) -> String {
        switch self {
        case .frameCheck: return "its kind and length fail their check byte"
        case .unknownKind(let kind):
            return "unknown section kind 0x\(String(kind, radix: 16)) (written by a newer noisestep?)"
        case .length(let length, let cap) where SectionKind(rawValue: kind) == .weights:
            return "length \(length) does not match the \(cap) bytes that the weights of the header's architecture take"
        case .length(let length, let cap): return "length \(length) is over the \(cap) cap"
        case .lengthPastEnd(let length, let fileBytes, let next):
            return "its length \(length) runs past the end of the file (\(fileBytes) bytes), yet a complete section"
                + " starts at byte \(next): the length is damaged, it is not a last record cut short"
        case .crcMismatch: return "CRC mismatch"
        case .bodyLength(let length, nil): return "length \(length) is too short for its fields"
        case .bodyLength(let length, let samples?): return "length \(length) does not fit its \(samples) samples"
        case .unknownFlags(let flags): return "unknown flags 0x\(String(flags, radix: 16))"
        case .unknownSchedule(let code): return "unknown density schedule \(code)"
        case .limit(let violation): return violation.fileMessage
        case .stepOutOfOrder(let found, let expected): return "holds step \(found) where step \(expected) belongs"
        case .metricsOutOfRange(let metrics):
            return "loss \(metrics.loss) and batch accuracy \(metrics.batchAccuracy): a loss must be finite"
                + " and an accuracy within 0...1"
        case .invalidTrits where SectionKind(rawValue: kind) == .weights: return "parameters are not valid packed trits"
        case .invalidTrits: return "kept signs are not valid packed trits"
        case .keptSigns(let count, let samples):
            return "\(count) kept signs for \(samples) samples, or a sign outside −1...1"
        case .parameterCount(let found, let expected, let widths):
            return "holds \(found) parameters but the header's architecture \(Words.architecture(widths)) has \(expected)"
        case .weightsStep(let step, let stepsDone): return "holds the weights of step \(step) but follows step \(stepsDone)"
        case .unknownOrigin(let code): return "names optimizer \(code), which this noisestep does not know"
        case .invalidOrigin: return "holds optimizer settings that are not finite, non-negative numbers"
        case .misplacedOrigin: return "is not right after the file's opening weights, which it describes"
        case .settingsStep(let step, let stepsDone): return "holds the settings after step \(step) but follows step \(stepsDone)"
        }
    }

    /// Why an append was refused.
    var appendMessage: String {
        switch self {
        case .stepOutOfOrder(let found, let expected): return "step \(found) does not follow step \(expected - 1)"
        case .weightsStep(let step, let stepsDone): return "weights of step \(step), but the log holds \(stepsDone) steps"
        default: return message(kind: SectionKind.step.rawValue)
        }
    }

    /// How a section of kind `kind` is named ("step record").
    static func name(kind: UInt8, problem: SectionProblem) -> String {
        if problem == .frameCheck { return "frame" }
        switch SectionKind(rawValue: kind) {
        case .step: return "step record"
        case .weights: return "weights section"
        case .origin: return "origin section"
        case .settings: return "settings section"
        case nil: return SectionKind.isOptional(kind) ? "optional section" : "unknown section"
        }
    }
}
