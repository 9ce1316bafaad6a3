/// What is wrong with a gzip stream.
public enum GzipProblem: Sendable, Equatable {
    /// zlib could not start (its return code).
    case startFailed(code: Int32)
    /// The compressed data ends before the end of the stream.
    case endsEarly
    /// `count` bytes that are neither another gzip member nor zero padding follow the end.
    case trailingBytes(count: Int)
    /// zlib could not start the next member of a multi-member file.
    case nextMemberFailed
    /// Decompression stopped making progress.
    case stalled
    /// The stream needs a preset dictionary (not a gzip file).
    case needsDictionary
    case outOfMemory
    /// zlib reported damage: its code and message ("incorrect data check"…).
    case damaged(code: Int32, message: String)
}
