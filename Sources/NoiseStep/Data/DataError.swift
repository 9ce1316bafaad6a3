/// Why a data set could not be loaded.
///
/// Values only: file names are the paths as the loader saw them, every other field is
/// what was found. The command line words them (escaping paths) and says what to do.
public enum DataError: Error, Equatable, Sendable {
    /// Nothing is at the data directory's path.
    case missingDirectory(path: String)
    /// The data directory's path names something else, of `kind`.
    case notADirectory(path: String, kind: NodeKind)
    /// None of `expected` (alternative names of one file) is in `directory`.
    case missingFile(directory: String, expected: [String])
    /// The file is there but could not be read: not a regular file, a symbolic link loop,
    /// permissions, an I/O error, too large.
    case io(file: String, problem: FileProblem)
    /// The first four bytes are not the IDX magic number `expected`.
    case wrongMagic(file: String, expected: UInt32, found: UInt32)
    /// The file is shorter than `content` needs; the byte counts are the data after the
    /// header (after decompression).
    case truncated(file: String, content: IDXContent, expectedBytes: Int, actualBytes: Int)
    /// The file is longer than its header says; the byte counts are as for `truncated`.
    case trailingBytes(file: String, content: IDXContent, expectedBytes: Int, actualBytes: Int)
    /// The image and label files of one split hold different numbers of examples.
    case countMismatch(imagesFile: String, images: Int, labelsFile: String, labels: Int)
    /// The images are not 28×28.
    case wrongImageSize(file: String, rows: Int, columns: Int)
    /// A label is 10 or more; `index` is the first offending example.
    case labelOutOfRange(file: String, index: Int, label: UInt8)
    /// The gzip stream is damaged or cut short.
    case corruptGzip(file: String, problem: GzipProblem)
    /// The decompressed content exceeds `limitBytes`.
    case tooLarge(file: String, limitBytes: Int)
    /// The file is well formed but holds no examples.
    case empty(file: String)
    /// The file read differently the second time (it changed while it was loaded).
    case changedWhileRead(file: String)
    /// Two files of one data set part (raw and .gz, say) hold different data, so
    /// neither is chosen.
    case conflictingFiles(first: String, second: String)
    /// The bundled-format folder holds so few images (`examples`, at most
    /// `heldOutPerClass` of each class) that the validation split takes them all.
    case allHeldOut(directory: String, examples: Int, heldOutPerClass: Int)
    /// The bundled sample (assets/mnist-5k) was not found: not under `assetsVariable` (the
    /// value of `BundledData.environmentVariable`, nil when unset), nor under an ancestor
    /// of any of `searchRoots`.
    case bundledDataNotFound(assetsVariable: String?, searchRoots: [String])
}
