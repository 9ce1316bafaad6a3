/// Why a process of a group could not go on training with the others. Values only: the
/// front end words them.
public enum DistributedError: Error, Sendable, Equatable {
    /// Process `rank` holds other training data than rank 0 (a different `--data`, or
    /// different files under the same path).
    case trainingDataDiffers(rank: Int, found: DataFingerprint, leader: DataFingerprint)
    /// Process `rank` could not read a message from rank 0: the ranks run different builds.
    case unreadableMessage(rank: Int)
    /// Process `rank` was told to train step `received` while at step `expected`.
    case outOfStep(rank: Int, expected: Int, received: Int)
    /// At the end, process `rank`'s weights after `step` steps differ from rank 0's.
    case weightsDiffer(rank: Int, step: Int)
}
