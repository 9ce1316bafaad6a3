import Foundation
import Testing
@testable import NoiseStep

/// The seed corpus in Corpus/: small valid step logs of every shape the format allows,
/// kept as files so that a change to the format that breaks old files shows up here, and
/// so the fuzz tests have something to mutate.
///
/// Regenerate with `NOISESTEP_WRITE_CORPUS=1 swift test --filter StepLogCorpusTests`.
@Suite struct StepLogCorpusTests {
    /// The corpus files in the test bundle, by name, sorted.
    static func corpus() -> [(name: String, bytes: [UInt8])] {
        guard let directory = Bundle.module.url(forResource: "Corpus", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { $0.hasSuffix(".nstep") }.sorted().map {
            ($0, StepLogFixtures.bytes(of: directory.appendingPathComponent($0).path))
        }
    }

    static func corpusOptions() -> TrainingOptions {
        var options = StepLogFixtures.options(hidden: [4], samples: 8, seed: 5)
        options.batch = 50
        options.density = 0.01
        return options
    }

    /// The corpus, built from one 8-step run whose settings change along the way.
    static func build() throws -> [String: [UInt8]] {
        let options = corpusOptions()
        let run = try StepLogFixtures.train(options, steps: 8) { step, trainer in
            switch step {
            case 2: try trainer.adjust { $0.schedule = .paper }
            case 3: try trainer.adjust { $0.samples = 12 }
            case 4: try trainer.adjust { $0.density = 0.005 }
            case 5: try trainer.adjust { $0.rejectQuantile = 0.25 }
            default: break
            }
        }
        let header = try StepLogHeader.encode(options: options, file: "corpus")
        func records(_ entries: ArraySlice<StepLogEntry>) -> [UInt8] {
            var bytes = [UInt8](), previous = StepSettings(options)
            for entry in entries {
                bytes += StepLogSection.frame(kind: .step, body: StepLogSection.stepBody(entry, previous: previous))
                previous = entry.settings
            }
            return bytes
        }
        func weights(_ step: Int) -> [UInt8] {
            StepLogSection.frame(kind: .weights, body: StepLogSection.weightsBody(run.models[step], step: step))
        }
        let threeSteps = header + records(run.entries[0 ..< 3])
        let fourth = records(run.entries[0 ..< 4]).suffix(from: records(run.entries[0 ..< 3]).count)
        return [
            "log-3-steps.nstep": threeSteps,
            "log-torn-tail.nstep": threeSteps + fourth.prefix(11),
            "log-settings-weights.nstep": header + records(run.entries[0 ..< 3]) + weights(3)
                + records(run.entries[0 ..< 6]).suffix(from: records(run.entries[0 ..< 3]).count) + weights(6),
            "model-step-6.nstep": header + weights(6),
            "model-continued.nstep": header + weights(6) + records(run.entries[6 ..< 8]),
        ]
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["NOISESTEP_WRITE_CORPUS"] == "1"))
    func writeCorpus() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
        for (name, bytes) in try Self.build() {
            try AtomicFile.write(bytes, to: directory.appendingPathComponent(name).path)
        }
    }

    @Test func theCorpusIsPresent() {
        #expect(Self.corpus().map(\.name) == ["log-3-steps.nstep", "log-settings-weights.nstep", "log-torn-tail.nstep",
                                               "model-continued.nstep", "model-step-6.nstep"])
    }

    @Test func corpusFilesReadAsWritten() throws {
        let files = Dictionary(uniqueKeysWithValues: Self.corpus().map { ($0.name, $0.bytes) })
        func log(_ name: String) throws -> StepLog { try StepLog.decode(try #require(files[name]), file: name) }

        let three = try log("log-3-steps.nstep")
        #expect(three.lastStep == 3 && three.weights.isEmpty && three.tornBytes == 0)
        let torn = try log("log-torn-tail.nstep")
        #expect(torn.entries == three.entries && torn.tornBytes == 11)

        let settings = try log("log-settings-weights.nstep")
        #expect(settings.entries.map(\.samples) == [8, 8, 12, 12, 12, 12])
        #expect(settings.entries.map(\.schedule) == [.fixed, .paper, .paper, .paper, .paper, .paper])
        #expect(settings.entries.map(\.rejectQuantile) == [0.5, 0.5, 0.5, 0.5, 0.25, 0.25])
        #expect(settings.weights.map(\.step) == [3, 6])
        #expect(Array(settings.entries.prefix(3)) == three.entries)
        try settings.verifyWeights()

        let model = try log("model-step-6.nstep")
        #expect(model.startStep == 6 && model.entries.isEmpty && model.latestModel == settings.replay())
        let continued = try log("model-continued.nstep")
        #expect(continued.startStep == 6 && continued.lastStep == 8 && continued.entries.map(\.samples) == [12, 12])
        #expect(continued.latestModel == continued.replay())
    }

    @Test func theWriterStillWritesTheCorpusSections() throws {
        // The sections re-encoded from what was read are the stored bytes: the writer's
        // encoding has not drifted (the header's JSON may grow new options; not compared).
        let name = "log-settings-weights.nstep"
        let stored = try #require(Self.corpus().first { $0.name == name }?.bytes)
        let log = try StepLog.decode(stored, file: name)
        var sections = [UInt8](), previous = StepSettings(log.options)
        for entry in log.entries {
            sections += StepLogSection.frame(kind: .step, body: StepLogSection.stepBody(entry, previous: previous))
            previous = entry.settings
            for checkpoint in log.weights where checkpoint.step == entry.step {
                sections += StepLogSection.frame(kind: .weights, body: StepLogSection.weightsBody(checkpoint.model, step: entry.step))
            }
        }
        #expect(Array(stored[log.headerBytes...]) == sections)
    }
}
