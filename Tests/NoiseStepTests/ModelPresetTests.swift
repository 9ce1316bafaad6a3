import Testing
@testable import NoiseStep

/// The named models and the runs they start from.
@Suite struct ModelPresetTests {
    @Test func theMLPPresetIsTheDefaultRun() {
        #expect(ModelPreset.mlp.trainingOptions == TrainingOptions())
        #expect(ModelPreset.mlp.targetStep == RunPlan.defaultTargetStep)
    }

    /// The conv preset's options pass the rulebook, name its layers and ramp over its run.
    @Test func theConvPresetsRunIsWithinTheRules() throws {
        let options = ModelPreset.conv.trainingOptions
        try Limits.check(options)
        #expect(options.layers?.spec == ModelPreset.convSpec)
        #expect(options.ramp?.steps == ModelPreset.conv.targetStep)
        #expect(options.batchSize(atStep: 1) == 512 && options.batchSize(atStep: ModelPreset.conv.targetStep) == options.batch)
    }
}
