import Testing
@testable import NoiseStep

/// Issue 17, cause 2: a model file carries the settings its run had reached, so training
/// from it is the run; one that does not (an older noisestep's) is marked as a new leg.
@Suite struct ModelFileResumeTests {
    /// A 10-step run whose settings change twice, as the dashboard's keys change them.
    static func run() throws -> (options: TrainingOptions, entries: [StepLogEntry], models: [TernaryModel]) {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 10) { step, trainer in
            if step == 3 { try trainer.adjust { $0.samples = 48; $0.rejectQuantile = 0.3 } }
            if step == 5 { try trainer.adjust { $0.density *= 1.25 } }
        }
        return (options, run.entries, run.models)
    }

    /// Training on from a model file of step `step`, to step 10.
    static func continued(_ bytes: [UInt8]) throws -> (trainer: Trainer, log: StepLog) {
        let log = try StepLog.decode(bytes, file: "model.nstep", verifying: true)
        let trainer = try Trainer(resuming: log, training: StepLogFixtures.data, threads: 1)
        while trainer.stepsDone < 10 { _ = trainer.step() }
        return (trainer, log)
    }

    /// From every step after the last change of settings (a model file of an earlier
    /// step cannot know of later key presses).
    @Test(arguments: [5, 6, 9, 10])
    func trainingFromAModelFileContinuesItsRun(step: Int) throws {
        let run = try Self.run()
        let log = try StepLog.decode(ModelFile.bytes(of: run.models[10], step: 10, options: run.options,
                                                     entries: run.entries, settings: nil, file: "run.nstep"),
                                     file: "run.nstep", through: step)
        let model = try ModelFile.bytes(of: log.latestModel, step: step, options: run.options, settings: log.resumeSettings,
                                        file: "model.nstep")
        let (trainer, opened) = try Self.continued(model)
        #expect(opened.startSettings == log.resumeSettings && opened.resumeSettings == log.resumeSettings)
        #expect(trainer.model == run.models[10], "the weights of the uninterrupted run")
        #expect(!StepLogSummary(log: opened, model: opened.latestModel).newLeg)
    }

    @Test func aModelFileWithoutSettingsIsANewLeg() throws {
        let run = try Self.run()
        let log = try StepLog.decode(ModelFile.bytes(of: run.models[10], step: 10, options: run.options,
                                                     entries: run.entries, settings: nil, file: "run.nstep"),
                                     file: "run.nstep", through: 6)
        let bare = try ModelFile.bytes(of: log.latestModel, step: 6, options: run.options, settings: nil, file: "old.nstep")
        let (trainer, opened) = try Self.continued(bare)
        #expect(opened.startSettings == nil && opened.resumeSettings == nil)
        #expect(trainer.model != run.models[10], "the header's settings are not the ones the run had reached")
        #expect(StepLogSummary(log: opened, model: opened.latestModel).newLeg)
        #expect(StepLogSummary(log: log, model: log.latestModel).newLeg == false)
    }

    /// The section stores settings with the records' own encoding, against the header's,
    /// and an older reader (which skips optional kinds) reads the same records.
    @Test func theSettingsSectionIsOptionalAndLaidOutAsFormatMdSays() throws {
        let options = StepLogFixtures.options()
        var settings = StepSettings(options)
        settings.samples = 40
        let bytes = try ModelFile.bytes(of: TernaryModel(shape: Limits.check(options), seed: options.seed), step: 0,
                                        options: options, settings: settings, file: "m.nstep")
        let section = Array(bytes.suffix(6 + 4 + 1 + 4 + 4))
        #expect(section[0] == 0xCE && SectionKind.isOptional(section[0]))
        #expect(Array(section[1 ..< 5]) == [9, 0, 0, 0] && Array(section[6 ..< 10]) == [0, 0, 0, 0])
        #expect(section[10] == 1 << 1 && Array(section[11 ..< 15]) == [40, 0, 0, 0], "flags: samples only")
        #expect(try StepLog.decode(bytes, file: "m.nstep").resumeSettings == settings)
    }
}
