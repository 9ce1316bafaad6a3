import Foundation
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

    /// The images a trained model is scored on: DIR's t10k files, or the bundled
    /// validation split; with the words that name them (the path as given, unescaped).
    static func testSplit(directory: String?) throws -> (images: Dataset, source: String) {
        guard let directory else { return (try BundledData.load().validation, "the bundled validation split") }
        return (try MNISTDirectory.load(directory, split: .test), directory + "'s t10k images")
    }

    /// Says on stderr when the run in `file` (which trained on data of `recorded`) is
    /// scored on data of another set: `directory`'s training files, or the bundled
    /// subset's, differ from its own. Silent when either is not known.
    static func noteOtherData(_ recorded: DataFingerprint?, file: String, directory: String?) {
        guard let recorded else { return }
        let training: Dataset? = if let directory {
            try? MNISTDirectory.load(directory, split: .train)
        } else {
            try? BundledData.load().train
        }
        guard let training, DataFingerprint(training) != recorded else { return }
        let place = directory.map { Printable.escaped($0) + "'s training files" } ?? "the bundled subset"
        FileHandle.standardError.write(Data(("noisestep: note: \(Printable.escaped(file)) was trained on other data"
            + " (\(recorded.words)) than \(place) (\(DataFingerprint(training).words)); it is scored on a set it did not"
            + " train on, so the accuracy measures how it transfers\n").utf8))
    }

    /// - Parameter fold: the fold of the bundled subset held out for validation (nil: the
    ///   default one); refused with a directory, whose t10k files are the test set.
    static func load(directory: String?, fold: Int? = nil) throws -> DataSource {
        guard let directory else {
            if let fold { try Limits.check(.holdoutFold, fold) }
            let (train, validation) = try BundledData.load(fold: fold ?? Dataset.defaultHoldoutFold)
            let which = fold.map { ", fold \($0)" } ?? ""
            return DataSource(training: train, validation: validation,
                              description: "bundled MNIST subset (\(train.count) train / \(validation.count) validation\(which))",
                              isBundled: true)
        }
        if fold != nil { throw CLIError("--holdout-fold: only the bundled subset has folds; --data uses its t10k files") }
        let train = try MNISTDirectory.load(directory, split: .train)
        let test = try MNISTDirectory.load(directory, split: .test)
        return DataSource(training: train, validation: test,
                          description: "\(directory) (\(train.count) train / \(test.count) test)")
    }
}

