import Testing
@testable import NoiseStep

/// Paths are bytes: every byte string survives the trip through a `String`, and a path
/// that is UTF-8 is its usual string.
@Suite struct PathBytesTests {
    @Test func everyShortByteStringRoundTrips() {
        var failures = [[UInt8]]()
        for first in 0 ... 255 {
            for second in 0 ... 255 {
                let bytes = [UInt8(first), UInt8(second), 0x2E]
                if PathBytes.bytes(PathBytes.string(bytes)) != bytes { failures.append(bytes) }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test func longerSequencesRoundTrip() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x8F, 0xBF, 0xBE],
                                 [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0x80], [0xFF], [0x61]]
        for _ in 0 ..< 2000 {
            let bytes = (0 ..< Int.random(in: 0 ... 8, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            if PathBytes.bytes(PathBytes.string(bytes)) != bytes { Issue.record("\(bytes)") }
        }
    }

    @Test func utf8PathsAreThemselvesAndOtherBytesAreEscapes() {
        for text in ["run.nstep", "runs/€ü-😀.nstep", "", "a\u{10FF7F}b"] {
            #expect(PathBytes.string(Array(text.utf8)) == text && PathBytes.bytes(text) == Array(text.utf8))
        }
        #expect(PathBytes.string([0xFE, 0x2E]) == "\u{10FFFE}.")
        #expect(PathBytes.byte("\u{10FFFE}") == 0xFE && PathBytes.byte("a") == nil)
        // A valid scalar in the escape range is carried as its four bytes, each escaped.
        #expect(PathBytes.string(Array("\u{10FF80}".utf8)).unicodeScalars.map(\.value) == [0x10FFF4, 0x10FF8F, 0x10FFBE, 0x10FF80])
    }
}
