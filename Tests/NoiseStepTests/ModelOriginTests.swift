import Foundation
import Testing
@testable import NoiseStep

/// Adam-STE model files: the origin section after their weights, read back, refused where
/// the weights cannot be continued, and damage in it named like any other section's.
@Suite struct ModelOriginTests {
    static let settings: AdamSettings = {
        var settings = AdamSettings(learningRate: 0.002)
        settings.beta2 = 0.99
        return settings
    }()

    /// An Adam-STE model file of a few steps, written to a scratch path.
    static func adamModel(steps: Int = 3) throws -> (path: String, model: TernaryModel) {
        let options = StepLogFixtures.options()
        let trainer = try AdamSTETrainer(options: options, training: StepLogFixtures.data, settings: settings)
        for _ in 0 ..< steps { _ = trainer.step() }
        let path = StepLogFixtures.scratchPath("adam.nstep")
        try ModelFile.write(trainer.model, step: steps, options: options, dataFingerprint: StepLogFixtures.fingerprint,
                            settings: nil, origin: .adamSTE(settings), to: path, existing: .refuse)
        return (path, trainer.model)
    }

    @Test func theOriginIsReadBackWithTheWeights() throws {
        let (path, model) = try Self.adamModel()
        defer { StepLogFixtures.removeScratch(path) }
        let log = try StepLog.read(path: path, verifying: true)
        #expect(log.origin == .adamSTE(Self.settings) && log.origin?.optimizer == .adamSTE)
        #expect(log.latestModel == model && log.lastStep == 3 && log.records == 0 && log.dataFingerprint != nil)
        #expect(try ModelFile.load(path).model == model)
        #expect(try ModelExport.load(path, producer: "test").provenance.optimizer == .adamSTE)
        let bytes = StepLogFixtures.bytes(of: path)
        let origin = bytes.count - 10 - ModelOrigin.bodyBytes
        #expect(bytes[origin] == 0x80 && Array(bytes[(origin + 6)...].prefix(2)) == [1, 0xFC])  // code 1, then 0.002's low byte
        #expect(try StepLog.read(path: path).origin == .adamSTE(Self.settings), "without verifying too")
    }

    @Test func aRunsLogAndAReplayedModelHaveNoOrigin() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 2)
        let bytes = try ModelFile.bytes(of: run.models[2], step: 2, options: options, entries: run.entries, settings: nil,
                                       file: "r.nstep")
        #expect(try StepLog.decode(bytes, file: "r.nstep").origin == nil)
        #expect(try ModelExport.load(Self.write(bytes), producer: "test").provenance.optimizer == .noiseStep)
    }

    static func write(_ bytes: [UInt8]) throws -> String {
        let path = StepLogFixtures.scratchPath("log.nstep")
        try StepLogFixtures.write(bytes, to: path)
        return path
    }

    @Test func anAdamModelIsNotResumedNorWrittenWithSteps() throws {
        let (path, _) = try Self.adamModel()
        defer { StepLogFixtures.removeScratch(path) }
        let before = StepLogFixtures.bytes(of: path)
        #expect(StepLogFixtures.error { () throws(StepLogError) in _ = try StepLogFixtures.resume(path) }
            == .notResumable(file: path, origin: .adamSTE(Self.settings)))
        #expect(StepLogFixtures.bytes(of: path) == before)
        let run = try StepLogFixtures.train(StepLogFixtures.options(), steps: 1)
        #expect(StepLogFixtures.error { () throws(StepLogError) in
            try ModelFile.write(run.models[1], step: 1, options: StepLogFixtures.options(), entries: run.entries,
                                settings: nil, origin: .adamSTE(Self.settings), to: path + ".2")
        } == .cannotAppend(file: path + ".2", problem: .misplacedOrigin))
        // A model file is never over another without `.replace`, never over a run even with it.
        #expect(StepLogFixtures.error { () throws(StepLogError) in
            try ModelFile.write(run.models[1], step: 1, options: StepLogFixtures.options(), settings: nil, to: path,
                                existing: .refuse)
        } == .io(file: path, problem: .exists(.modelFile)))
    }

    /// The origin describes the opening weights: anywhere else it is damage; its code and
    /// settings are checked.
    @Test func aMisplacedOrUnknownOriginIsDamage() throws {
        let (path, _) = try Self.adamModel()
        defer { StepLogFixtures.removeScratch(path) }
        let bytes = StepLogFixtures.bytes(of: path)
        let originStart = bytes.count - 10 - ModelOrigin.bodyBytes
        let origin = Array(bytes[originStart...]), weights = Array(bytes[..<originStart])
        let headerEnd = weights.count - (10 + StepLogSection.weightsBodyLength(ModelShape(hidden: [16, 12])))
        let moved = Array(weights[..<headerEnd]) + origin + weights[headerEnd...]
        func problem(_ bytes: [UInt8]) -> SectionProblem? {
            guard case .damagedSection(_, _, _, _, let problem, _)? = StepLogFixtures.error({ () throws(StepLogError) in
                _ = try StepLog.decode(bytes, file: "a.nstep")
            }) else { return nil }
            return problem
        }
        #expect(problem(moved) == .misplacedOrigin)
        #expect(problem(bytes + origin) == .misplacedOrigin, "a second one")
        var unknown = origin
        unknown[6] = 2
        #expect(problem(weights + Self.reframed(unknown)) == .unknownOrigin(2))
        var infinite = origin
        for k in 0 ..< 8 { infinite[7 + k] = k == 7 ? 0x7F : (k == 6 ? 0xF0 : 0) }  // +inf learning rate
        #expect(problem(weights + Self.reframed(infinite)) == .invalidOrigin)
        #expect(problem(weights + Self.reframed(Array(origin.dropLast(5)) + [0, 0, 0, 0])) != nil, "a short body")
    }

    /// `section` with its CRC-8 and CRC-32 made right for its (edited) bytes and length.
    static func reframed(_ section: [UInt8]) -> [UInt8] {
        StepLogSection.frame(kind: SectionKind(rawValue: section[0])!, body: Array(section[6 ..< section.count - 4]))
    }
}
