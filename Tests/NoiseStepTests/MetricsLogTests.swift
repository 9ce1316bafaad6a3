import Foundation
import Testing
@testable import NoiseStep

/// The metrics file: continued after the resumed step, never anything but a metrics file,
/// never the step log.
@Suite struct MetricsLogTests {
    /// Lines as `MetricsLine` writes them, padded so a file of 500 spans several of the
    /// 64 KiB pieces the trim reads.
    static func lines(_ steps: ClosedRange<Int>, run: RunIdentity = run) -> [UInt8] {
        Array(steps.map { "{\"step\":\($0),\"run\":\"\(run)\",\"loss\":2.5,\"pad\":\"\(String(repeating: "x", count: 150))\"}\n" }
            .joined().utf8)
    }

    static let run = RunIdentity(value: 0x0123_4567_89AB_CDEF)

    @Test func continuingKeepsTheLinesUpToTheResumedStep() throws {
        let path = StepLogFixtures.scratchPath("m.jsonl")
        defer { StepLogFixtures.removeScratch(path) }
        try StepLogFixtures.write(Self.lines(1 ... 500), to: path)
        let metrics = try MetricsLog(continuing: path, afterStep: 321, run: Self.run)
        metrics.close()
        #expect(StepLogFixtures.bytes(of: path) == Self.lines(1 ... 321) && metrics.lastStep == 321)
        // A torn last line (no newline) goes too, and a missing file is created.
        try StepLogFixtures.write(Self.lines(1 ... 3) + Array("{\"step\":4,\"lo".utf8), to: path)
        try MetricsLog(continuing: path, afterStep: 10, run: Self.run).close()
        #expect(StepLogFixtures.bytes(of: path) == Self.lines(1 ... 3))
        try FileManager.default.removeItem(atPath: path)
        try MetricsLog(continuing: path, afterStep: 10, run: Self.run).close()
        #expect(FileManager.default.fileExists(atPath: path) && StepLogFixtures.bytes(of: path).isEmpty)
    }

