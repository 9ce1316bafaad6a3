import Foundation
import Testing
@testable import NoiseStep

/// Each kind of bad file gets its own one-line error, naming the file and the place.
@Suite struct StepLogCorruptionTests {
    static let file = "run.nstep"
    static let options = StepLogFixtures.options()

    /// The header laid out by hand from FORMAT.md's table, so the table is tested too.
    /// Version 2 adds the fingerprint field (`fingerprint`: its bytes, 0 or 12 of them).
    static func header(json: [UInt8], generator: String = "philox4x32-10", version: UInt16 = 2,
                       fingerprint: [UInt8] = []) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x4E, 0x53, 0x54, 0x45, 0x50, 0x0D, 0x0A, UInt8(version & 0xFF), UInt8(version >> 8)]
        bytes.append(UInt8(generator.utf8.count))
        bytes += generator.utf8
        bytes.appendLittleEndian(UInt32(json.count))
        bytes += json
        if version >= 2 {
            bytes.append(UInt8(fingerprint.count))
            bytes += fingerprint
        }
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

    static func damaged(_ section: Int, _ kind: UInt8, at offset: Int, _ problem: SectionProblem, intact: Int) -> StepLogError {
        .damagedSection(file: file, section: section, kind: kind, offset: offset, problem: problem, intactSteps: intact)
    }

    static let step: UInt8 = 0x53, weights: UInt8 = 0x57

    @Test func theHandLaidHeaderMatchesTheWriters() throws {
        let json = Array(try Self.optionsJSON().utf8)
        let fingerprint = StepLogFixtures.fingerprint
        var fingerprintBytes = [UInt8]()
        for word in [UInt32(fingerprint.examples), fingerprint.labelsCRC, fingerprint.pixelsCRC] {
            fingerprintBytes.appendLittleEndian(word)
        }
        #expect(Self.header(json: json, fingerprint: fingerprintBytes)
            == (try StepLogHeader.encode(options: Self.options, dataFingerprint: fingerprint, file: Self.file)))
        #expect(Self.header(json: json) == (try StepLogHeader.encode(options: Self.options, dataFingerprint: nil, file: Self.file)))
        let read = try StepLog.decode(Self.header(json: json, fingerprint: fingerprintBytes), file: Self.file)
        #expect(read.dataFingerprint == fingerprint && read.version == 2)
    }

    /// Old files stay readable: a version 1 header has no fingerprint field.
    @Test func aVersionOneHeaderReadsWithoutAFingerprint() throws {
        let log = try StepLog.decode(Self.header(json: Array(try Self.optionsJSON().utf8), version: 1), file: Self.file)
        #expect(log.version == 1 && log.dataFingerprint == nil && log.options == Self.options)
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
        #expect(newer == .unsupportedVersion(file: Self.file, found: 9, supported: 2))
        #expect(Self.decodeError(Self.header(json: json, version: 0)) == .unsupportedVersion(file: Self.file, found: 0, supported: 2))
    }

    @Test func damagedHeaders() throws {
        let good = Self.header(json: Array(try Self.optionsJSON().utf8))
        #expect(Self.decodeError(Array(good.prefix(good.count - 1))) == .truncatedHeader(file: Self.file, bytes: good.count - 1))
        var flipped = good
        flipped[40] ^= 0x04
        #expect(Self.decodeError(flipped) == .damagedHeader(file: Self.file, damage: .crcMismatch))
        var noName = good
        noName[10] = 0
        #expect(Self.decodeError(noName) == .damagedHeader(file: Self.file, damage: .generatorLength(0)))
        // A length claiming 4 GiB of options in a file of a few hundred bytes: refused before allocating.
        var huge = good
        huge.replaceSubrange(24 ..< 28, with: [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(Self.decodeError(huge) == .damagedHeader(file: Self.file, damage: .optionsLength(4_294_967_295)))
        // A fingerprint length other than 0 or 12.
        let json = Array(try Self.optionsJSON().utf8)
        let oddFingerprint = Self.header(json: json, fingerprint: [1, 2, 3])
        #expect(Self.decodeError(oddFingerprint) == .damagedHeader(file: Self.file, damage: .fingerprintLength(3)))
    }

    @Test func anotherGenerator() throws {
        let bytes = Self.header(json: Array(try Self.optionsJSON().utf8), generator: "mt19937")
        let error = Self.decodeError(bytes)
        #expect(error == .wrongGenerator(file: Self.file, found: "mt19937", expected: "philox4x32-10"))
        // The engine carries what the file holds; the command line escapes it (end-to-end tests).
        let hostile = Self.header(json: Array(try Self.optionsJSON().utf8), generator: "x\n\u{1B}[2J\u{202E}")
        #expect(Self.decodeError(hostile) == .wrongGenerator(file: Self.file, found: "x\n\u{1B}[2J\u{202E}",
                                                             expected: "philox4x32-10"))
    }

    @Test(arguments: [
        ("\"hidden\":[16,12]", "\"hidden\":[0]", OptionsProblem.limit(.outOfRange(.hidden, value: 0, allowed: Limits.hiddenWidth))),
        ("\"hidden\":[16,12]", "\"hidden\":[]", .limit(.outOfRange(.hiddenLayers, value: 0, allowed: Limits.hiddenLayers))),
        ("\"hidden\":[16,12]", "\"hidden\":[65536,65536,65536]",
         .limit(.tooManyParameters(hidden: [65536, 65536, 65536], parameters: 8642166794, limit: 1 << 26))),
        ("\"batch\":100", "\"batch\":100,\"warp\":9", .unknownOption("warp")),
        ("\"batch\":100,", "", .missingOption("batch")),
        // Valid JSON of the wrong type or range: the option and its value are named.
        ("\"input\":\"gray\"", "\"input\":\"sepia\"", .invalidValue(option: "input", found: "\"sepia\"", example: "\"gray\"")),
        ("\"batch\":100", "\"batch\":\"100\"", .invalidValue(option: "batch", found: "\"100\"", example: "\(TrainingOptions().batch)")),
        ("\"hidden\":[16,12]", "\"hidden\":[16.5]", .invalidValue(option: "hidden", found: "[16.5]", example: "[256,256]")),
        ("\"seed\":11", "\"seed\":-1", .invalidValue(option: "seed", found: "-1", example: "0")),
        ("\"seed\":11", "\"seed\":1e30", .invalidValue(option: "seed", found: "1e+30", example: "0")),
        ("\"batch\":100", "\"batch\":null", .invalidValue(option: "batch", found: "null", example: "\(TrainingOptions().batch)")),
        // The keep rule and the ramp.
        ("\"keepBy\":\"\(TrainingOptions().keepBy.rawValue)\"", "\"keepBy\":\"sideways\"",
         .invalidValue(option: "keepBy", found: "\"sideways\"", example: "\"\(TrainingOptions().keepBy.rawValue)\"")),
        ("\"keepFloor\":0", "\"keepFloor\":-1", .limit(.outOfRange(.keepFloor, value: -1, allowed: Limits.keepFloor))),
        ("\"batch\":100", "\"batch\":100,\"ramp\":{\"steps\":0,\"quantileTo\":0.9}",
         .limit(.outOfRange(.rampSteps, value: 0, allowed: Limits.rampSteps))),
        ("\"batch\":100", "\"batch\":100,\"ramp\":{\"steps\":9,\"quantileTo\":1}",
         .limit(.outOfRange(.quantileTo, value: 1, allowed: Limits.rejectQuantile))),
        ("\"batch\":100", "\"batch\":100,\"ramp\":{\"steps\":9,\"batchFrom\":101}",
         .limit(.outOfRange(.batchFrom, value: 101, allowed: LimitRange(1 ... 100)))),
        // Redrawing, an option only a run that uses it writes.
        ("\"batch\":100", "\"batch\":100,\"redraw\":\"some\"", .invalidValue(option: "redraw", found: "\"some\"", example: "0.25")),
        ("\"batch\":100", "\"batch\":100,\"redraw\":2", .limit(.outOfRange(.redraw, value: 2, allowed: Limits.redraw))),
    ])
    func invalidOptions(original: String, replacement: String, problem: OptionsProblem) throws {
        let json = try Self.optionsJSON().replacingOccurrences(of: original, with: replacement)
        #expect(json != (try Self.optionsJSON()))
        #expect(Self.decodeError(Self.header(json: Array(json.utf8))) == .invalidOptions(file: Self.file, problem: problem))
    }

    @Test func optionsAskingTooMuchWorkOfAStep() throws {
        var options = Self.options
        (options.samples, options.density) = (4096, 0.5)
        let problem = OptionsProblem.limit(.tooManyPerturbationEntries(samples: 4096, density: 0.5, parameters: 12894,
                                                                       limit: 1 << 20))
        #expect(Self.decodeError(Self.header(json: Array(try Self.optionsJSON(options).utf8)))
            == .invalidOptions(file: Self.file, problem: problem))
        #expect(StepLogFixtures.error { () throws(StepLogError) in
            _ = try StepLogHeader.encode(options: options, dataFingerprint: nil, file: Self.file)
        } == .invalidOptions(file: Self.file, problem: problem))
    }

    @Test func malformedOrDeeplyNestedJSONIsAnError() {
        for json in ["{", "[1,2]", "null", String(repeating: "[", count: 60_000), "{\"a\":" + String(repeating: "{\"a\":", count: 10_000)] {
            #expect(Self.decodeError(Self.header(json: Array(json.utf8))) == .invalidOptions(file: Self.file, problem: .notAnObject),
                    "\(json.prefix(20))")
        }
    }

    @Test func aDamagedRecordInTheMiddleNamesItsPlace() throws {
        let (good, offsets) = try Self.threeSteps()
        var bytes = good
        bytes[offsets[1] + 9] ^= 0x10  // a byte of record 2's body
        let error = Self.decodeError(bytes)
        #expect(error == Self.damaged(2, Self.step, at: offsets[1], .crcMismatch, intact: 1))
    }

    @Test func theStepsBeforeDamageCanStillBeRead() throws {
        let (good, offsets) = try Self.threeSteps()
        var bytes = good
        bytes[offsets[2] + 12] ^= 0x01  // record 3
        #expect(Self.decodeError(bytes) == Self.damaged(3, Self.step, at: offsets[2], .crcMismatch, intact: 2))
        let log = try StepLog.decode(bytes, file: Self.file, through: 2, verifying: true)
        #expect(log.lastStep == 2 && log.tornBytes == 0)
        #expect(log.latestModel == (try StepLogFixtures.replay(good, to: 2)))
        #expect(try StepLog.decode(good, file: Self.file, through: 0).records == 0)
    }

    @Test func aDamagedLengthIsDamageNotATornTail() throws {
        let (good, offsets) = try Self.threeSteps()
        var bytes = good
        bytes[offsets[0] + 3] ^= 0x01  // record 1 now claims 64 KiB more body than the file holds
        #expect(Self.decodeError(bytes) == Self.damaged(1, Self.step, at: offsets[0], .frameCheck, intact: 0))
    }

    /// A length that runs past the end of the file, with its check byte intact, and
    /// complete records after it: damage named at its offset, not a torn tail that would
    /// silently drop the records after it.
    @Test func aLengthPastTheEndWithSectionsAfterItIsDamage() throws {
        let (good, offsets) = try Self.threeSteps()
        var bytes = good
        let length = Int(bytes[offsets[0] + 1]) | Int(bytes[offsets[0] + 2]) << 8
        let longer = UInt32(length + 200)  // past the end: the file has fewer than 200 bytes after it
        for k in 0 ..< 4 { bytes[offsets[0] + 1 + k] = UInt8(truncatingIfNeeded: longer >> (8 * UInt32(k))) }
        bytes[offsets[0] + 5] = Checksum.crc8(bytes[offsets[0] ..< offsets[0] + 5])
        #expect(Self.decodeError(bytes) == Self.damaged(1, Self.step, at: offsets[0],
            .lengthPastEnd(length: length + 200, fileBytes: bytes.count, completeSectionAt: offsets[1]), intact: 0))
        // The same length on the last record, with nothing complete after it, is a torn tail.
        var last = good
        for k in 0 ..< 4 { last[offsets[2] + 1 + k] = UInt8(truncatingIfNeeded: longer >> (8 * UInt32(k))) }
        last[offsets[2] + 5] = Checksum.crc8(last[offsets[2] ..< offsets[2] + 5])
        let torn = try StepLog.decode(last, file: Self.file)
        #expect(torn.lastStep == 2 && torn.tornBytes == good.count - offsets[2])
    }

    /// A record whose loss or accuracy is not a number, or an accuracy outside 0...1, is
    /// refused (CRCs right: a program wrote it so).
    @Test(arguments: [(Float.nan, Float.infinity), (2.3, .nan), (.infinity, 0.5), (2.3, 1.5), (2.3, -0.1)] as [(Float, Float)])
    func nonFiniteMetricsAreRefused(loss: Float, accuracy: Float) throws {
        let (good, offsets) = try Self.threeSteps()
        let run = try StepLogFixtures.train(Self.options, steps: 3)
        var third = run.entries[2]
        (third.loss, third.batchAccuracy) = (loss, accuracy)
        let record = StepLogSection.frame(kind: .step, body: StepLogSection.stepBody(third, previous: run.entries[1].settings))
        let bytes = Array(good[..<offsets[2]]) + record
        #expect(Self.decodeError(bytes) == Self.damaged(3, Self.step, at: offsets[2],
            .metricsOutOfRange(StepMetrics(loss: loss, batchAccuracy: accuracy)), intact: 2))
    }

    @Test func recordsOutOfOrder() throws {
        let (good, offsets) = try Self.threeSteps()
        let second = Array(good[offsets[1] ..< offsets[2]])
        let repeated = Array(good[..<offsets[2]]) + second + Array(good[offsets[2]...])
        #expect(Self.decodeError(repeated) == Self.damaged(3, Self.step, at: offsets[2], .stepOutOfOrder(found: 2, expected: 3), intact: 2))
        let skipped = Array(good[..<offsets[1]]) + Array(good[offsets[2]...])
        #expect(Self.decodeError(skipped) == Self.damaged(2, Self.step, at: offsets[1], .stepOutOfOrder(found: 3, expected: 2), intact: 1))
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
        #expect(Self.decodeError(append(0x41, [1, 2])) == Self.damaged(4, 0x41, at: end, .unknownKind(0x41), intact: 3))
        #expect(try StepLog.decode(append(0x90, [1, 2]), file: Self.file).lastStep == 3)  // optional: skipped

        let step4: [UInt8] = [4, 0, 0, 0]
        let metrics = [UInt8](repeating: 0, count: 8)
        func refused(_ body: [UInt8], _ problem: SectionProblem) -> Bool {
            Self.decodeError(append(Self.step, body)) == Self.damaged(4, Self.step, at: end, problem, intact: 3)
        }
        #expect(refused(step4 + [0x40] + metrics, .unknownFlags(0x40)))
        #expect(refused(step4 + [0x80] + metrics, .unknownFlags(0x80)))
        #expect(refused(step4 + [0x02, 0, 0, 0, 0] + metrics, .limit(.outOfRange(.samples, value: 0, allowed: Limits.samples))))
        var heavy = step4 + [0x03]
        heavy.appendLittleEndian(0.5 as Double)
        heavy.appendLittleEndian(UInt32(4096))
        #expect(refused(heavy, .limit(.tooManyPerturbationEntries(samples: 4096, density: 0.5, parameters: 12894, limit: 1 << 20))))
        #expect(refused(step4 + [0x08, 7] + metrics, .unknownSchedule(7)))
        #expect(refused(step4 + [0x10, 2] + metrics, .unknownQuantileSchedule(2)))
        #expect(refused(step4 + [0x20, 2] + metrics, .unknownKeepRanking(2)))
        #expect(refused(step4 + [0] + metrics + [UInt8](repeating: 250, count: 7), .invalidTrits))
        #expect(refused(step4 + [0] + metrics + [0], .bodyLength(14, samples: 32)))
        #expect(refused(step4, .bodyLength(4, samples: nil)))
        // Lengths over the caps, with their check bytes right.
        var overCap: [UInt8] = [Self.step]
        overCap.appendLittleEndian(UInt32(StepLogFormat.maxStepBodyBytes + 1))
        overCap.append(Checksum.crc8(overCap))
        #expect(Self.decodeError(good + overCap) == Self.damaged(4, Self.step, at: end,
            .length(StepLogFormat.maxStepBodyBytes + 1, cap: StepLogFormat.maxStepBodyBytes), intact: 3))
    }

    /// A record laid out by hand from FORMAT.md's table with every setting spelled out,
    /// the quantile schedule (bit 4) and the keep ranking (bit 5) among them.
    @Test func aRecordWithEverySettingSpelledOut() throws {
        let (good, _) = try Self.threeSteps()
        var body: [UInt8] = [4, 0, 0, 0, 0x3F]
        body.appendLittleEndian(1e-3 as Double)
        body.appendLittleEndian(UInt32(5))
        body.appendLittleEndian(0.25 as Double)
        body += [0, 1, 1]  // paper schedule, quantile on its ramp, kept by reliability
        body.appendLittleEndian(Float(0.5))
        body.appendLittleEndian(Float(0.75))
        body += [88]  // [+1, −1, 0, 0, +1]
        let settings = StepSettings(density: 1e-3, samples: 5, rejectQuantile: 0.25, schedule: .paper,
                                    quantileSchedule: .ramp, keepBy: .reliability)
        let entry = StepLogEntry(step: 4, settings: settings, keptSigns: [1, -1, 0, 0, 1], loss: 0.5, batchAccuracy: 0.75)
        let previous = StepSettings(density: 2e-3, samples: 32, rejectQuantile: 0.5, schedule: .fixed)
        #expect(StepLogSection.stepBody(entry, previous: previous) == body)
        let log = try StepLog.decode(good + StepLogSection.frame(kind: .step, body: body), file: Self.file)
        #expect(log.lastEntry == entry)
    }

    @Test func weightsThatDoNotFitTheArchitecture() throws {
        let (good, offsets) = try Self.threeSteps()
        let small = TernaryModel(shape: ModelShape(hidden: [3]))
        let wrongShape = good + StepLogSection.frame(kind: .weights, body: StepLogSection.weightsBody(small, step: 3))
        #expect(Self.decodeError(wrongShape) == Self.damaged(4, Self.weights, at: offsets[3], .length(491, cap: 2591), intact: 3))
        let model = TernaryModel(shape: ModelShape(hidden: [16, 12]))
        let wrongStep = good + StepLogSection.frame(kind: .weights, body: StepLogSection.weightsBody(model, step: 2))
        #expect(Self.decodeError(wrongStep) == Self.damaged(4, Self.weights, at: offsets[3], .weightsStep(2, stepsDone: 3), intact: 3))
    }

    @Test func filesThatCannotBeRead() throws {
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let missing = StepLogFixtures.error { () throws(StepLogError) in _ = try StepLog.read(path: path) }
        #expect(missing == .io(file: path, problem: .system(.open, code: ENOENT)))
        let directory = (path as NSString).deletingLastPathComponent
        let isDirectory = StepLogFixtures.error { () throws(StepLogError) in _ = try StepLog.read(path: directory) }
        #expect(isDirectory == .io(file: directory, problem: .notRegularFile(.directory)))
        let fifo = directory + "/fifo.nstep"
        #expect(mkfifo(fifo, 0o600) == 0)
        let isFIFO = StepLogFixtures.error { () throws(StepLogError) in _ = try StepLog.read(path: fifo) }
        #expect(isFIFO == .io(file: fifo, problem: .notRegularFile(.fifo)))
    }

    /// A log followed by a gigabyte of holes (a sparse file, as a crash or `truncate -s`
    /// leaves) reads as the log plus a torn tail of zeros, without reading the holes:
    /// there is no cap on a log's size, and memory does not grow with it (the end-to-end
    /// tests measure that).
    @Test func aSparseTailOfAGigabyteIsATornTail() throws {
        let (good, _) = try Self.threeSteps()
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        try StepLogFixtures.write(good, to: path)
        #expect(truncate(path, off_t(good.count + (1 << 30))) == 0)
        let log = try StepLog.read(path: path)
        #expect(log.lastStep == 3 && log.tornBytes == 1 << 30 && log.fileBytes == good.count + (1 << 30))
    }
}
