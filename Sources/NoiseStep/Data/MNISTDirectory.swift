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
        let pixels = try IDXFile.readImages(at: imagesPath)
        let labels = try IDXFile.readLabels(at: labelsPath)
        let imageCount = pixels.count / Dataset.pixelsPerImage
        guard imageCount == labels.count else {
            throw .countMismatch(imagesFile: imagesPath, images: imageCount, labelsFile: labelsPath,
                                 labels: labels.count)
        }
        guard imageCount > 0 else { throw .empty(file: imagesPath) }
        return Dataset(pixels: pixels, labels: labels)
    }

    /// Whether `directory` holds both files of `split` (under any accepted name).
    public static func contains(_ split: DataSplit, in directory: String) -> Bool {
        (try? locate(split.imageFileName, in: directory)) != nil
            && (try? locate(split.labelFileName, in: directory)) != nil
    }

    /// The path of the file with standard name `fileName` in `directory`, preferring
    /// the uncompressed file when both exist.
    ///
    /// A name counts as there whatever it names (a FIFO, a device, a directory, a link to
    /// nothing or a link loop), so that reading it reports the real problem instead of a
    /// missing file.
    /// - Throws: `.missingFile` listing the names that were tried.
    public static func locate(_ fileName: String, in directory: String) throws(DataError) -> String {
        let names = candidateNames(for: fileName)
        for subdirectory in subdirectories {
            let folder = subdirectory.isEmpty ? directory : FileSystem.join(directory, subdirectory)
            for name in names {
                let path = FileSystem.join(folder, name)
                if (try? FileSystem.status(path, followingLinks: false)) != nil { return path }
            }
        }
        throw .missingFile(directory: directory, expected: [fileName, fileName + ".gz"])
    }

    /// `fileName`, `fileName.gz`, then the dotted variants (`train-images.idx3-ubyte`).
    static func candidateNames(for fileName: String) -> [String] {
        var names = [fileName, fileName + ".gz"]
        let dotted = fileName.replacing("-idx", with: ".idx", maxReplacements: 1)
        if dotted != fileName { names += [dotted, dotted + ".gz"] }
        return names
    }
}
