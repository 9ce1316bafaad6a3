/// Why a step log (or a model file, which is a step log too) could not be read or written.
///
/// Values only: `file` is the path as the caller gave it, and every other field is what
/// was found. The command line and the dashboard word them (escaping what came from the
/// file or the user) and add what to do next.
public enum StepLogError: Error, Equatable, Sendable {
    /// Opening, reading, creating, writing, locking… the file failed.
    case io(file: String, problem: FileProblem)
    /// The first bytes are not the step-log magic.
    case badMagic(file: String)
    /// The format version is not one this program reads: 0, or newer than `supported`.
    case unsupportedVersion(file: String, found: Int, supported: Int)
    /// The file ends inside its header, which is `bytes` long.
    case truncatedHeader(file: String, bytes: Int)
    /// The header's lengths or CRC are wrong.
    case damagedHeader(file: String, damage: HeaderDamage)
    /// The file was written with another random number generator (`found`, as stored), so
    /// its steps cannot be replayed here.
    case wrongGenerator(file: String, found: String, expected: String)
    /// The options in the header do not decode or are outside the rulebook's limits.
    case invalidOptions(file: String, problem: OptionsProblem)
    /// A section after the header is damaged. `section` counts from 1 in file order,
    /// `kind` is its kind byte as found, `offset` its first byte, `intactSteps` the last
    /// step read before it.
    case damagedSection(file: String, section: Int, kind: UInt8, offset: Int, problem: SectionProblem, intactSteps: Int)
    /// A weights section differs from the model rebuilt by replaying the steps before it.
    case weightsMismatch(file: String, step: Int)
    /// A writer was asked to append something that would make the log unreadable; nothing
    /// was written.
    case cannotAppend(file: String, problem: SectionProblem)
    /// A model whose layer widths are `found`, for a log whose architecture is `expected`.
    case architectureMismatch(file: String, expected: [Int], found: [Int])
    /// A writer that was closed, or whose earlier write failed half-way, refuses to append.
    case writerFailed(file: String)
    /// The log was written training on other data than the data given to continue it.
    case otherTrainingData(file: String, recorded: DataFingerprint, given: DataFingerprint)
    /// The file's model was trained by another optimizer (`origin`), whose state the file
    /// does not hold, so it cannot be continued.
    case notResumable(file: String, origin: ModelOrigin)
}

extension StepLogError {
    /// `body`'s result, or its `FileProblem` as `.io` naming `file`.
    static func io<Result>(_ file: String, _ body: () throws(FileProblem) -> Result) throws(StepLogError) -> Result {
        try FileProblem.wrapping({ Self.io(file: file, problem: $0) }, body)
    }
}
