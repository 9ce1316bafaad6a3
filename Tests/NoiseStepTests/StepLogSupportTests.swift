import Foundation
import Testing
@testable import NoiseStep

/// Small training runs and scratch files for the step-log tests.
enum StepLogFixtures {
    static let data = Fixtures.bands(count: 200)
    static let fingerprint = DataFingerprint(data)

    /// A small, quick run: 784 → hidden → 10, batch 100, dense enough perturbations that
    /// every step changes weights.
    static func options(hidden: [Int] = [16, 12], samples: Int = 32, seed: UInt64 = 11) -> TrainingOptions {
        var options = TrainingOptions()
        options.hidden = hidden
        options.batch = 100
        options.samples = samples
        options.density = 2e-3
        options.schedule = .fixed
        options.seed = seed
        options.threads = 1
        return options
    }

    /// A run of `steps` steps: its entries and the model before the first step and after
    /// each (`models[k]` after k steps). `adjust` may change the trainer's settings
    /// before each step (given the step about to run), as the dashboard does.
    static func train(_ options: TrainingOptions, steps: Int,
                      adjust: (Int, Trainer) throws -> Void = { _, _ in }) throws -> (entries: [StepLogEntry], models: [TernaryModel]) {
        let trainer = try Trainer(options: options, training: data)
        var entries = [StepLogEntry](), models = [trainer.model]
        for step in 1 ... steps {
            try adjust(step, trainer)
            entries.append(trainer.step().entry)
            models.append(trainer.model)
        }
        return (entries, models)
    }

    /// A new log of `options` at `path`, recording the fixture data's fingerprint.
    static func writer(_ path: String, _ options: TrainingOptions = options()) throws(StepLogError) -> StepLogWriter {
        try StepLogWriter(creating: path, options: options, dataFingerprint: fingerprint)
    }

    /// Continues the log at `path` on the fixture data.
    static func resume(_ path: String) throws(StepLogError) -> (writer: StepLogWriter, log: StepLog) {
        try StepLogWriter.resume(path: path, trainingData: fingerprint)
    }

    /// Every step record of the file at `path`.
    static func entries(of path: String) throws -> [StepLogEntry] { try StepLog.entries(in: bytes(of: path)) }

    /// A fresh path in a fresh scratch directory, removed by `removeScratch`.
    static func scratchPath(_ name: String = "run.nstep") -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("noisestep-steplog-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    static func removeScratch(_ path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    static func bytes(of path: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// The weights after `step` steps of the log in `bytes`, rebuilt from its steps.
    static func replay(_ bytes: [UInt8], to step: Int? = nil) throws -> TernaryModel {
        try StepLog.decode(bytes, file: "run.nstep", through: step, verifying: true).latestModel
    }

    /// The error `body` throws, or nil.
    static func error<Failure: Error>(_ body: () throws(Failure) -> Void) -> Failure? {
        do throws(Failure) {
            try body()
            return nil
        } catch {
            return error
        }
    }
}

/// The problem `body` throws, or nil.
func fileProblem(_ body: () throws(FileProblem) -> Void) -> FileProblem? {
    do throws(FileProblem) {
        try body()
        return nil
    } catch {
        return error
    }
}

@Suite struct StepLogSupportTests {
    @Test func trainingFixtureChangesWeightsEveryStep() throws {
        let run = try StepLogFixtures.train(StepLogFixtures.options(), steps: 3)
        #expect(run.entries.map(\.step) == [1, 2, 3])
        for step in 1 ... 3 { #expect(run.models[step] != run.models[step - 1]) }
    }
}

extension StepLog {
    /// Every step record of the log in `bytes`, in order, all held at once: for tests, not
    /// for logs of unbounded length.
    static func entries(in bytes: [UInt8], file: String = "log") throws(StepLogError) -> [StepLogEntry] {
        let source = LogSource(bytes: bytes)
        var scanner = SectionScanner(file: file, header: try readHeader(source, file: file), source: source)
        var entries = [StepLogEntry]()
        while let section = try scanner.next() {
            if case .step(let entry) = section.content { entries.append(entry) }
        }
        return entries
    }
}
