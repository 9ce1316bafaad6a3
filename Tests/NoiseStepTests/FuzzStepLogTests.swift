import Foundation
import PropertyBased
import Testing
@testable import NoiseStep

/// Hostile input: mutated corpus files either read, into a log that holds together, or
/// fail with a `StepLogError`; never a crash, a hang or a huge allocation.
@Suite struct FuzzStepLogTests {
    static let corpus = StepLogCorpusTests.corpus()

    /// The mutations, each chosen by `kind` and steered by `a`, `b` and `noise`.
    static func mutate(_ files: [[UInt8]], file: Int, kind: Int, a: UInt32, b: UInt32, noise: [UInt8]) -> [UInt8] {
        var bytes = files[file % files.count]
        let count = bytes.count, a = Int(a), b = Int(b)
        switch kind {
        case 0:  // flip a few bits
            for k in 0 ... b % 4 { bytes[(a &+ k &* 7919) % count] ^= 1 << UInt8((b >> 2 &+ k) % 8) }
        case 1:  // truncate
            bytes = Array(bytes.prefix(a % (count + 1)))
        case 2:  // overwrite with noise
            for (k, byte) in noise.enumerated() where a % count + k < count { bytes[a % count + k] = byte }
        case 3:  // insert noise
            bytes.insert(contentsOf: noise, at: a % (count + 1))
        case 4:  // splice the start of one file onto the end of another
            let other = files[b % files.count]
            bytes = Array(bytes.prefix(a % (count + 1))) + Array(other.suffix(from: (b >> 3) % (other.count + 1)))
        case 5:  // delete a run of bytes
            let start = a % count
            bytes.removeSubrange(start ..< min(count, start + 1 + b % 64))
        case 6:  // set a byte to a boundary value
            bytes[a % count] = [0x00, 0xFF, 0x80, 0x7F, 0x01, 0xF3][b % 6]
        default:  // noise after a valid magic and version
            bytes = Array(bytes.prefix(10)) + noise
        }
        return bytes
    }

    /// Recomputes every CRC that the (mutated) bytes' own lengths point at, so mutations
    /// reach the checks behind the CRCs: the options, the settings, the trits.
    static func fixChecksums(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        func uint32(at offset: Int) -> Int {
            (0 ..< 4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        func store(_ value: UInt32, at offset: Int) {
            for k in 0 ..< 4 { bytes[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
        }
        guard bytes.count >= 11 else { return bytes }
        var offset = 11 + Int(bytes[10])
        guard offset + 4 <= bytes.count else { return bytes }
        offset += 4 + uint32(at: offset)
        guard offset + 4 <= bytes.count else { return bytes }
        store(Checksum.crc32(bytes[..<offset]), at: offset)
        offset += 4
        while offset + 6 <= bytes.count {
            bytes[offset + 5] = Checksum.crc8(bytes[offset ..< offset + 5])
            let end = offset + 10 + uint32(at: offset + 1)
            guard end <= bytes.count else { break }
            store(Checksum.crc32(bytes[offset ..< end - 4]), at: end - 4)
            offset = end
        }
        return bytes
    }

    /// What any log that reads must satisfy; replays and verifies it when the model is small.
    static func checkInvariants(_ log: StepLog, bytes: [UInt8]) {
        #expect(log.fileBytes == bytes.count && log.tornBytes >= 0 && log.headerBytes + log.tornBytes <= log.fileBytes)
        #expect(log.lastStep == (log.lastEntry?.step ?? log.startStep) || log.weightsSteps.last == log.lastStep)
        #expect(log.latestModel.shape == log.shape)
        if let entries = try? StepLog.entries(in: bytes) {
            #expect(entries.count == log.records)
            for (index, entry) in entries.enumerated() {
                #expect(entry.step == log.startStep + index + 1)
                #expect(entry.keptSigns.count == entry.samples && entry.keptSigns.allSatisfy { $0 >= -1 && $0 <= 1 })
                #expect(entry.loss.isFinite && entry.batchAccuracy >= 0 && entry.batchAccuracy <= 1)
            }
        }
        if log.shape.parameterCount <= 100_000 {
            // Either every saved weights section agrees with the replay, and then the
            // verified log ends at the same model, or the first that disagrees is named.
            do throws(StepLogError) {
                let verified = try StepLog.decode(bytes, file: "fuzz.nstep", verifying: true)
                #expect(verified.latestModel == log.latestModel)
            } catch {
                guard case .weightsMismatch(_, let step) = error else {
                    Issue.record("verifying threw \(error)")
                    return
                }
                #expect(log.weightsSteps.contains(step))
            }
        }
    }

    /// Reads `bytes`; a `StepLogError` is a fine outcome.
    static func readOrFail(_ bytes: [UInt8]) {
        do throws(StepLogError) {
            checkInvariants(try StepLog.decode(bytes, file: "fuzz.nstep"), bytes: bytes)
        } catch {
            // Typed: any case is fine, as long as it names the file it read.
            if case .io = error { Issue.record("in-memory decoding reported I/O: \(error)") }
        }
    }

    @Test func mutatedCorpusFilesReadOrFailCleanly() async throws {
        let files = Self.corpus.map(\.bytes)
        try #require(!files.isEmpty)
        await propertyCheck(count: 600, input: Gen.int(in: 0 ... 99), Gen.int(in: 0 ... 7), Gen.uint32(), Gen.uint32(),
                            Gen.uint8().array(of: 0 ... 40), Gen.bool) { file, kind, a, b, noise, fix in
            let mutated = Self.mutate(files, file: file, kind: kind, a: a, b: b, noise: noise)
            Self.readOrFail(fix ? Self.fixChecksums(mutated) : mutated)
        }
    }

    @Test func everySingleBitFlipIsAnError() throws {
        for (name, original) in Self.corpus where !name.contains("torn") && original.count < 1200 {
            for bit in 0 ..< original.count * 8 {
                var bytes = original
                bytes[bit / 8] ^= 1 << UInt8(bit % 8)
                let error = StepLogFixtures.error { () throws(StepLogError) in _ = try StepLog.decode(bytes, file: name) }
                #expect(error != nil, "\(name): flipping bit \(bit) went unnoticed")
            }
        }
    }

    @Test func everyTruncationReadsAPrefixOfTheSteps() throws {
        for (name, original) in Self.corpus {
            let full = try StepLog.decode(original, file: name)
            let fullEntries = try StepLog.entries(in: original)
            var lastSteps = -1
            for cut in 0 ... original.count {
                let prefix = Array(original.prefix(cut))
                guard cut >= full.headerBytes else {
                    #expect(StepLogFixtures.error { () throws(StepLogError) in _ = try StepLog.decode(prefix, file: name) } != nil)
                    continue
                }
                let log = try StepLog.decode(prefix, file: name)
                let entries = try StepLog.entries(in: prefix)
                #expect(entries == Array(fullEntries.prefix(entries.count)) && entries.count == log.records, "\(name) cut at \(cut)")
                #expect(entries.count >= lastSteps)
                lastSteps = entries.count
            }
            #expect(lastSteps == fullEntries.count)
        }
    }

    @Test func randomBytesAreRefused() async {
        await propertyCheck(count: 300, input: Gen.uint8().array(of: 0 ... 600)) { bytes in
            Self.readOrFail(bytes)
            Self.readOrFail(StepLogFormat.magic + [1, 0] + bytes)
        }
    }
}
