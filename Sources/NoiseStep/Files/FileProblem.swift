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

/// The system call behind a `FileProblem.system`.
public enum FileOperation: String, Sendable, Equatable {
    case open
    /// Creating a new file (exclusive: it must not exist).
    case create
    case read
    case write
    case sync
    case truncate
    case lock
    /// Moving a finished file over its target.
    case rename
    /// Giving a finished file its name (a hard link, which never replaces).
    case link
    /// Finding out what a path names (stat).
    case status
    /// Following a symbolic link (ELOOP: a loop or too long a chain).
    case followLink
    /// Making a rename in a directory durable.
    case syncDirectory
}

/// What a path names, as `stat` reports it.
public enum NodeKind: String, Sendable, Equatable {
    case regularFile
    case directory
    case fifo
    case characterDevice
    case blockDevice
    case socket
    case symbolicLink
    case unknown
}

/// The kinds of file noisestep writes. An existing file is replaced only when it is
/// recognised as the kind the output writes, and only where a command allows it.
public enum OutputKind: String, Sendable, Equatable {
    /// A step log (`.nstep`), recognised by its magic bytes.
    case stepLog
    /// A model file: a step log that holds weights and no step records.
    case modelFile
    /// A metrics file: one JSON object per step, each line starting `{"step":`.
    case metrics
    /// The dashboard's exit statistics for `bench --dashboard` (`{"frames":`).
    case statistics
}

/// A file's device and inode: equal for two paths that name one file (hard links,
/// symbolic links).
public struct FileIdentity: Sendable, Equatable {
    let device: UInt64
    let inode: UInt64
}
