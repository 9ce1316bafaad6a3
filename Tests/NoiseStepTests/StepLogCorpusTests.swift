import Foundation
import Testing
@testable import NoiseStep

/// The seed corpus in Corpus/: small valid step logs of every shape the format allows,
/// kept as files so that a change to the format that breaks old files shows up here, and
/// so the fuzz tests have something to mutate. The files without a prefix are format
/// version 1 (no data fingerprint), kept as they were written; `v2-` files are the
/// current version.
///
/// Regenerate the current version's files with
/// `NOISESTEP_WRITE_CORPUS=1 swift test --filter StepLogCorpusTests`.
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

    /// The current version's corpus files, built from one 8-step run whose settings
    /// change along the way (the version 1 files came from the same run by an earlier
    /// engine, whose steps differ).
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
        let header = try StepLogHeader.encode(options: options, dataFingerprint: StepLogFixtures.fingerprint, file: "corpus")
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
        _ = (threeSteps, fourth)  // the torn and three-step shapes are covered by the version 1 files
        return [
            "v2-log-settings-weights.nstep": header + records(run.entries[0 ..< 3]) + weights(3)
                + records(run.entries[0 ..< 6]).suffix(from: records(run.entries[0 ..< 3]).count) + weights(6),
            "v2-model-continued.nstep": header + weights(6) + records(run.entries[6 ..< 8]),
        ]
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["NOISESTEP_WRITE_CORPUS"] == "1"))
    func writeCorpus() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
        for (name, bytes) in try Self.build() {
            try Data(bytes).write(to: directory.appendingPathComponent(name), options: .atomic)
        }
    }

    @Test func theCorpusIsPresent() {
        #expect(Self.corpus().map(\.name) == ["log-3-steps.nstep", "log-settings-weights.nstep", "log-torn-tail.nstep",
                                               "model-continued.nstep", "model-step-6.nstep", "v2-log-settings-weights.nstep",
                                               "v2-model-continued.nstep"])
    }

    @Test func corpusFilesReadAsWritten() throws {
        let files = Dictionary(uniqueKeysWithValues: Self.corpus().map { ($0.name, $0.bytes) })
        func bytes(_ name: String) throws -> [UInt8] { try #require(files[name]) }
        func log(_ name: String) throws -> StepLog { try StepLog.decode(try bytes(name), file: name, verifying: true) }

        let three = try log("log-3-steps.nstep")
        #expect(three.lastStep == 3 && three.weightsSteps.isEmpty && three.tornBytes == 0 && three.version == 1)
        let torn = try log("log-torn-tail.nstep")
        #expect(try StepLog.entries(in: bytes("log-torn-tail.nstep")) == StepLog.entries(in: bytes("log-3-steps.nstep")))
        #expect(torn.tornBytes == 11)

        for name in ["log-settings-weights.nstep", "v2-log-settings-weights.nstep"] {
            let settings = try StepLog.entries(in: bytes(name))
            #expect(settings.map(\.samples) == [8, 8, 12, 12, 12, 12])
            #expect(settings.map(\.schedule) == [.fixed, .paper, .paper, .paper, .paper, .paper])
            #expect(settings.map(\.rejectQuantile) == [0.5, 0.5, 0.5, 0.5, 0.25, 0.25])
            if name == "log-settings-weights.nstep" {  // the version 1 files come from one run
                #expect(Array(settings.prefix(3)) == (try StepLog.entries(in: bytes("log-3-steps.nstep"))))
            }
            let read = try log(name)
            #expect(read.weightsSteps == [3, 6] && read.checkedWeights == 2)
        }
        #expect(try log("log-settings-weights.nstep").dataFingerprint == nil)
        #expect(try log("v2-log-settings-weights.nstep").dataFingerprint == StepLogFixtures.fingerprint)

        let model = try log("model-step-6.nstep"), settings = try log("log-settings-weights.nstep")
        #expect(model.startStep == 6 && model.records == 0 && model.latestModel == settings.latestModel)
        for name in ["model-continued.nstep", "v2-model-continued.nstep"] {
            let continued = try log(name)
            #expect(continued.startStep == 6 && continued.lastStep == 8)
            #expect(try StepLog.entries(in: bytes(name)).map(\.samples) == [12, 12])
            #expect(continued.latestModel == (try StepLog.decode(try bytes(name), file: name)).latestModel)
        }
    }

    @Test func theWriterStillWritesTheCorpusSections() throws {
        // The sections re-encoded from what was read are the stored bytes: the writer's
        // encoding has not drifted (the header's JSON may grow new options; not compared).
        for name in ["log-settings-weights.nstep", "v2-log-settings-weights.nstep"] {
            let stored = try #require(Self.corpus().first { $0.name == name }?.bytes)
            let log = try StepLog.decode(stored, file: name)
            var sections = [UInt8](), previous = StepSettings(log.options)
            for entry in try StepLog.entries(in: stored) {
                sections += StepLogSection.frame(kind: .step, body: StepLogSection.stepBody(entry, previous: previous))
                previous = entry.settings
                if log.weightsSteps.contains(entry.step) {
                    let model = try StepLog.decode(stored, file: name, through: entry.step).latestModel
                    sections += StepLogSection.frame(kind: .weights, body: StepLogSection.weightsBody(model, step: entry.step))
                }
            }
            #expect(Array(stored[log.headerBytes...]) == sections)
        }
    }
}
