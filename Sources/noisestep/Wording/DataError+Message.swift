import NoiseStep

extension DataError {
    /// One line naming the file or folder (escaped), the problem and the fix.
    var message: String {
        switch self {
        case .missingDirectory(let path):
            return "\(Printable.escaped(path)): no such directory; \(Self.passData)"
        case .notADirectory(let path, let kind):
            return "\(Printable.escaped(path)): is \(kind.words), not a directory; \(Self.passData)"
        case .missingFile(let directory, let expected):
            return "\(Printable.escaped(directory)): missing \(expected.map(Printable.escaped).joined(separator: " or "));"
                + " \(Self.passData)"
        case .io(let file, let problem):
            return problem.message(path: file)
        case .wrongMagic(let file, let expected, let found):
            return "\(Printable.escaped(file)): wrong magic number \(Words.hex(found)), expected \(Words.hex(expected))"
                + " (\(Self.kind(ofMagic: expected))); \(Self.hint(forMagic: found, expected: expected))"
        case .truncated(let file, let content, let expectedBytes, let actualBytes):
            return "\(Printable.escaped(file)): truncated: \(content.words) (\(expectedBytes) bytes) but the file holds"
                + " \(actualBytes) bytes; the file is incomplete, download it again"
        case .trailingBytes(let file, let content, let expectedBytes, let actualBytes):
            let extra = actualBytes &- expectedBytes
            return "\(Printable.escaped(file)): \(extra) trailing byte\(extra == 1 ? "" : "s"): \(content.words)"
                + " (\(expectedBytes) bytes) but the file holds \(actualBytes) bytes; the file is damaged or not an"
                + " MNIST IDX file"
        case .countMismatch(let imagesFile, let images, let labelsFile, let labels):
            return "\(Printable.escaped(imagesFile)): holds \(images) images but \(Printable.escaped(labelsFile)) holds"
                + " \(labels) labels; use an image file and label file of the same set"
        case .wrongImageSize(let file, let rows, let columns):
            return "\(Printable.escaped(file)): images are \(rows)×\(columns), expected 28×28;"
                + " only MNIST-format data sets (MNIST, Fashion-MNIST) are supported"
        case .labelOutOfRange(let file, let index, let label):
            return "\(Printable.escaped(file)): label \(label) of example \(index) is outside 0...9;"
                + " only 10-class data sets (MNIST, Fashion-MNIST) are supported"
        case .corruptGzip(let file, let problem):
            return "\(Printable.escaped(file)): corrupt gzip: \(problem.words); the download is damaged, fetch it again"
        case .tooLarge(let file, let limitBytes):
            return "\(Printable.escaped(file)): too large: more than \(limitBytes) bytes (\(limitBytes >> 20) MiB) of data;"
                + " this is not an MNIST-sized IDX file"
        case .empty(let file):
            return "\(Printable.escaped(file)): holds no examples; use a data set with at least one image"
        case .changedWhileRead(let file):
            return "\(Printable.escaped(file)): changed while it was read; load the data again once nothing writes it"
        case .conflictingFiles(let first, let second):
            return "\(Printable.escaped(first)) and \(Printable.escaped(second)) hold different data; remove the one that"
                + " is not meant, so that the data is not a guess"
        case .allHeldOut(let directory, let examples, let perClass):
            return "\(Printable.escaped(directory)): holds \(examples) images, at most \(perClass) of each class, and the"
                + " validation split holds out \(perClass) of each class, so none would be left to train on; give it more"
                + " than \(perClass) images of a class, or pass --data DIR"
        case .bundledDataNotFound(let variable, let roots):
            let name = BundledData.environmentVariable
            let searched = [variable.map { "$\(name)=\($0)" } ?? "$\(name) (unset)"]
                + roots.map { "assets/\(BundledData.directoryName) above \($0)" }
            return "bundled MNIST sample assets/\(BundledData.directoryName) not found (searched: "
                + searched.map(Printable.escaped).joined(separator: ", ")
                + "); pass --data DIR with the MNIST IDX files, or set \(name) to the folder holding"
                + " \(BundledData.directoryName)"
        }
    }

    private static let passData = "pass --data DIR with a folder holding the MNIST IDX files (train-images-idx3-ubyte,"
        + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each optionally .gz)"

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
        if found >> 16 == 0x1F8B { return "the file is still gzip-compressed inside; decompress it once more" }
        return "the file is not an MNIST IDX file (an HTML error page or another format?)"
    }
}

extension IDXContent {
    /// "header says 60000 images of 28×28".
    var words: String {
        switch self {
        case .imageHeader: return "expected an IDX image header"
        case .labelHeader: return "expected an IDX label header"
        case .images(let count): return "header says \(count) images of 28×28"
        case .labels(let count): return "header says \(count) labels"
        }
    }
}

extension GzipProblem {
    var words: String {
        switch self {
        case .startFailed(let code): return "zlib failed to start (code \(code))"
        case .endsEarly: return "the compressed data ends before the end of the stream"
        case .trailingBytes(let count): return "\(count) unexpected bytes after the end of the gzip stream"
        case .nextMemberFailed: return "zlib failed to start the next gzip member"
        case .stalled: return "decompression stopped making progress"
        case .needsDictionary: return "the stream needs a preset dictionary"
        case .outOfMemory: return "zlib ran out of memory"
        case .damaged(let code, let message): return message.isEmpty ? "zlib error \(code)" : Printable.escaped(message)
        }
    }
}
