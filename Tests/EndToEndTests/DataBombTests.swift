import Foundation
import Testing

/// Issue 17, cause 4: a data set whose small compressed files inflate to hundreds of
/// MiB is refused while it inflates, holding a piece of a file at a time. The proof, as
/// for the rulebook's refusals: the command runs with its address space capped at
/// 256 MiB (`ulimit -v`), where holding what the files inflate to would abort it, and
/// still ends with its one-line message.
@Suite(.serialized) struct DataBombTests {
    /// `header` then `zeros` zero bytes, gzip-compressed (about 1 KB per MiB).
    static func bomb(_ name: String, header: [UInt8], zeros: Int, in scratch: Scratch) throws {
        let escaped = header.map { String(format: "\\%03o", $0) }.joined()
        let made = try scratch.shell("{ printf '\(escaped)'; head -c \(zeros) /dev/zero; } | gzip -1 > d/\(name)")
        #expect(made.status == 0, "\(made.stderr)")
    }

    static func word(_ value: Int) -> [UInt8] { (0 ..< 4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
    static func labels(_ count: Int) -> [UInt8] { [0, 0, 8, 1] + word(count) }
    static func images(_ count: Int) -> [UInt8] { [0, 0, 8, 3] + word(count) + word(28) + word(28) }

    @Test func bombsAreRefusedWhileTheyInflate() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let big = 684_784  // the most 28×28 images 512 MiB holds
        let cases: [(images: (header: [UInt8], zeros: Int), labels: (header: [UInt8], zeros: Int), message: String)] = [
            // The pair: 60,000 declared, 512 MiB inflated, each file.
            ((Self.images(60_000), 512 << 20), (Self.labels(60_000), 512 << 20), "train-images-idx3-ubyte.gz: 489830912 trailing bytes"),
            // Honest labels, images declaring as many but ending half-way: refused at the end, nothing kept.
            ((Self.images(big), 256 << 20), (Self.labels(big), big), "train-images-idx3-ubyte.gz: truncated"),
            // A header declaring more than the rulebook's 512 MiB a file: refused at the header.
            ((Self.images(700_000), 1 << 20), (Self.labels(700_000), 700_000), "too large: more than 536870912 bytes"),
        ]
        try FileManager.default.createDirectory(atPath: scratch.path("d"), withIntermediateDirectories: true)
        for (images, labels, message) in cases {
            try Self.bomb("train-images-idx3-ubyte.gz", header: images.header, zeros: images.zeros, in: scratch)
            try Self.bomb("train-labels-idx1-ubyte.gz", header: labels.header, zeros: labels.zeros, in: scratch)
            let outcome = try scratch.runCapped(["train", "--steps", "1", "--data", "d"])
            #expect(outcome.status == 1 && outcome.stderr.contains(message), "\(message): \(outcome.status) \(outcome.stderr)")
            #expect(outcome.stderr.split(separator: "\n").count == 1, "one line: \(outcome.stderr)")
        }
    }
}
