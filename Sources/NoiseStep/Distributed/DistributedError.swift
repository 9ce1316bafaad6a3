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

/// Identifies a training set well enough to tell two apart: its size and the CRC-32 of
/// its labels and of its pixels.
public struct DataFingerprint: Sendable, Equatable {
    public var count: Int
    public var labels: UInt32
    public var pixels: UInt32

    /// Cost: one pass over the pixels (about 50 ms for Fashion-MNIST's 47 MB).
    public init(_ dataset: Dataset) {
        count = dataset.count
        labels = Checksum.crc32(dataset.labels)
        pixels = Checksum.crc32(dataset.pixels)
    }

    init(count: Int, labels: UInt32, pixels: UInt32) {
        self.count = count
        self.labels = labels
        self.pixels = pixels
    }
}
