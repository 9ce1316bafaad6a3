/// Why a step log (or a model file, which is a step log too) could not be read or written.
///
/// Every `description` is one line that names the file, states the problem and, where
/// there is one, says what to do next, so a command can print it as is.
public enum StepLogError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file could not be opened or read (missing, permissions, a directory…).
    case unreadable(file: String, reason: String)
    /// The file could not be created, written, synced or renamed.
    case unwritable(file: String, reason: String)
    /// The file is larger than a step log this program will load.
    case tooLarge(file: String, bytes: Int, limit: Int)
    /// The first bytes are not the step-log magic.
    case badMagic(file: String)
    /// The format version is not one this program reads (0, or newer than `supported`).
    case unsupportedVersion(file: String, found: Int, supported: Int)
    /// The file ends inside its header.
    case truncatedHeader(file: String, bytes: Int)
    /// The header is damaged: a length over its cap or a CRC mismatch.
    case damagedHeader(file: String, problem: String)
    /// The file was written with another random number generator, so its steps cannot
    /// be replayed here.
    case wrongGenerator(file: String, found: String, expected: String)
    /// The options in the header do not decode or are out of range (absurd architecture…).
    case invalidOptions(file: String, problem: String)
    /// A section after the header is damaged. `section` counts from 1 in file order,
    /// `offset` is its first byte, `intactSteps` the last step read before it.
    case damagedSection(file: String, section: Int, kind: String, offset: Int, problem: String, intactSteps: Int)
    /// A weights section differs from the model rebuilt by replaying the steps before it.
    case weightsMismatch(file: String, step: Int)
    /// A writer was asked to append something that would make the log unreadable: a step
    /// out of order, settings out of range, kept signs that do not match the samples.
    case cannotAppend(file: String, problem: String)
    /// A model of another shape than the log's architecture.
    case architectureMismatch(file: String, expected: String, found: String)
    /// A writer that was closed, or whose earlier write failed half-way, refuses to append.
    case writerFailed(file: String)

    /// `text` with control, format and separator characters escaped (`\u{A}`), so that
    /// text taken from a hostile file cannot break a message's single line, reorder it or
    /// drive a terminal.
    static func printable<Text: StringProtocol>(_ text: Text) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read: \(reason); check that the path names a readable file"
        case .unwritable(let file, let reason):
            return "\(file): cannot write: \(reason); check the directory's permissions and free space"
        case .tooLarge(let file, let bytes, let limit):
            return "\(file): \(bytes) bytes is more than the \(limit) bytes a step log may hold"
                + " (this is not a noisestep step log?)"
        case .badMagic(let file):
            return "\(file): not a noisestep step log (bad magic); pass a .nstep file written by `noisestep train`"
        case .unsupportedVersion(let file, let found, let supported) where found > supported:
            return "\(file): format version \(found) is newer than this program's \(supported);"
                + " update noisestep to read it"
        case .unsupportedVersion(let file, let found, let supported):
            return "\(file): format version \(found) is not a valid version (this program reads \(supported));"
                + " the file is damaged"
        case .truncatedHeader(let file, let bytes):
            return "\(file): truncated: the file ends inside its header (\(bytes) bytes);"
                + " it holds no steps, start the run again"
        case .damagedHeader(let file, let problem):
            return "\(file): header damaged: \(problem); the run's settings cannot be trusted, start the run again"
        case .wrongGenerator(let file, let found, let expected):
            return "\(file): written with PRNG \"\(found)\", \(expected) expected;"
                + " its steps can only be replayed by the program that wrote it"
        case .invalidOptions(let file, let problem):
            return "\(file): invalid training options in the header: \(problem)"
        case .damagedSection(let file, let section, let kind, let offset, let problem, let intactSteps):
            return "\(file): section \(section) (\(kind)) at byte \(offset): \(problem) (file damaged);"
                + " the steps up to \(intactSteps) are intact: `noisestep replay \(file) --to \(intactSteps)`"
                + " rebuilds their weights"
        case .weightsMismatch(let file, let step):
            return "\(file): the weights saved at step \(step) differ from the weights replayed from the steps;"
                + " the file was written by a different program version or edited"
        case .cannotAppend(let file, let problem):
            return "\(file): cannot append: \(problem)"
        case .architectureMismatch(let file, let expected, let found):
            return "\(file): the model is \(found) but the log's architecture is \(expected)"
        case .writerFailed(let file):
            return "\(file): the writer is closed or an earlier write failed; open the log again with StepLogWriter.resume"
        }
    }
}
