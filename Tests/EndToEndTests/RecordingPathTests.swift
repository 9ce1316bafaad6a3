import Foundation
import NoiseStep
import Testing
@testable import noisestep

/// The dashboard's recordings never replace a file, and the command line words engine
/// errors on one line with what came from outside escaped.
@Suite struct RecordingPathTests {
    static let small = ["--steps", "3", "--batch", "64", "--samples", "16", "--hidden", "32"]

    @Test func sessionsStartedInTheSameSecondGetTheirOwnFiles() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runs = scratch.path("runs"), started = Date(timeIntervalSince1970: 1_700_000_000)
        let options = try DashboardCommand.parse(Self.small).arguments.trainingOptions()
        let fingerprint = DataFingerprint(Dataset(pixels: [UInt8](repeating: 0, count: 784), labels: [3]))
        func record() throws -> StepLogWriter {
            try DashboardCommand.newRecording(options: options, dataFingerprint: fingerprint, directory: runs, started: started)
        }
        let first = try record()
        let stem = String(first.path.dropLast(".nstep".count))
        #expect(first.path.hasPrefix(runs + "/") && first.path.hasSuffix("-seed0.nstep"))
        try Data("notes".utf8).write(to: URL(fileURLWithPath: stem + "-2.nstep"))
        let second = try record(), third = try record()
        #expect(second.path == stem + "-3.nstep" && third.path == stem + "-4.nstep")
        #expect(try String(contentsOfFile: stem + "-2.nstep", encoding: .utf8) == "notes", "a taken name is skipped, not replaced")
        _ = (first, second, third)
    }

    @Test func theDashboardsOutNeverReplacesARunUnforced() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let data = try DataSource.load(directory: nil)
        let log = scratch.path("run.nstep")
        _ = try DashboardCommand.parse(Self.small + ["--out", log]).makeDriver(data)
        let before = scratch.bytes("run.nstep")
        #expect(throws: StepLogError.io(file: log, problem: .exists(.stepLog))) {
            try DashboardCommand.parse(Self.small + ["--out", log]).makeDriver(data)
        }
        #expect(scratch.bytes("run.nstep") == before)
        _ = try DashboardCommand.parse(Self.small + ["--out", log, "--force"]).makeDriver(data)
        try scratch.write(Array("notes".utf8), to: "notes.txt")
        #expect(throws: StepLogError.io(file: scratch.path("notes.txt"), problem: .notReplaceable(expected: .stepLog))) {
            try DashboardCommand.parse(Self.small + ["--out", scratch.path("notes.txt"), "--force"]).makeDriver(data)
        }
    }

    /// Text from a file or the user is escaped; every message is one line.
    @Test func messagesEscapeWhatCameFromOutside() {
        let hostile = "x\n\u{1B}[2J\u{202E}"
        let errors: [any Error] = [
            StepLogError.wrongGenerator(file: "run\n.nstep", found: hostile, expected: "philox4x32-10"),
            StepLogError.invalidOptions(file: "r.nstep", problem: .unknownOption(hostile)),
            StepLogError.io(file: hostile, problem: .system(.open, code: ENOENT)),
            DataError.corruptGzip(file: hostile, problem: .damaged(code: -3, message: hostile)),
            DataError.missingFile(directory: hostile, expected: [hostile]),
        ]
        for error in errors {
            let message = ErrorMessages.describe(error)
            #expect(!message.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{202E}" },
                    "\(message)")
            #expect(message.contains("\\u{1B}[2J"), "\(message)")
        }
    }
}
