import Foundation
import Testing

/// Issue 17, cause 3: a file name that is not UTF-8 is the file it names, byte for byte,
/// from the command line to open(2), and is printed with its bytes escaped.
@Suite struct ByteNameTests {
    /// The names in `folder` as raw bytes (Foundation would repair them).
    static func rawNames(in folder: String) -> Set<[UInt8]> {
        guard let stream = opendir(folder) else { return [] }
        defer { closedir(stream) }
        var names = Set<[UInt8]>()
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name != Array(".".utf8) && name != Array("..".utf8) { names.insert(name) }
        }
        return names
    }

    /// Whether this process may make a mount namespace (root, outside a locked container).
    static let canUnshare: Bool = {
        guard let scratch = try? Scratch() else { return false }
        defer { scratch.remove() }
        return (try? scratch.shell("unshare -m true").status) == 0
    }()

    static let small = "--steps 2 --batch 64 --samples 16 --hidden 32 --eval-every 0"

    @Test func aNameThatIsNotUTF8IsKeptByteForByte() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // printf makes the bytes: the test process's own arguments could not carry them.
        let first = try scratch.shell("\"$NOISESTEP\" train \(Self.small) --out \"$(printf '\\376.nstep')\"")
        #expect(first.status == 0 && first.stdout.contains("model: \\xFE.nstep (2 steps)"), "\(first.stdout) \(first.stderr)")
        let fe = [0xFE] + Array(".nstep".utf8)
        #expect(Self.rawNames(in: scratch.directory.path) == [fe])
        // --force on another byte is another file: the first is not replaced.
        let second = try scratch.shell("\"$NOISESTEP\" train \(Self.small) --seed 3 --force --out \"$(printf '\\375.nstep')\"")
        #expect(second.status == 0 && second.stdout.contains("model: \\xFD.nstep"), "\(second.stdout) \(second.stderr)")
        #expect(Self.rawNames(in: scratch.directory.path) == [fe, [0xFD] + Array(".nstep".utf8)])
        let seeds = try scratch.shell("\"$NOISESTEP\" info --json \"$(printf '\\376.nstep')\" | grep '\"seed\"'")
        #expect(seeds.stdout.contains("\"seed\": 0"), "the first file is still the first run: \(seeds.stdout)")
        // A name that repairs to the same text as a file there names another file.
        try scratch.write(Array("not a log".utf8), to: "\u{FFFD}.nstep")
        let missing = try scratch.shell("\"$NOISESTEP\" info \"$(printf '\\377.nstep')\"")
        #expect(missing.status == 1 && missing.stderr == "noisestep: \\xFF.nstep: no such file or directory\n", "\(missing.stderr)")
        let info = try scratch.shell("\"$NOISESTEP\" info \"$(printf '\\376.nstep')\"")
        #expect(info.status == 0 && info.stdout.hasPrefix("\\xFE.nstep: 2 steps"), "\(info.stdout)")
    }

    /// What the argument parser quotes back is escaped too: an unknown option holding an
    /// escape sequence (or a byte that is not UTF-8) cannot drive the terminal.
    @Test func messagesQuotingTheCommandLineAreEscaped() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcome = try scratch.shell("\"$NOISESTEP\" train \"$(printf -- '--\\377\\033[31m')\"")
        #expect(outcome.status == 64 && outcome.stderr == "noisestep: Unknown option '--\\xFF\\u{1B}[31m'\n", "\(outcome.stderr)")
    }

    /// Without /proc the runtime cannot read the command line: the command is refused,
    /// never guessed (it used to run the default command, the dashboard, in its place).
    @Test(.enabled(if: canUnshare, "needs unshare"))
    func anUnreadableCommandLineIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcome = try scratch.shell("unshare -m sh -c 'umount -l /proc && exec \"$NOISESTEP\" train --steps 1 --out r.nstep'")
        #expect(outcome.status == 1 && outcome.stderr == "noisestep: cannot read the command line (is /proc mounted?)\n",
                "\(outcome.status) \(outcome.stderr)")
        #expect(!scratch.exists("r.nstep") && !scratch.exists("runs"))
    }
}
