import Foundation
import Testing
@testable import NoiseStep

/// Runs `body`, expecting it to throw a `DataError`, and returns that error.
func expectDataError(_ body: () throws(DataError) -> Void, sourceLocation: SourceLocation = #_sourceLocation)
    -> DataError?
{
    do {
        try body()
        Issue.record("expected a DataError, got success", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

@Suite struct IDXReaderTests {
    let count = 12

    @Test func rawPairLoads() throws {
        let directory = try DataTestDirectory()
        let pixels = IDXFixtures.samplePixels(count: count)
        let labels = IDXFixtures.sampleLabels(count: count)
        try directory.writePair(images: IDXFixtures.images(count: count), labels: IDXFixtures.labels(labels))
        let data = try MNISTDirectory.load(directory.path, split: .train)
        #expect(data == Dataset(pixels: pixels, labels: labels))
    }

    @Test func gzipPairLoads() throws {
        let directory = try DataTestDirectory()
        let labels = IDXFixtures.sampleLabels(count: count)
        try directory.writePair(images: IDXFixtures.images(count: count), labels: IDXFixtures.labels(labels),
                                split: .test, gzip: true)
        let data = try MNISTDirectory.load(directory.path, split: .test)
        #expect(data == Dataset(pixels: IDXFixtures.samplePixels(count: count), labels: labels))
    }

    @Test func compressionIsDetectedFromContentNotName() throws {
        let directory = try DataTestDirectory()
        let path = try directory.write("train-images-idx3-ubyte", IDXFixtures.gzip(IDXFixtures.images(count: 3)))
        #expect(try IDXFile.readImages(at: path) == IDXFixtures.samplePixels(count: 3))
        let raw = try directory.write("plain.gz", IDXFixtures.labels([1, 2, 3]))
        #expect(try IDXFile.readLabels(at: raw) == [1, 2, 3])
    }

    /// Issue 17: when a file is there twice (raw and .gz, or also in raw/), the copies
    /// are used only if they hold the same data; two that differ are named, never one
    /// picked without a word.
    @Test func copiesOfAFileMustAgree() throws {
        let directory = try DataTestDirectory()
        try directory.writePair(images: IDXFixtures.images(count: 2), labels: IDXFixtures.labels([4, 5]))
        try directory.writePair(images: IDXFixtures.images(count: 2), labels: IDXFixtures.labels([4, 5]), gzip: true)
        #expect(try MNISTDirectory.load(directory.path, split: .train).labels == [4, 5])
        try directory.write("raw/train-labels-idx1-ubyte", IDXFixtures.labels([4, 6]))
        #expect(expectDataError { () throws(DataError) in _ = try MNISTDirectory.load(directory.path, split: .train) }
            == .conflictingFiles(first: directory.path + "/train-labels-idx1-ubyte",
                                 second: directory.path + "/raw/train-labels-idx1-ubyte"))
        try directory.writePair(images: IDXFixtures.images(count: 1), labels: IDXFixtures.labels([9]), gzip: true)
        #expect(expectDataError { () throws(DataError) in _ = try MNISTDirectory.load(directory.path, split: .train) }
            == .conflictingFiles(first: directory.path + "/train-images-idx3-ubyte",
                                 second: directory.path + "/train-images-idx3-ubyte.gz"))
    }

    @Test func dottedNamesAndRawSubfolderAreAccepted() throws {
        let directory = try DataTestDirectory()
        try directory.write("train-images.idx3-ubyte", IDXFixtures.images(count: 2))
        try directory.write("raw/train-labels-idx1-ubyte.gz", IDXFixtures.gzip(IDXFixtures.labels([3, 8])))
        #expect(try MNISTDirectory.load(directory.path, split: .train).labels == [3, 8])
    }

    @Test func missingDirectory() throws {
        let directory = try DataTestDirectory()
        let absent = directory.path + "/nowhere"
        let error = expectDataError { () throws(DataError) in _ = try MNISTDirectory.load(absent, split: .train) }
        #expect(error == .missingDirectory(path: absent))
        let file = try directory.write("plain-file", [1])
        #expect(expectDataError { () throws(DataError) in _ = try MNISTDirectory.load(file, split: .train) }
            == .notADirectory(path: file, kind: .regularFile))
    }

    @Test func missingFileNamesDirectoryAndExpectedNames() throws {
        let directory = try DataTestDirectory()
        try directory.write("train-images-idx3-ubyte.gz", IDXFixtures.gzip(IDXFixtures.images(count: 1)))
        let error = expectDataError { () throws(DataError) in
            _ = try MNISTDirectory.load(directory.path, split: .train)
        }
        #expect(error == .missingFile(directory: directory.path,
                                      expected: ["train-labels-idx1-ubyte", "train-labels-idx1-ubyte.gz"]))
    }

    @Test func wrongMagic() throws {
        let directory = try DataTestDirectory()
        try directory.writePair(images: IDXFixtures.labels([1]), labels: IDXFixtures.labels([1]))
        let path = directory.path + "/train-images-idx3-ubyte"
        let error = expectDataError { () throws(DataError) in
            _ = try MNISTDirectory.load(directory.path, split: .train)
        }
        #expect(error == .wrongMagic(file: path, expected: 0x803, found: 0x801))
    }

    @Test func wrongMagicFromHTMLPage() {
        let error = expectDataError { () throws(DataError) in
            _ = try IDXFile.parseLabels(Array("<html><body>Not Found</body></html>".utf8), name: "l.gz")
        }
        #expect(error == .wrongMagic(file: "l.gz", expected: 0x801, found: 0x3C68_746D))
    }

    @Test func truncatedBodyDescriptionMatchesFormat() {
        let bytes = Array(IDXFixtures.images(count: 60_000, pixels: [UInt8](repeating: 0, count: 1000)))
        let error = expectDataError { () throws(DataError) in
            _ = try IDXFile.parseImages(bytes, name: "train-images-idx3-ubyte.gz")
        }
        #expect(error == .truncated(file: "train-images-idx3-ubyte.gz", content: .images(count: 60_000),
                                    expectedBytes: 47_040_000, actualBytes: 1000))
    }

    @Test func truncatedHeader() {
        let error = expectDataError { () throws(DataError) in
            _ = try IDXFile.parseImages(Array(IDXFixtures.images(count: 1).prefix(10)), name: "img")
        }
        #expect(error == .truncated(file: "img", content: .imageHeader, expectedBytes: 16, actualBytes: 10))
        let empty = expectDataError { () throws(DataError) in _ = try IDXFile.parseLabels([], name: "lab") }
        #expect(empty == .truncated(file: "lab", content: .labelHeader, expectedBytes: 8, actualBytes: 0))
    }

    @Test func truncatedLabelFileOnDisk() throws {
        let directory = try DataTestDirectory()
        try directory.writePair(images: IDXFixtures.images(count: 3), labels: IDXFixtures.labels([1, 2], count: 3))
        let path = directory.path + "/train-labels-idx1-ubyte"
        let error = expectDataError { () throws(DataError) in
            _ = try MNISTDirectory.load(directory.path, split: .train)
        }
        #expect(error == .truncated(file: path, content: .labels(count: 3), expectedBytes: 3, actualBytes: 2))
    }

    @Test func trailingBytes() throws {
        let directory = try DataTestDirectory()
        try directory.writePair(images: IDXFixtures.images(count: 2) + [0], labels: IDXFixtures.labels([1, 2]),
                                gzip: true)
        let path = directory.path + "/train-images-idx3-ubyte.gz"
        let error = expectDataError { () throws(DataError) in
            _ = try MNISTDirectory.load(directory.path, split: .train)
        }
        #expect(error == .trailingBytes(file: path, content: .images(count: 2), expectedBytes: 1568, actualBytes: 1569))
    }

    /// A byte past the declared labels is a trailing byte, whatever its value.
    @Test func aTrailingByteIsNotReadAsALabel() throws {
        let directory = try DataTestDirectory()
        try directory.writePair(images: IDXFixtures.images(count: 2), labels: IDXFixtures.labels([1, 2]) + [120])
        let path = directory.path + "/train-labels-idx1-ubyte"
        #expect(expectDataError { () throws(DataError) in _ = try MNISTDirectory.load(directory.path, split: .train) }
            == .trailingBytes(file: path, content: .labels(count: 2), expectedBytes: 2, actualBytes: 3))
    }

    @Test func countMismatch() throws {
        let directory = try DataTestDirectory()
        try directory.writePair(images: IDXFixtures.images(count: 3), labels: IDXFixtures.labels([1, 2]))
        let images = directory.path + "/train-images-idx3-ubyte"
        let labels = directory.path + "/train-labels-idx1-ubyte"
        let error = expectDataError { () throws(DataError) in
            _ = try MNISTDirectory.load(directory.path, split: .train)
        }
        #expect(error == .countMismatch(imagesFile: images, images: 3, labelsFile: labels, labels: 2))
    }

    @Test func imagesMustBe28By28() throws {
        let directory = try DataTestDirectory()
        try directory.writePair(images: IDXFixtures.images(count: 2, rows: 32, columns: 32),
                                labels: IDXFixtures.labels([1, 2]))
        let path = directory.path + "/train-images-idx3-ubyte"
        let error = expectDataError { () throws(DataError) in
            _ = try MNISTDirectory.load(directory.path, split: .train)
        }
        #expect(error == .wrongImageSize(file: path, rows: 32, columns: 32))
    }

    @Test func labelOutOfRange() throws {
        let directory = try DataTestDirectory()
        try directory.writePair(images: IDXFixtures.images(count: 4), labels: IDXFixtures.labels([1, 9, 10, 255]))
        let path = directory.path + "/train-labels-idx1-ubyte"
        let error = expectDataError { () throws(DataError) in
            _ = try MNISTDirectory.load(directory.path, split: .train)
        }
        #expect(error == .labelOutOfRange(file: path, index: 2, label: 10))
    }

    /// The edge alone: 10 is the first label refused, 9 the last taken.
    @Test func labelTenIsRefusedWhenItIsTheLargest() throws {
        let directory = try DataTestDirectory()
        try directory.writePair(images: IDXFixtures.images(count: 3), labels: IDXFixtures.labels([9, 0, 10]))
        let error = expectDataError { () throws(DataError) in
            _ = try MNISTDirectory.load(directory.path, split: .train)
        }
        #expect(error == .labelOutOfRange(file: directory.path + "/train-labels-idx1-ubyte", index: 2, label: 10))
    }

    @Test func corruptGzipFile() throws {
        let directory = try DataTestDirectory()
        var damaged = IDXFixtures.gzip(IDXFixtures.images(count: 2))
        damaged[100] ^= 0xFF  // payload byte: the CRC no longer matches
        try directory.write("train-images-idx3-ubyte.gz", damaged)
        try directory.write("train-labels-idx1-ubyte.gz", IDXFixtures.gzip(IDXFixtures.labels([1, 2])))
        let path = directory.path + "/train-images-idx3-ubyte.gz"
        let error = expectDataError { () throws(DataError) in
            _ = try MNISTDirectory.load(directory.path, split: .train)
        }
        guard case .corruptGzip(let file, _) = error else {
            Issue.record("expected corruptGzip, got \(String(describing: error))")
            return
        }
        #expect(file == path)
    }

    @Test func truncatedGzipFile() throws {
        let directory = try DataTestDirectory()
        let whole = IDXFixtures.gzip(IDXFixtures.labels([1, 2, 3]))
        let path = try directory.write("labels.gz", Array(whole.dropLast(6)))
        let error = expectDataError { () throws(DataError) in _ = try IDXFile.readLabels(at: path) }
        #expect(error == .corruptGzip(file: path, problem: .endsEarly))
    }

    @Test func emptySetIsRejected() throws {
        let directory = try DataTestDirectory()
        try directory.writePair(images: IDXFixtures.images(count: 0), labels: IDXFixtures.labels([]))
        let error = expectDataError { () throws(DataError) in
            _ = try MNISTDirectory.load(directory.path, split: .train)
        }
        #expect(error == .empty(file: directory.path + "/train-images-idx3-ubyte"))
    }

    @Test func directoryInPlaceOfFileIsUnreadable() throws {
        let directory = try DataTestDirectory()
        try directory.write("sub/x", [1])
        let error = expectDataError { () throws(DataError) in _ = try IDXFile.readLabels(at: directory.path + "/sub") }
        #expect(error == .io(file: directory.path + "/sub", problem: .notRegularFile(.directory)))
    }

    @Test func devicesAndFIFOsAreRefusedWithoutBlocking() throws {
        let directory = try DataTestDirectory()
        let fifo = directory.path + "/train-images-idx3-ubyte"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(expectDataError { () throws(DataError) in _ = try IDXFile.readImages(at: fifo) }
            == .io(file: fifo, problem: .notRegularFile(.fifo)))
    }

    /// A FIFO, a directory, a device or a symbolic link loop in place of a data file is
    /// named as what it is, not reported as a missing file.
    @Test func aDataFileThatIsNotARegularFileIsNamedAsSuch() throws {
        let directory = try DataTestDirectory()
        try directory.write("train-labels-idx1-ubyte", IDXFixtures.labels([1]))
        let images = directory.path + "/train-images-idx3-ubyte"
        func loadError() -> DataError? {
            expectDataError { () throws(DataError) in _ = try MNISTDirectory.load(directory.path, split: .train) }
        }
        #expect(mkfifo(images, 0o600) == 0)
        #expect(loadError() == .io(file: images, problem: .notRegularFile(.fifo)))
        #expect(unlink(images) == 0 && mkdir(images, 0o700) == 0)
        #expect(loadError() == .io(file: images, problem: .notRegularFile(.directory)))
        #expect(rmdir(images) == 0 && symlink("loop", images) == 0 && symlink("train-images-idx3-ubyte", directory.path + "/loop") == 0)
        #expect(loadError() == .io(file: images, problem: .system(.open, code: ELOOP)))
        if getuid() == 0 {
            #expect(unlink(images) == 0 && mknod(images, S_IFCHR | 0o600, dev_t(0x103)) == 0)
            #expect(loadError() == .io(file: images, problem: .notRegularFile(.characterDevice)))
        }
    }

    @Test func everyTruncationOfAValidFileIsAnErrorNotACrash() {
        let images = IDXFixtures.images(count: 2)
        let labels = IDXFixtures.labels([0, 9])
        for length in 0..<images.count {
            let error = expectDataError { () throws(DataError) in
                _ = try IDXFile.parseImages(Array(images.prefix(length)), name: "i")
            }
            #expect(error != nil)
        }
        for length in 0..<labels.count {
            let error = expectDataError { () throws(DataError) in
                _ = try IDXFile.parseLabels(Array(labels.prefix(length)), name: "l")
            }
            #expect(error != nil)
        }
    }

    @Test func hugeHeaderCountDoesNotAllocate() {
        let bytes: [UInt8] = IDXFixtures.word(0x803) + IDXFixtures.word(UInt32.max) + IDXFixtures.word(28)
            + IDXFixtures.word(28)
        let error = expectDataError { () throws(DataError) in _ = try IDXFile.parseImages(bytes, name: "i") }
        #expect(error == .truncated(file: "i", content: .images(count: Int(UInt32.max)),
                                    expectedBytes: Int(UInt32.max) * 784, actualBytes: 0))
    }
}
