import Foundation

/// A temporary folder for one test and the binary run inside it. Call `remove()` in a
/// `defer`, so the folder goes even when the test fails.
struct Scratch {
    let directory: URL

    init() throws { directory = try BinaryUnderTest.temporaryDirectory() }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Runs `noisestep arguments…` with this folder as its working directory.
    func run(_ arguments: [String]) throws -> BinaryUnderTest.Outcome {
        try BinaryUnderTest.run(arguments, directory: directory)
    }

    /// Runs `script` with /bin/sh in this folder; `$NOISESTEP` is the binary.
    func shell(_ script: String) throws -> BinaryUnderTest.Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NOISESTEP"] = BinaryUnderTest.path
        process.environment = environment
        return try Spawning.runToEnd(process, "sh -c \(script) to end")
    }

    /// Runs `noisestep arguments…` with its address space capped at `kibibytes` (`ulimit
    /// -v`): a command that allocates more than that aborts instead of finishing. A small
    /// run needs well under 256 MiB.
    func runCapped(_ arguments: [String], kibibytes: Int = 256 << 10) throws -> BinaryUnderTest.Outcome {
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try shell("ulimit -v \(kibibytes) && exec \"$NOISESTEP\" " + quoted.joined(separator: " "))
    }

    func bytes(_ name: String) -> [UInt8] { (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path(name))))) ?? [] }

    func write(_ bytes: [UInt8], to name: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: path(name))) }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
}

/// Surgery on step logs written by the binary, laid out from FORMAT.md, to make the
/// damaged files a person might meet.
enum LogSurgery {
    /// The offset where the first section starts (format version 2).
    static func headerEnd(_ bytes: [UInt8]) -> Int {
        let generator = Int(bytes[10])
        let optionsLength = word(bytes, at: 11 + generator)
        let fingerprint = Int(bytes[15 + generator + optionsLength])
        return 16 + generator + optionsLength + fingerprint + 4
    }

    /// The start of each section.
    static func sections(_ bytes: [UInt8]) -> [Int] {
        var offsets = [Int](), offset = headerEnd(bytes)
        while offset + 6 <= bytes.count {
            offsets.append(offset)
            offset += 10 + word(bytes, at: offset + 1)
        }
        return offsets
    }

    /// `bytes` with the section at `offset` claiming `length` bytes of body, its check byte right.
    static func settingLength(_ bytes: [UInt8], at offset: Int, to length: Int) -> [UInt8] {
        var bytes = bytes
        for k in 0 ..< 4 { bytes[offset + 1 + k] = UInt8(truncatingIfNeeded: length >> (8 * k)) }
        bytes[offset + 5] = crc8(bytes[offset ..< offset + 5])
        return bytes
    }

    /// `bytes` with the options JSON of the header replaced, the header's CRC right.
    static func replacingOptions(_ bytes: [UInt8], _ edit: (String) -> String) -> [UInt8] {
        let generator = Int(bytes[10]), end = headerEnd(bytes)
        let start = 15 + generator, length = word(bytes, at: 11 + generator)
        let json = Array(edit(String(decoding: bytes[start ..< start + length], as: UTF8.self)).utf8)
        var header = Array(bytes[..<(11 + generator)])
        for k in 0 ..< 4 { header.append(UInt8(truncatingIfNeeded: json.count >> (8 * k))) }
        header += json + bytes[(start + length) ..< (end - 4)]
        let crc = crc32(header)
        for k in 0 ..< 4 { header.append(UInt8(truncatingIfNeeded: crc >> (8 * UInt32(k)))) }
        return header + bytes[end...]
    }

    static func word(_ bytes: [UInt8], at offset: Int) -> Int {
        (0 ..< 4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }

    static func crc8(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var crc: UInt8 = 0
        for byte in bytes {
            crc ^= byte
            for _ in 0 ..< 8 { crc = crc & 0x80 != 0 ? (crc << 1) ^ 0x07 : crc << 1 }
        }
        return crc
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0 ..< 8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
