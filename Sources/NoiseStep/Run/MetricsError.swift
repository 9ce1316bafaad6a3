/// Why a metrics file (`--metrics`) could not be opened or written. Values only: `file` is
/// the path as the caller gave it; the front ends word it.
public enum MetricsError: Error, Sendable, Equatable {
    /// Opening, creating, locking, reading, cutting or writing the file failed, or the
    /// path is taken by something that is not a metrics file.
    case io(file: String, problem: FileProblem)
    /// The file was closed (the run finished); nothing more is written to it.
    case closed(file: String)
    /// The file holds lines of another run than `run` (`found`), or lines that name no
    /// run (nil: an older noisestep's), so it is not continued.
    case otherRun(file: String, found: RunIdentity?, run: RunIdentity)
}

extension MetricsError {
    /// `body`'s result, or its `FileProblem` as `.io` naming `file`.
    static func io<Result>(_ file: String, _ body: () throws(FileProblem) -> Result) throws(MetricsError) -> Result {
        try FileProblem.wrapping({ Self.io(file: file, problem: $0) }, body)
    }
}
