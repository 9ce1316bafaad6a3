/// What a new output may do to a file already at its path.
public enum ExistingFile: Sendable, Equatable {
    /// Keep it and refuse the output (`FileProblem.exists`): a new run never overwrites.
    case refuse
    /// Replace it, but only a noisestep file of the output's own kind (or an empty file)
    /// that no process is writing.
    case replace
}
