import NoiseStep

extension MetricsError {
    /// One line naming the file (escaped) and the problem.
    var message: String {
        switch self {
        case .io(let file, let problem):
            return problem.message(path: file)
        case .closed(let file):
            return "\(Printable.escaped(file)): the metrics file is closed; nothing more is written to it"
        }
    }
}
