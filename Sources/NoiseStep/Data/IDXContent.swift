/// What part of an IDX file a size refers to.
public enum IDXContent: Sendable, Equatable {
    /// The 16-byte header of an image file.
    case imageHeader
    /// The 8-byte header of a label file.
    case labelHeader
    /// The pixels of `count` 28×28 images, as the header says.
    case images(count: Int)
    /// `count` labels, as the header says.
    case labels(count: Int)
}
