/// Which half of an MNIST-format data set to load.
public enum DataSplit: String, Sendable, CaseIterable, Equatable {
    /// train-images-idx3-ubyte / train-labels-idx1-ubyte (60,000 examples in MNIST).
    case train
    /// t10k-images-idx3-ubyte / t10k-labels-idx1-ubyte (10,000 examples in MNIST).
    case test

    /// The standard image file name, without a `.gz` suffix.
    public var imageFileName: String {
        switch self {
        case .train: return "train-images-idx3-ubyte"
        case .test: return "t10k-images-idx3-ubyte"
        }
    }

    /// The standard label file name, without a `.gz` suffix.
    public var labelFileName: String {
        switch self {
        case .train: return "train-labels-idx1-ubyte"
        case .test: return "t10k-labels-idx1-ubyte"
        }
    }
}