    @Test func aFileThatIsNotMetricsIsNeverCutNorReplaced() throws {
        let path = StepLogFixtures.scratchPath("r.nstep")
        defer { StepLogFixtures.removeScratch(path) }
        let log = StepLogFormat.magic + [1, 0, 13]
        try StepLogFixtures.write(log, to: path)
        let continuing = StepLogFixtures.error { () throws(MetricsError) in _ = try MetricsLog(continuing: path, afterStep: 0, run: Self.run) }
        #expect(continuing == .io(file: path, problem: .notReplaceable(expected: .metrics)))
        let creating = StepLogFixtures.error { () throws(MetricsError) in _ = try MetricsLog(creating: path, run: Self.run, existing: .replace) }
        #expect(creating == .io(file: path, problem: .notReplaceable(expected: .metrics)))
        #expect(StepLogFixtures.error { () throws(MetricsError) in _ = try MetricsLog(creating: path, run: Self.run) }
            == .io(file: path, problem: .exists(.metrics)))
        #expect(StepLogFixtures.bytes(of: path) == log)
    }

    @Test func theMetricsFileMayNotBeTheStepLog() throws {
        let folder = (StepLogFixtures.scratchPath() as NSString).deletingLastPathComponent
        defer { StepLogFixtures.removeScratch(folder + "/x") }
        let log = folder + "/r.nstep"
        let apart = { (metrics: String) in
            StepLogFixtures.error { () throws(MetricsError) in try MetricsLog.checkApart(metrics: metrics, log: log) }
        }
        #expect(apart(log) == .io(file: log, problem: .sameFile(as: log)))  // before either exists
        try StepLogFixtures.write(StepLogFormat.magic, to: log)
        #expect(link(log, folder + "/hard.jsonl") == 0 && symlink("r.nstep", folder + "/soft.jsonl") == 0)
        #expect(apart(folder + "/hard.jsonl") == .io(file: folder + "/hard.jsonl", problem: .sameFile(as: log)))
        #expect(apart(folder + "/soft.jsonl") == .io(file: folder + "/soft.jsonl", problem: .sameFile(as: log)))
        #expect(apart(folder + "/m.jsonl") == nil)
    }

    @Test func aMetricsFileBeingWrittenIsLocked() throws {
        let path = StepLogFixtures.scratchPath("m.jsonl")
        defer { StepLogFixtures.removeScratch(path) }
        let first = try MetricsLog(creating: path, run: Self.run)
        #expect(StepLogFixtures.error { () throws(MetricsError) in _ = try MetricsLog(continuing: path, afterStep: 0, run: Self.run) }
            == .io(file: path, problem: .locked))
        first.close()
        #expect(StepLogFixtures.error { () throws(MetricsError) in
            try MetricsLog.checkOpenable(path, existing: .refuse, continuing: nil)
        } == .io(file: path, problem: .exists(.metrics)))
        try MetricsLog.checkOpenable(path, existing: .replace, continuing: nil)
    }

    /// A step's metrics line is written before its record, so a run stopped between the
    /// two leaves the metrics one step ahead of the log (which a resume trims), never
    /// behind it (which nothing could fill in). Here the log refuses the record.
    @Test func aStepsMetricsLineIsWrittenBeforeItsRecord() throws {
        let options = StepLogFixtures.options()
        let log = StepLogFixtures.scratchPath("r.nstep"), path = StepLogFixtures.scratchPath("m.jsonl")
        defer { StepLogFixtures.removeScratch(log); StepLogFixtures.removeScratch(path) }
        let writer = try StepLogFixtures.writer(log, options)
        writer.close()  // every append now fails
        let driver = RunDriver(trainer: try Trainer(options: options, training: StepLogFixtures.data), validation: Dataset(pixels: [], labels: []),
                               plan: try RunPlan(targetStep: 3, evalEvery: 0), log: writer,
                               metrics: try MetricsLog(creating: path, run: Self.run))
        #expect(throws: RunError.recording(.writerFailed(file: log))) { try driver.step() }
        #expect(String(decoding: StepLogFixtures.bytes(of: path), as: UTF8.self).hasPrefix("{\"step\":1,"))
    }

    /// Issue 17, cause 1: a run continues only its own metrics file; another run's, or
    /// one whose lines name no run, is refused with nothing cut, before and when opened.
    @Test func anotherRunsMetricsAreNeverCut() throws {
        let path = StepLogFixtures.scratchPath("m.jsonl")
        defer { StepLogFixtures.removeScratch(path) }
        let other = RunIdentity(value: 42)
        let unnamed = Array("{\"step\":1,\"loss\":2.5}\n{\"step\":2,\"loss\":2.4}\n".utf8)
        for (contents, found) in [(Self.lines(1 ... 100, run: other), Optional(other)), (unnamed, nil),
                                  (Self.lines(1 ... 3) + Self.lines(4 ... 9, run: other), Optional(other))] {
            try StepLogFixtures.write(contents, to: path)
            let refusal = MetricsError.otherRun(file: path, found: found, run: Self.run)
            #expect(StepLogFixtures.error { () throws(MetricsError) in
                _ = try MetricsLog(continuing: path, afterStep: 20, run: Self.run)
            } == refusal)
            if contents.starts(with: Self.lines(1 ... 1, run: other)) || found == nil {
                #expect(StepLogFixtures.error { () throws(MetricsError) in
                    try MetricsLog.checkOpenable(path, existing: .refuse, continuing: Self.run)
                } == refusal)
            }
            #expect(StepLogFixtures.bytes(of: path) == contents)
        }
        #expect(MetricsLine.run(of: Self.lines(7 ... 7)[...]) == Self.run)
        #expect(RunIdentity("0123456789abcdef") == Self.run && RunIdentity("0123456789ABCDEF") == nil && "\(Self.run)" == "0123456789abcdef")
    }
}
