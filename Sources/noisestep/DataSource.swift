import NoiseStep

/// Where a run's examples come from: the bundled subset with its fixed held-out split,
/// or a directory's train and t10k files.
struct DataSource {
    var training: Dataset
    /// The bundled held-out split, or the directory's t10k files.
    var validation: Dataset
    /// e.g. "bundled MNIST subset (4500 train / 500 validation)".
    var description: String
    /// Whether this is the bundled MNIST subset (digits, so the pad check applies).
    var isBundled = false

    static func load(directory: String?) throws -> DataSource {
        guard let directory else {
            let (train, validation) = try BundledData.load()
            return DataSource(training: train, validation: validation,
                              description: "bundled MNIST subset (\(train.count) train / \(validation.count) validation)",
                              isBundled: true)
        }
        let train = try MNISTDirectory.load(directory, split: .train)
        let test = try MNISTDirectory.load(directory, split: .test)
        return DataSource(training: train, validation: test,
                          description: "\(directory) (\(train.count) train / \(test.count) test)")
    }
}

