/// A directory holding MNIST-format IDX files (MNIST, Fashion-MNIST, …).
///
/// Each file is looked up under its standard name (`train-images-idx3-ubyte`, …), raw
/// or with `.gz` appended, and also under the dotted variant some unpackers produce
/// (`train-images.idx3-ubyte`). The directory itself is searched first, then a `raw`
/// subdirectory (torchvision's layout). Compression is detected from the content.
public enum MNISTDirectory {
    /// Subdirectories searched after the directory itself, in order.
    public static let subdirectories = ["", "raw"]

    /// The examples of `split` in `directory`, in file order.
    /// - Throws: `DataError` naming the directory or file: missing directory or file,
    ///   malformed or corrupt file, no examples, or image/label count mismatch.
    public static func load(_ directory: String, split: DataSplit) throws(DataError) -> Dataset {
        let status: NodeStatus?
        do throws(FileProblem) {
            status = try FileSystem.status(directory)
        } catch {
            throw .io(file: directory, problem: error)
        }
        guard let status else { throw .missingDirectory(path: directory) }
        guard status.kind == .directory else { throw .notADirectory(path: directory, kind: status.kind) }
        let imagesPath = try locate(split.imageFileName, in: directory)
        let labelsPath = try locate(split.labelFileName, in: directory)
        // Both files are checked through before either is kept, so a refused data set
        // never held more than a piece of a file, however much it inflates to.
        let count = try IDXFile.scan(imagesPath, kind: .images)
        _ = try IDXFile.scan(labelsPath, kind: .labels, expectedCount: count, other: imagesPath)
        guard count > 0 else { throw .empty(file: imagesPath) }
        let labels = try IDXFile.keep(labelsPath, kind: .labels, count: count)
        let pixels = try IDXFile.keep(imagesPath, kind: .images, count: count)
        return Dataset(pixels: pixels, labels: labels)
    }

    /// Whether `directory` holds both files of `split` (under any accepted name).
    /// Nothing is read: a file there may still be refused when loaded.
    public static func contains(_ split: DataSplit, in directory: String) -> Bool {
        !present(split.imageFileName, in: directory).isEmpty && !present(split.labelFileName, in: directory).isEmpty
    }

    /// The path of the file with standard name `fileName` in `directory`: the first of
    /// `candidateNames` there, the uncompressed file first. When several are there (raw
    /// and .gz, say, as torchvision leaves them), they must hold the same content, which
    /// is read through to compare (a piece at a time); otherwise which one is meant is a
    /// guess, and none is chosen.
    ///
    /// A name counts as there whatever it names (a FIFO, a device, a directory, a link to
    /// nothing or a link loop), so that reading it reports the real problem instead of a
    /// missing file.
    /// - Throws: `.missingFile` listing the names that were tried; `.conflictingFiles`
    ///   for two that differ, or what reading them finds.
    public static func locate(_ fileName: String, in directory: String) throws(DataError) -> String {
        let present = present(fileName, in: directory)
        guard let chosen = present.first else {
            throw .missingFile(directory: directory, expected: [fileName, fileName + ".gz"])
        }
        for other in present.dropFirst() where try !sameContent(chosen, other) {
            throw .conflictingFiles(first: chosen, second: other)
        }
        return chosen
    }

    /// The places the file `fileName` may be that hold something, in the order they are
    /// tried.
    static func present(_ fileName: String, in directory: String) -> [String] {
        subdirectories.flatMap { subdirectory in
            let folder = subdirectory.isEmpty ? directory : FileSystem.join(directory, subdirectory)
            return candidateNames(for: fileName).map { FileSystem.join(folder, $0) }
        }.filter { (try? FileSystem.status($0, followingLinks: false)) != nil }
    }

    /// Whether the files at `first` and `second` hold the same content, compressed or not.
    private static func sameContent(_ first: String, _ second: String) throws(DataError) -> Bool {
        var (a, b) = (try IDXReader(first), try IDXReader(second))
        var seen = 0
        while true {
            let (pieceA, pieceB) = (try a.read(upTo: GzipStream.pieceBytes), try b.read(upTo: GzipStream.pieceBytes))
            guard pieceA == pieceB else { return false }
            if pieceA.isEmpty { return true }
            seen += pieceA.count
            guard seen <= IDXFile.maximumSize else { throw .tooLarge(file: first, limitBytes: IDXFile.maximumSize) }
        }
    }

    /// `fileName`, `fileName.gz`, then the dotted variants (`train-images.idx3-ubyte`).
    static func candidateNames(for fileName: String) -> [String] {
        var names = [fileName, fileName + ".gz"]
        let dotted = fileName.replacing("-idx", with: ".idx", maxReplacements: 1)
        if dotted != fileName { names += [dotted, dotted + ".gz"] }
        return names
    }
}
