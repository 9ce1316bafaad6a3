import Testing
@testable import NoiseStep

@Suite struct GzipTests {
    @Test func magicDetection() {
        #expect(Gzip.isCompressed([0x1F, 0x8B, 8]))
        #expect(!Gzip.isCompressed([0x1F]))
        #expect(!Gzip.isCompressed([0, 0, 8, 3]))
    }

    @Test func realDeflateStream() throws {
        #expect(try Gzip.decompress(IDXFixtures.realGzip, limit: 1000, name: "r.gz") == IDXFixtures.realGzipContent)
    }

    @Test func storedBlocksRoundTrip() throws {
        let payload = IDXFixtures.samplePixels(count: 300)  // 235,200 bytes, four stored blocks
        #expect(try Gzip.decompress(IDXFixtures.gzip(payload), limit: 1 << 20, name: "s.gz") == payload)
        #expect(try Gzip.decompress(IDXFixtures.gzip([]), limit: 0, name: "e.gz") == [])
    }

    @Test func concatenatedMembers() throws {
        let joined = IDXFixtures.gzip([1, 2, 3]) + IDXFixtures.realGzip + IDXFixtures.gzip([4])
        #expect(try Gzip.decompress(joined, limit: 1000, name: "c.gz") == [1, 2, 3] + IDXFixtures.realGzipContent + [4])
    }

    @Test func limitIsEnforced() throws {
        let payload = [UInt8](repeating: 7, count: 5000)
        #expect(try Gzip.decompress(IDXFixtures.gzip(payload), limit: 5000, name: "ok.gz") == payload)
        let error = expectDataError { () throws(DataError) in
            _ = try Gzip.decompress(IDXFixtures.gzip(payload), limit: 4999, name: "big.gz")
        }
        #expect(error == .tooLarge(file: "big.gz", limitBytes: 4999))
    }

    @Test func lyingSizeTrailerIsHarmless() throws {
        var member = IDXFixtures.gzip([5, 6, 7])
        member.replaceSubrange(member.count - 4 ..< member.count, with: [0xFF, 0xFF, 0xFF, 0xFF])
        let error = expectDataError { () throws(DataError) in
            _ = try Gzip.decompress(member, limit: 1 << 29, name: "l")
        }
        #expect(error == .corruptGzip(file: "l", problem: .damaged(code: -3, message: "incorrect length check")))
    }

    /// Zero bytes after the last member are padding, as gunzip (and tar) treat them.
    @Test func trailingZeroPaddingIsAccepted() throws {
        for padding in [1, 2, 512, 10_000] {
            let padded = IDXFixtures.realGzip + [UInt8](repeating: 0, count: padding)
            #expect(try Gzip.decompress(padded, limit: 1000, name: "p.gz") == IDXFixtures.realGzipContent)
        }
        let joined = IDXFixtures.gzip([1, 2]) + [0, 0, 0]
        #expect(try Gzip.decompress(joined, limit: 1000, name: "p.gz") == [1, 2])
    }

    @Test func truncatedStream() {
        for cut in 1..<IDXFixtures.realGzip.count {
            let error = expectDataError { () throws(DataError) in
                _ = try Gzip.decompress(Array(IDXFixtures.realGzip.prefix(cut)), limit: 1000, name: "t.gz")
            }
            guard case .corruptGzip(file: "t.gz", problem: _) = error else {
                Issue.record("cut at \(cut): expected corruptGzip, got \(String(describing: error))")
                continue
            }
        }
        let empty = expectDataError { () throws(DataError) in _ = try Gzip.decompress([], limit: 10, name: "z") }
        #expect(empty.map { if case .corruptGzip(file: "z", problem: _) = $0 { true } else { false } } == true)
    }

    @Test func trailingGarbageIsRejected() {
        let error = expectDataError { () throws(DataError) in
            _ = try Gzip.decompress(IDXFixtures.realGzip + [0, 1, 2], limit: 1000, name: "g.gz")
        }
        #expect(error == .corruptGzip(file: "g.gz", problem: .trailingBytes(count: 3)))
    }

    @Test func badChecksumIsRejected() {
        var damaged = IDXFixtures.gzip([1, 2, 3, 4])
        damaged[16] ^= 1
        let error = expectDataError { () throws(DataError) in _ = try Gzip.decompress(damaged, limit: 100, name: "b") }
        #expect(error == .corruptGzip(file: "b", problem: .damaged(code: -3, message: "incorrect data check")))
    }

    @Test func randomMutationsNeverCrashOrHang() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let original = IDXFixtures.realGzip
        var failures = 0
        for _ in 0..<3000 {
            var mutated = original
            for _ in 0...(next() % 3) {
                mutated[10 + next() % (mutated.count - 10)] = UInt8(truncatingIfNeeded: next())
            }
            do { _ = try Gzip.decompress(mutated, limit: 4096, name: "m") } catch { failures += 1 }
        }
        #expect(failures > 0)
    }
}
