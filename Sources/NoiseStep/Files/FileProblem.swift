/// What went wrong with a file, as values: the command line and the dashboard word it
/// (with the path they were given) in their own terms.
public enum FileProblem: Error, Sendable, Equatable {
    /// A system call failed; `code` is its `errno` value (ENOENT, ENOSPC, ELOOP…).
    case system(FileOperation, code: Int32)
    /// The path names something that is not a regular file, so it is neither read nor
    /// written (reading a FIFO or a device could block or never end; writing one would
    /// replace a system node).
    case notRegularFile(NodeKind)
    /// A new output of this kind would replace a file that is already there.
    case exists(OutputKind)
    /// The existing file is not a noisestep file of the kind that may be replaced, so it
    /// is kept.
    case notReplaceable(expected: OutputKind)
    /// Another process holds the file's lock: it is writing it.
    case locked
    /// The file holds `bytes` bytes, more than the `limit` a reader takes.
    case tooLarge(bytes: Int, limit: Int)
    /// Two outputs of one run name the same file (`other` is the path of the other one).
    case sameFile(as: String)
    /// A write returned without writing anything.
    case writeStalled
    /// The path is empty: it names no file.
    case emptyPath
    /// The file's owner may not write it (mode without u+w), so it is neither replaced
    /// nor appended to, whoever runs the program.
    case readOnly
    /// The file belongs to another user, so it is not replaced.
    case otherOwner
}
