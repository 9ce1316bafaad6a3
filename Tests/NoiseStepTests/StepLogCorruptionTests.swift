import Foundation
import Testing
@testable import NoiseStep

/// Each kind of bad file gets its own one-line error, naming the file and the place.
@Suite struct StepLogCorruptionTests {
    static let file = "run.nstep"
    static let options = StepLogFixtures.options()

    /// The header laid out by hand from FORMAT.md's table, so the table is tested too.
    static func header(json: [UInt8], generator: String = "philox4x32-10", version: UInt16 = 1) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x4E, 0x53, 0x54, 0x45, 0x50, 0x0D, 0x0A, UInt8(version & 0xFF), UInt8(version >> 8)]
        bytes.append(UInt8(generator.utf8.count))
        bytes += generator.utf8
        bytes.appendLittleEndian(UInt32(json.count))
        bytes += json
        bytes.appendLittleEndian(Checksum.crc32(bytes))
        return bytes
    }

    static func optionsJSON(_ options: TrainingOptions = options) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(options), as: UTF8.self)
    }

    /// A log of three steps and the offset of each record.
    static func threeSteps() throws -> (bytes: [UInt8], offsets: [Int]) {
        let run = try StepLogFixtures.train(options, steps: 3)
        var offsets = [Int]()
        for count in 0 ... 3 {
            offsets.append(try StepLogTornTailTests.recordBytes(options, run.entries[0 ..< count]).count)
        }
        return (try StepLogTornTailTests.recordBytes(options, run.entries[...]), offsets)
    }

    static func decodeError(_ bytes: [UInt8]) -> StepLogError? {
        StepLogFixtures.error { () throws(StepLogError) in _ = try StepLog.decode(bytes, file: file) }
    }

    static func damaged(_ section: Int, _ kind: String, at offset: Int, _ problem: String, intact: Int) -> StepLogError {
        .damagedSection(file: file, section: section, kind: kind, offset: offset, problem: problem, intactSteps: intact)
    }

    @Test func theHandLaidHeaderMatchesTheWriters() throws {
        #expect(Self.header(json: Array(try Self.optionsJSON().utf8)) == (try StepLogHeader.encode(options: Self.options, file: Self.file)))
    }

    @Test func notAStepLog() {
        #expect(Self.decodeError([]) == .badMagic(file: Self.file))
        #expect(Self.decodeError(Array("hello, world\n".utf8)) == .badMagic(file: Self.file))
        #expect(Self.decodeError([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]) == .badMagic(file: Self.file))
        #expect(Self.decodeError([0x89, 0x4E, 0x53]) == .truncatedHeader(file: Self.file, bytes: 3))
    }

    @Test func versions() throws {
        let json = Array(try Self.optionsJSON().utf8)
        let newer = Self.decodeError(Self.header(json: json, version: 9))
        #expect(newer == .unsupportedVersion(file: Self.file, found: 9, supported: 1))
        #expect(newer?.description == "run.nstep: format version 9 is newer than this program's 1; update noisestep to read it")
        #expect(Self.decodeError(Self.header(json: json, version: 0)) == .unsupportedVersion(file: Self.file, found: 0, supported: 1))
    }

    @Test func damagedHeaders() throws {
        let good = Self.header(json: Array(try Self.optionsJSON().utf8))
        #expect(Self.decodeError(Array(good.prefix(good.count - 1))) == .truncatedHeader(file: Self.file, bytes: good.count - 1))
        var flipped = good
        flipped[40] ^= 0x04
        #expect(Self.decodeError(flipped) == .damagedHeader(file: Self.file, problem: "CRC mismatch"))
        var noName = good
        noName[10] = 0
        #expect(Self.decodeError(noName) == .damagedHeader(file: Self.file, problem: "generator name length 0 is outside 1...64"))
        // A length claiming 4 GiB of options in a file of a few hundred bytes: refused before allocating.
        var huge = good
        huge.replaceSubrange(24 ..< 28, with: [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(Self.decodeError(huge) == .damagedHeader(file: Self.file, problem: "options length 4294967295 is outside 1...65536"))
    }

    @Test func anotherGenerator() throws {
        let bytes = Self.header(json: Array(try Self.optionsJSON().utf8), generator: "mt19937")
        let error = Self.decodeError(bytes)
        #expect(error == .wrongGenerator(file: Self.file, found: "mt19937", expected: "philox4x32-10"))
        #expect(error?.description == "run.nstep: written with PRNG \"mt19937\", philox4x32-10 expected;"
            + " its steps can only be replayed by the program that wrote it")
        let hostile = Self.header(json: Array(try Self.optionsJSON().utf8), generator: "x\n\u{1B}[2J\u{202E}")
        #expect(Self.decodeError(hostile) == .wrongGenerator(file: Self.file, found: "x\\u{A}\\u{1B}[2J\\u{202E}",
                                                             expected: "philox4x32-10"))
    }

    @Test(arguments: [
        ("\"hidden\":[16,12]", "\"hidden\":[0]", "\(LimitViolation.outOfRange(.hidden, value: 0, allowed: Limits.hiddenWidth))"),
        ("\"hidden\":[16,12]", "\"hidden\":[]",
         "\(LimitViolation.outOfRange(.hiddenLayers, value: 0, allowed: Limits.hiddenLayers))"),
        ("\"hidden\":[16,12]", "\"hidden\":[65536,65536,65536]",
         "\(LimitViolation.tooManyParameters(hidden: [65536, 65536, 65536], parameters: 8642166794, limit: 1 << 28))"),
        ("\"batch\":100", "\"batch\":100,\"warp\":9", "unknown option \"warp\" (written by a newer noisestep? update to replay it)"),
        ("\"batch\":100,", "", "missing option \"batch\""),
        ("\"input\":\"gray\"", "\"input\":\"sepia\"", "\"input\": Cannot initialize InputEncoding from invalid String value sepia"),
    ])
    func invalidOptions(original: String, replacement: String, problem: String) throws {
        let json = try Self.optionsJSON().replacingOccurrences(of: original, with: replacement)
        #expect(Self.decodeError(Self.header(json: Array(json.utf8))) == .invalidOptions(file: Self.file, problem: problem))
    }

    @Test func optionsAskingTooMuchWorkOfAStep() throws {
        var options = Self.options
        (options.samples, options.density) = (4096, 0.5)
        let problem = "\(LimitViolation.tooManyPerturbationEntries(samples: 4096, density: 0.5, parameters: 12894, limit: 1 << 20))"
        #expect(Self.decodeError(Self.header(json: Array(try Self.optionsJSON(options).utf8)))
            == .invalidOptions(file: Self.file, problem: problem))
        #expect(StepLogFixtures.error { () throws(StepLogError) in _ = try StepLogHeader.encode(options: options, file: Self.file) }
            == .invalidOptions(file: Self.file, problem: problem))
    }

    @Test func malformedOrDeeplyNestedJSONIsAnError() {
        for json in ["{", "[1,2]", "null", String(repeating: "[", count: 60_000), "{\"a\":" + String(repeating: "{\"a\":", count: 10_000)] {
            guard case .invalidOptions? = Self.decodeError(Self.header(json: Array(json.utf8))) else {
                Issue.record("\(json.prefix(20)): expected .invalidOptions")
                continue
            }
        }
    }

    @Test func aDamagedRecordInTheMiddleNamesItsPlace() throws {
        let (good, offsets) = try Self.threeSteps()
        var bytes = good
        bytes[offsets[1] + 9] ^= 0x10  // a byte of record 2's body
        let error = Self.decodeError(bytes)
        #expect(error == Self.damaged(2, "step record", at: offsets[1], "CRC mismatch", intact: 1))
        #expect(error?.description == "run.nstep: section 2 (step record) at byte \(offsets[1]): CRC mismatch (file damaged);"
            + " the steps up to 1 are intact: `noisestep replay run.nstep --to 1` rebuilds their weights")
    }

    @Test func theStepsBeforeDamageCanStillBeRead() throws {
        let (good, offsets) = try Self.threeSteps()
        var bytes = good
        bytes[offsets[2] + 12] ^= 0x01  // record 3
        #expect(Self.decodeError(bytes) == Self.damaged(3, "step record", at: offsets[2], "CRC mismatch", intact: 2))
        let log = try StepLog.decode(bytes, file: Self.file, through: 2)
        #expect(log.lastStep == 2 && log.tornBytes == 0)
        #expect(log.replay() == (try StepLog.decode(good, file: Self.file)).replay(to: 2))
        #expect(try StepLog.decode(good, file: Self.file, through: 0).entries.isEmpty)
    }

    @Test func aDamagedLengthIsDamageNotATornTail() throws {
        let (good, offsets) = try Self.threeSteps()
        var bytes = good
        bytes[offsets[0] + 3] ^= 0x01  // record 1 now claims 64 KiB more body than the file holds
        #expect(Self.decodeError(bytes) == Self.damaged(1, "frame", at: offsets[0], "its kind and length fail their check byte", intact: 0))
    }

    @Test func recordsOutOfOrder() throws {
        let (good, offsets) = try Self.threeSteps()
        let second = Array(good[offsets[1] ..< offsets[2]])
        let repeated = Array(good[..<offsets[2]]) + second + Array(good[offsets[2]...])
        #expect(Self.decodeError(repeated) == Self.damaged(3, "step record", at: offsets[2], "holds step 2 where step 3 belongs", intact: 2))
        let skipped = Array(good[..<offsets[1]]) + Array(good[offsets[2]...])
        #expect(Self.decodeError(skipped) == Self.damaged(2, "step record", at: offsets[1], "holds step 3 where step 2 belongs", intact: 1))
    }

    @Test func wellFramedButInvalidContents() throws {
        let (good, offsets) = try Self.threeSteps()
        let append = { (kind: UInt8, body: [UInt8]) -> [UInt8] in
            var frame = [kind]
            frame.appendLittleEndian(UInt32(body.count))
            frame.append(Checksum.crc8(frame))
            frame += body
            frame.appendLittleEndian(Checksum.crc32(frame))
            return good + frame
        }
        let end = offsets[3]
        #expect(Self.decodeError(append(0x41, [1, 2])) == Self.damaged(4, "unknown section", at: end,
            "unknown section kind 0x41 (written by a newer noisestep?)", intact: 3))
        #expect(try StepLog.decode(append(0x90, [1, 2]), file: Self.file).lastStep == 3)  // optional: skipped

        let step4: [UInt8] = [4, 0, 0, 0]
        let metrics = [UInt8](repeating: 0, count: 8)
        #expect(Self.decodeError(append(0x53, step4 + [0x10] + metrics)) == Self.damaged(4, "step record", at: end, "unknown flags 0x10", intact: 3))
        #expect(Self.decodeError(append(0x53, step4 + [0x02, 0, 0, 0, 0] + metrics)) == Self.damaged(4, "step record", at: end,
            "\(LimitViolation.outOfRange(.samples, value: 0, allowed: Limits.samples))", intact: 3))
        var heavy = step4 + [0x03]
        heavy.appendLittleEndian(0.5 as Double)
        heavy.appendLittleEndian(UInt32(4096))
        #expect(Self.decodeError(append(0x53, heavy)) == Self.damaged(4, "step record", at: end,
            "\(LimitViolation.tooManyPerturbationEntries(samples: 4096, density: 0.5, parameters: 12894, limit: 1 << 20))",
            intact: 3))
        #expect(Self.decodeError(append(0x53, step4 + [0x08, 7] + metrics)) == Self.damaged(4, "step record", at: end,
            "unknown density schedule 7", intact: 3))
        #expect(Self.decodeError(append(0x53, step4 + [0] + metrics + [UInt8](repeating: 250, count: 7))) == Self.damaged(4, "step record",
            at: end, "kept signs are not valid packed trits", intact: 3))
        #expect(Self.decodeError(append(0x53, step4 + [0] + metrics + [0])) == Self.damaged(4, "step record", at: end,
            "length 14 does not fit its 32 samples", intact: 3))
        #expect(Self.decodeError(append(0x53, step4)) == Self.damaged(4, "step record", at: end,
            "length 4 is too short for its fields", intact: 3))
    }

    @Test func weightsThatDoNotFitTheArchitecture() throws {
        let (good, offsets) = try Self.threeSteps()
        let small = TernaryModel(shape: ModelShape(hidden: [3]))
        let wrongShape = good + StepLogSection.frame(kind: .weights, body: StepLogSection.weightsBody(small, step: 3))
        #expect(Self.decodeError(wrongShape) == Self.damaged(4, "weights section", at: offsets[3],
            "length 491 does not match the 2591 bytes that the weights of the header's architecture 784→16→12→10 take",
            intact: 3))
        let model = TernaryModel(shape: ModelShape(hidden: [16, 12]))
        let wrongStep = good + StepLogSection.frame(kind: .weights, body: StepLogSection.weightsBody(model, step: 2))
        #expect(Self.decodeError(wrongStep) == Self.damaged(4, "weights section", at: offsets[3],
            "holds the weights of step 2 but follows step 3", intact: 3))
    }

    @Test func filesThatCannotBeRead() throws {
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let missing = StepLogFixtures.error { () throws(StepLogError) in _ = try StepLog.read(path: path) }
        #expect(missing == .unreadable(file: path, reason: "No such file or directory"))
        let directory = (path as NSString).deletingLastPathComponent
        let isDirectory = StepLogFixtures.error { () throws(StepLogError) in _ = try StepLog.read(path: directory) }
        #expect(isDirectory == .unreadable(file: directory, reason: "it is a directory"))
        try StepLogFixtures.write([UInt8](repeating: 7, count: 100), to: path)
        let tooLarge = StepLogFixtures.error { () throws(StepLogError) in _ = try LogFileSystem.readAll(path, limit: 99) }
        #expect(tooLarge == .tooLarge(file: path, bytes: 100, limit: 99))
        #expect(try LogFileSystem.readAll(path, limit: 100).count == 100)
    }
}
