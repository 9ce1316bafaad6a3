import Foundation
import Testing

/// Issue 10, cases 6–8: damaged and foreign step logs and data as the commands meet them,
/// and what the messages say.
@Suite(.serialized) struct StepLogCommandTests {
    static let small = ["--batch", "64", "--samples", "16", "--hidden", "32", "--eval-every", "0"]

    /// A 4-step log whose last section is its final weights.
    static func fourSteps(_ scratch: Scratch, _ name: String = "four.nstep") throws -> [UInt8] {
        let outcome = try scratch.run(["train", "--steps", "4", "--out", name] + small)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return scratch.bytes(name)
    }

    /// 6. A record's length pointing past the end, with complete records after it.
    @Test func aBadLengthWithRecordsAfterItIsNamed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bytes = try Self.fourSteps(scratch)
        let sections = LogSurgery.sections(bytes)
        let records = Array(bytes[..<sections[4]])  // without the weights section
        let second = sections[1], length = LogSurgery.word(records, at: second + 1)
        try scratch.write(LogSurgery.settingLength(records, at: second, to: length + 1000), to: "mid.nstep")
        for command in [["train", "--steps", "6", "--resume", "mid.nstep"], ["info", "mid.nstep"]] {
            let outcome = try scratch.run(command)
            #expect(outcome.status != 0 && outcome.stderr.contains("section 2 (step record) at byte \(second)")
                    && outcome.stderr.contains("runs past the end") && outcome.stderr.contains("--to 1"), "\(outcome.stderr)")
        }
        #expect(scratch.bytes("mid.nstep").count == records.count, "the resume cut nothing")
    }

    /// 6. eval refuses weights that the log's own steps do not produce.
    @Test func evalRefusesWeightsThatDisagreeWithTheSteps() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var bytes = try Self.fourSteps(scratch)
        let weights = LogSurgery.sections(bytes)[4], body = weights + 6
        bytes[body + 12] = bytes[body + 12] == 0 ? 1 : 0  // one packed byte of the weights
        let crc = LogSurgery.crc32(Array(bytes[weights ..< bytes.count - 4]))
        for k in 0 ..< 4 { bytes[bytes.count - 4 + k] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(k))) }
        try scratch.write(bytes, to: "edited.nstep")
        let outcome = try scratch.run(["eval", "--model", "edited.nstep"])
        #expect(outcome.status != 0 && outcome.stderr.contains("edited.nstep: the weights saved at step 4 differ")
                && outcome.stderr.contains("replay edited.nstep --to 4"), "\(outcome.stderr)")
        #expect(try scratch.run(["eval", "--model", "four.nstep"]).status == 0)
    }

    /// 6. A run is continued on its own data only; an old log without a fingerprint is
    /// continued with a note.
    @Test func resumingOnOtherDataIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try Self.fourSteps(scratch)
        let data = scratch.path("other")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let assets = BinaryUnderTest.packageRoot.appendingPathComponent("assets/mnist-5k").path
        for (name, target) in [("train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz"),
                               ("train-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte.gz")] {
            try FileManager.default.copyItem(atPath: assets + "/" + name, toPath: data + "/" + name)
            try FileManager.default.copyItem(atPath: assets + "/" + name, toPath: data + "/" + target)
        }
        let other = try scratch.run(["train", "--steps", "6", "--resume", "four.nstep", "--data", "other"])
        #expect(other.status != 0 && other.stderr.contains("four.nstep: the run trained on other data (4500 examples")
                && other.stderr.contains("(5000 examples"), "\(other.stderr)")
        let same = try scratch.run(["train", "--steps", "6", "--resume", "four.nstep"])
        #expect(same.status == 0 && !same.stderr.contains("note:"), "\(same.stderr)")

        let old = try #require(try? Data(contentsOf: BinaryUnderTest.packageRoot
            .appendingPathComponent("Tests/NoiseStepTests/Corpus/log-3-steps.nstep")))
        try scratch.write([UInt8](old), to: "old.nstep")
        let continued = try scratch.run(["train", "--steps", "5", "--resume", "old.nstep"])
        #expect(continued.status == 0 && continued.stderr.contains("note: old.nstep does not record which data"),
                "\(continued.stderr)")
    }

    /// 6. A header of a few hundred bytes declaring a huge architecture is refused by the
    /// rulebook before anything of that size exists (under a 256 MiB address space).
    @Test func aHeaderDeclaringAHugeModelIsRefusedBeforeAllocating() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bytes = try Self.fourSteps(scratch)
        let header = Array(bytes[..<LogSurgery.headerEnd(bytes)])
        let huge = LogSurgery.replacingOptions(header) {
            $0.replacingOccurrences(of: "\"hidden\":[32]", with: "\"hidden\":[15000,15000]")
        }
        #expect(huge.count < 400 && huge != header)
        try scratch.write(huge, to: "huge.nstep")
        for command in [["eval", "--model", "huge.nstep"], ["info", "huge.nstep"], ["replay", "huge.nstep", "--out", "m.nstep"]] {
            let outcome = try scratch.runCapped(command)
            #expect(outcome.status != 0)
            #expect(outcome.stderr.contains("236940010 parameters"), "\(command): \(outcome.stderr)")
            #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        }
    }

    /// 6. A log followed by a gigabyte of holes is read without reading the holes.
    @Test func aSparseGigabyteIsNotReadWhole() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bytes = try Self.fourSteps(scratch)
        #expect(truncate(scratch.path("four.nstep"), off_t(bytes.count + (1 << 30) - 4096)) == 0)
        // Under a 256 MiB address space a whole read of the gigabyte would abort.
        let info = try scratch.runCapped(["info", "four.nstep"])
        #expect(info.status == 0 && info.stdout.contains("4 steps"), "\(info.stderr)")
    }

    /// 7. Messages name the user's path and the real problem.
    @Test func messagesNameThePathAndTheRealProblem() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bytes = try Self.fourSteps(scratch)
        try scratch.write(LogSurgery.replacingOptions(bytes) { $0.replacing("\"batch\":64", with: "\"batch\":\"64\"") },
                          to: "typed.nstep")
        let expectations: [([String], String)] = [
            (["train", "--steps", "2", "--resume", "nothere.nstep"], "nothere.nstep: no such file or directory"),
            (["info", "typed.nstep"], "typed.nstep: invalid training options in the header: \"batch\" holds \"64\""),
            (["replay", "four.nstep", "--to=-1", "--out", "m.nstep"], "--to: -1 is negative"),
            (["replay", "four.nstep", "--out", "nodir/m.nstep"], "nodir/m.nstep: cannot create it: its folder does not exist"),
            (["info", "esc\u{1B}[31mred\nnl.nstep"], "esc\\u{1B}[31mred\\u{A}nl.nstep: no such file or directory"),
        ]
        for (arguments, words) in expectations {
            let outcome = try scratch.run(arguments)
            #expect(outcome.status != 0 && outcome.stderr.contains(words) && !outcome.stderr.contains("\u{1B}")
                    && outcome.stderr.split(separator: "\n").count == 1, "\(arguments): \(outcome.stderr)")
            #expect(!outcome.stderr.contains("not valid JSON") && !outcome.stderr.contains("free space"))
        }
        // A log whose name holds control characters is reported with them escaped.
        try scratch.write(bytes, to: "esc\u{1B}[31m.nstep")
        let escaped = try scratch.run(["info", "esc\u{1B}[31m.nstep"])
        #expect(escaped.status == 0 && escaped.stdout.contains("esc\\u{1B}[31m.nstep: 4 steps")
                && !escaped.stdout.contains("\u{1B}"), "\(escaped.stdout)")
        let limited = try scratch.shell("trap '' XFSZ; ulimit -f 1; exec \"$NOISESTEP\" replay four.nstep --out big.nstep")
        #expect(limited.status != 0 && limited.stderr.contains("big.nstep: cannot write: File too large")
                && !limited.stderr.contains(".tmp-"), "\(limited.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path)
        #expect(!scratch.exists("big.nstep") && names.allSatisfy { !$0.contains(".tmp-") }, "no temporary file is left")
    }

    /// 7. A FIFO, directory, symbolic link loop or device given as an images file is named
    /// as what it is.
    @Test func aDataFileThatIsNotAFileIsNamedAsSuch() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let data = scratch.path("data"), images = data + "/train-images-idx3-ubyte"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let assets = BinaryUnderTest.packageRoot.appendingPathComponent("assets/mnist-5k").path
        try FileManager.default.copyItem(atPath: assets + "/train-labels-idx1-ubyte.gz",
                                         toPath: data + "/train-labels-idx1-ubyte.gz")
        var nodes: [(() -> Int32, String)] = [
            ({ mkfifo(images, 0o600) }, "is a FIFO"), ({ mkdir(images, 0o700) }, "is a directory"),
            ({ symlink("loop", images) | symlink("train-images-idx3-ubyte", data + "/loop") }, "a loop of symbolic links"),
        ]
        if getuid() == 0 { nodes.append(({ mknod(images, S_IFCHR | 0o600, dev_t(0x103)) }, "is a character device")) }
        for (make, words) in nodes {
            _ = (unlink(images), unlink(data + "/loop"), rmdir(images))
            #expect(make() == 0)
            let outcome = try scratch.run(["train", "--steps", "2", "--data", "data"] + Self.small)
            #expect(outcome.status != 0 && outcome.stderr.contains("data/train-images-idx3-ubyte: \(words)")
                    && !outcome.stderr.contains("missing"), "\(outcome.stderr)")
        }
    }

    /// 8. Zero padding after a gzip stream is accepted, as gunzip does.
    @Test func gzipPaddingIsAccepted() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let data = scratch.path("padded")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let assets = BinaryUnderTest.packageRoot.appendingPathComponent("assets/mnist-5k").path
        for split in ["train", "t10k"] {
            for kind in ["images-idx3-ubyte.gz", "labels-idx1-ubyte.gz"] {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: assets + "/train-" + kind)) + Data(count: 512)
                try bytes.write(to: URL(fileURLWithPath: data + "/\(split)-" + kind))
            }
        }
        let outcome = try scratch.run(["train", "--steps", "2", "--data", "padded"] + Self.small)
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }
}
