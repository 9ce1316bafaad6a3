import NoiseStep

extension RunError {
    var message: String {
        switch self {
        case .recording(let problem): return problem.message
        case .metrics(let problem): return problem.message
        case .refused(let violation): return violation.message
        }
    }
}
