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
