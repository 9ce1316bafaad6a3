import NoiseStep

extension MetricsError {
    /// One line naming the file (escaped) and the problem.
    var message: String {
        switch self {
        case .io(let file, let problem):
            return problem.message(path: file)
        case .closed(let file):
            return "\(Printable.escaped(file)): the metrics file is closed; nothing more is written to it"
        case .otherRun(let file, let found?, let run):
            return "\(Printable.escaped(file)): holds the metrics of another run (run \(found); this run is \(run)), so it"
                + " is kept as it is; give this run its own --metrics file"
        case .otherRun(let file, nil, _):
            return "\(Printable.escaped(file)): its lines do not name their run (an older noisestep's metrics), so it is"
                + " kept as it is; give this run a new --metrics file"
        }
    }
}
