/// Why a data set could not be loaded.
///
/// Every `description` is a single line that names the file (or directory), states
/// the problem and hints at the fix, so it can be shown to the user as is.
/// File names are the paths as the loader saw them.
public enum DataError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The data directory does not exist or is not a directory.
    case missingDirectory(path: String)
    /// None of `expected` (alternative names of one file) exists in `directory`.
    case missingFile(directory: String, expected: [String])
    /// The file exists but could not be read (permissions, I/O error, a directory…).
    case unreadable(file: String, reason: String)
    /// The first four bytes are not the IDX magic number `expected`.
    case wrongMagic(file: String, expected: UInt32, found: UInt32)
    /// The file is shorter than its header (or the format) requires.
    /// `expected` says what should be there, e.g. "header says 60000 images of 28×28";
    /// the byte counts are the data after the header (after decompression).
    case truncated(file: String, expected: String, expectedBytes: Int, actualBytes: Int)
    /// The file is longer than its header says; the byte counts are as for `truncated`.
    case trailingBytes(file: String, expected: String, expectedBytes: Int, actualBytes: Int)
    /// The image and label files of one split hold different numbers of examples.
    case countMismatch(imagesFile: String, images: Int, labelsFile: String, labels: Int)
    /// The images are not 28×28.
    case wrongImageSize(file: String, rows: Int, columns: Int)
    /// A label is 10 or more; `index` is the first offending example.
    case labelOutOfRange(file: String, index: Int, label: UInt8)
    /// The gzip stream is damaged or cut short.
    case corruptGzip(file: String, reason: String)
    /// The file, or its decompressed content, exceeds `limitBytes`.
    case tooLarge(file: String, limitBytes: Int)
    /// The file is well formed but holds no examples.
    case empty(file: String)
    /// The bundled sample (assets/mnist-5k) was not found in any searched place.
    case bundledDataNotFound(searched: [String])

    public var description: String {
        switch self {
        case .missingDirectory(let path):
            return "\(path): no such directory; pass --data DIR with a folder holding the MNIST IDX files"
                + " (\(Self.standardNames))"
        case .missingFile(let directory, let expected):
            return "\(directory): missing \(expected.joined(separator: " or ")); pass --data DIR with a folder"
                + " holding the MNIST IDX files (\(Self.standardNames))"
        case .unreadable(let file, let reason):
            return "\(file): cannot read: \(reason); check that the path is a readable file"
        case .wrongMagic(let file, let expected, let found):
            return "\(file): wrong magic number \(Self.hex(found)), expected \(Self.hex(expected))"
                + " (\(Self.kind(ofMagic: expected))); \(Self.hint(forMagic: found, expected: expected))"
        case .truncated(let file, let expected, let expectedBytes, let actualBytes):
            return "\(file): truncated: \(expected) (\(expectedBytes) bytes) but the file holds \(actualBytes)"
                + " bytes; the file is incomplete, download it again"
        case .trailingBytes(let file, let expected, let expectedBytes, let actualBytes):
            let extra = actualBytes &- expectedBytes
            return "\(file): \(extra) trailing byte\(extra == 1 ? "" : "s"): \(expected) (\(expectedBytes) bytes)"
                + " but the file holds \(actualBytes) bytes; the file is damaged or not an MNIST IDX file"
        case .countMismatch(let imagesFile, let images, let labelsFile, let labels):
            return "\(imagesFile): holds \(images) images but \(labelsFile) holds \(labels) labels;"
                + " use an image file and label file of the same set"
        case .wrongImageSize(let file, let rows, let columns):
            return "\(file): images are \(rows)×\(columns), expected 28×28;"
                + " only MNIST-format data sets (MNIST, Fashion-MNIST) are supported"
        case .labelOutOfRange(let file, let index, let label):
            return "\(file): label \(label) of example \(index) is outside 0...9;"
                + " only 10-class data sets (MNIST, Fashion-MNIST) are supported"
        case .corruptGzip(let file, let reason):
            return "\(file): corrupt gzip: \(reason); the download is damaged, fetch it again"
        case .tooLarge(let file, let limitBytes):
            return "\(file): too large: more than \(limitBytes) bytes (\(limitBytes >> 20) MiB) of data;"
                + " this is not an MNIST-sized IDX file"
        case .empty(let file):
            return "\(file): holds no examples; use a data set with at least one image"
        case .bundledDataNotFound(let searched):
            return "bundled MNIST sample assets/mnist-5k not found (searched: "
                + (searched.isEmpty ? "nothing" : searched.joined(separator: ", "))
                + "); pass --data DIR with the MNIST IDX files, or set NOISESTEP_ASSETS to the folder holding mnist-5k"
        }
    }

    private static let standardNames =
        "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte,"
        + " each optionally .gz"

    /// `0x00000803` style, always eight digits.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    private static func kind(ofMagic magic: UInt32) -> String {
        switch magic {
        case IDXFile.imageMagic: return "IDX unsigned-byte images, 3 dimensions"
        case IDXFile.labelMagic: return "IDX unsigned-byte labels, 1 dimension"
        default: return "IDX"
        }
    }

    private static func hint(forMagic found: UInt32, expected: UInt32) -> String {
        if expected == IDXFile.imageMagic && found == IDXFile.labelMagic {
            return "this is a label file where an image file was expected; check the file names"
        }
        if expected == IDXFile.labelMagic && found == IDXFile.imageMagic {
            return "this is an image file where a label file was expected; check the file names"
        }
        if found == expected.byteSwapped {
            return "the header is byte-swapped; IDX files are big-endian, rewrite the file accordingly"
        }
        if found >> 16 == 0x1F8B {
            return "the file is still gzip-compressed inside; decompress it once more"
        }
        return "the file is not an MNIST IDX file (an HTML error page or another format?)"
    }
}
