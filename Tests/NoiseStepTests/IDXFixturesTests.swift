import Foundation
import Testing
@testable import NoiseStep

/// Builders for IDX and gzip test fixtures, written from scratch in each test.
enum IDXFixtures {
    /// An IDX image file: header (magic, count, rows, columns) then `pixels`.
    static func images(count: Int, rows: Int = 28, columns: Int = 28, magic: UInt32 = 0x803,
                       pixels: [UInt8]? = nil) -> [UInt8] {
        var bytes = word(magic) + word(UInt32(count)) + word(UInt32(rows)) + word(UInt32(columns))
        bytes += pixels ?? samplePixels(count: count, rows: rows, columns: columns)
        return bytes
    }

    /// An IDX label file: header (magic, count) then `labels`.
    static func labels(_ labels: [UInt8], count: Int? = nil, magic: UInt32 = 0x801) -> [UInt8] {
        word(magic) + word(UInt32(count ?? labels.count)) + labels
    }

    /// Deterministic, varied pixel values.
    static func samplePixels(count: Int, rows: Int = 28, columns: Int = 28) -> [UInt8] {
        (0..<(count * rows * columns)).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ $0 / 784) }
    }

    static func sampleLabels(count: Int) -> [UInt8] {
        (0..<count).map { UInt8(($0 * 7) % 10) }
    }

    static func word(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// A valid gzip member holding `payload` in stored (uncompressed) deflate blocks.
    static func gzip(_ payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        var offset = 0
        repeat {
            let length = min(65_535, payload.count - offset)
            let final: UInt8 = offset + length == payload.count ? 1 : 0
            out.append(final)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += payload[offset ..< offset + length]
            offset += length
        } while offset < payload.count
        out += littleEndian(crc32(payload)) + littleEndian(UInt32(truncatingIfNeeded: payload.count))
        return out
    }

    static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }

    /// CRC-32 (IEEE, reflected), as gzip stores it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// A real deflate-compressed member (python3 gzip.compress, mtime 0) and its content.
    static let realGzip: [UInt8] = [
        31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 203, 203, 207, 44, 78, 141, 47, 46, 73, 45, 80, 40, 73, 45, 202, 75,
        44, 170, 84, 200, 35, 70, 8, 0, 242, 99, 233, 78, 56, 0, 0, 0,
    ]
    static let realGzipContent = Array("noise_step ternary noise_step ternary noise_step ternary".utf8)
}

/// A fresh temporary directory, removed when the value is released.
final class DataTestDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/noisestep-data-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `name` inside the directory and returns the full path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Writes a train (or test) image and label file pair; `.gz` names get gzip content.
    func writePair(images: [UInt8], labels: [UInt8], split: DataSplit = .train, gzip: Bool = false) throws {
        let suffix = gzip ? ".gz" : ""
        try write(split.imageFileName + suffix, gzip ? IDXFixtures.gzip(images) : images)
        try write(split.labelFileName + suffix, gzip ? IDXFixtures.gzip(labels) : labels)
    }
}

@Suite struct IDXFixturesTests {
    @Test func crcMatchesKnownValue() {
        #expect(IDXFixtures.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func storedGzipFixtureDecompresses() throws {
        let payload = IDXFixtures.samplePixels(count: 100)  // 78,400 bytes: two stored blocks
        #expect(try Gzip.decompress(IDXFixtures.gzip(payload), limit: 1 << 20, name: "x.gz") == payload)
    }
}
