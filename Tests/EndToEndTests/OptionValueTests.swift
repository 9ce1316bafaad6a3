import Foundation
import Testing

/// Issue 17, weak spots: every numeric option of every command takes a negative value as
/// a value and refuses it in words (never "Missing value"); a thread count out of range
/// is refused alike everywhere; the bench runs one bench at a time, each with its own
/// options only.
@Suite struct OptionValueTests {
    /// Options that take a path, a name or a list of words, not a number.
    static let notNumbers: Set<String> = ["--data", "--out", "--resume", "--metrics", "--compare", "--schedule", "--input",
                                          "--alignment", "--optimizer", "--reference", "--model", "--stats", "--help",
                                          "--theme", "--layers", "--keep-by", "--quantile-schedule", "--candidate", "--arch"]
    /// What each command needs besides the option under test, to get as far as the option.
    static let commands: [(name: String, arguments: [String])] = [
        ("dashboard", []), ("train", []), ("eval", ["x.nstep"]), ("replay", ["x.nstep", "--out", "y.nstep"]), ("info", ["x.nstep"]),
        ("bench", []),
    ]

    /// The options `noisestep COMMAND --help` lists that take a value.
    static func valueOptions(of command: String) throws -> [String] {
        let help = try BinaryUnderTest.run([command, "--help"]).stdout
        return help.matches(of: /(--[a-z-]+) <[a-z-]+>/).map { String($0.output.1) }
    }

    @Test(arguments: commands)
    func aNegativeNumberIsAValueNotAMissingOne(command: (name: String, arguments: [String])) throws {
        let options = try Self.valueOptions(of: command.name).filter { !Self.notNumbers.contains($0) }
        #expect(command.name == "info" || !options.isEmpty, "the help lists the options")
        for option in Set(options) {
            let outcome = try BinaryUnderTest.run([command.name] + command.arguments + [option, "-1"], seconds: 60)
            #expect(outcome.status == 64 && !outcome.stderr.contains("Missing value") && outcome.stderr.contains(option),
                    "\(command.name) \(option) -1: \(outcome.status) \(outcome.stderr)")
            #expect(outcome.stderr.split(separator: "\n").count == 1, "one line: \(outcome.stderr)")
        }
    }

    @Test(arguments: commands.filter { $0.name != "info" && $0.name != "replay" })
    func aThreadCountOutOfRangeIsRefusedInWords(command: (name: String, arguments: [String])) throws {
        let outcome = try BinaryUnderTest.run([command.name] + command.arguments + ["--threads", "999"], seconds: 60)
        #expect(outcome.status == 64 && outcome.stderr == "noisestep: --threads: 999 is outside 0...256\n",
                "\(command.name): \(outcome.status) \(outcome.stderr)")
    }

    static let benches = [["--mpi"], ["--dashboard"], ["--dashboard-memory"], ["--time-to", "0.9"], ["--compare"],
                          ["--layers", "dense 10"]]

    @Test func oneBenchAtATime() throws {
        for (index, first) in Self.benches.enumerated() {
            for second in Self.benches[(index + 1)...] {
                let outcome = try BinaryUnderTest.run(["bench"] + first + second)
                #expect(outcome.status == 64 && outcome.stderr.contains("are separate benches"), "\(first) \(second): \(outcome.stderr)")
            }
        }
    }

    @Test func eachBenchTakesItsOwnOptionsOnly() throws {
        let owned: [(option: [String], bench: [String])] = [
            (["--compare-steps", "5"], ["--compare"]), (["--dashboard-steps", "5"], ["--dashboard"]),
            (["--check-every", "5"], ["--time-to", "0.9"]), (["--time-to-steps", "5"], ["--time-to", "0.9"]),
            (["--memory-steps", "5"], ["--dashboard-memory"]), (["--no-reference"], []),
            (["--arch", "conv"], ["--time-to", "0.9"]),
        ]
        for (option, bench) in owned {
            // The PyTorch peer runs beside the default bench, --compare, --layers and --time-to.
            let withPeer: [[String]] = [["--compare"], ["--layers", "dense 10"], ["--time-to", "0.9"]]
            for other in Self.benches + [[]] where other != bench && !(bench.isEmpty && withPeer.contains(other)) {
                let outcome = try BinaryUnderTest.run(["bench"] + other + option)
                #expect(outcome.status == 64 && outcome.stderr.contains("\(option[0]): belongs to"),
                        "\(other) \(option): \(outcome.stderr)")
            }
        }
        let zero = try BinaryUnderTest.run(["bench", "--dashboard", "--dashboard-steps", "0"])
        #expect(zero.status == 64 && zero.stderr.contains("--dashboard-steps: 0 is outside 1..."), "\(zero.stderr)")
    }
}
