import Foundation

/// Notes on stderr: things a command did that the user should know of, which are not
/// errors.
enum Notes {
    /// A `--resume` log written before step logs recorded their training data: the data
    /// given cannot be checked against it.
    static func uncheckedTrainingData(_ path: String) {
        FileHandle.standardError.write(Data((ErrorMessages.prefix + "note: \(Printable.escaped(path)) does not record which data it"
            + " trained on (written by an older noisestep), so --data cannot be checked against it\n").utf8))
    }
}
