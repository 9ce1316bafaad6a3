import Testing
@testable import NoiseStep

@Suite struct StepControlTests {
    @Test(arguments: [
        StepControl.step(1, StepSettings(density: 6e-5, samples: 128, rejectQuantile: 0.5, schedule: .paper)),
        StepControl.step(4_000_000_000, StepSettings(density: 0.3, samples: 65_536, rejectQuantile: 0, schedule: .fixed)),
        StepControl.step(7, StepSettings(density: 3.7e-6, samples: 512, rejectQuantile: 0.73, schedule: .paper,
                                         quantileSchedule: .ramp, keepBy: .reliability)),
        StepControl.stop(stepsDone: 0, weights: 0),
        StepControl.stop(stepsDone: 1500, weights: 0xDEAD_BEEF),
    ])
    func roundTrips(control: StepControl) {
        let bytes = control.encoded
        #expect(bytes.count == StepControl.byteCount)
        #expect(StepControl(decoding: bytes) == control)
    }

    @Test func refusesWhatItDoesNotWrite() {
        let good = StepControl.step(3, StepSettings(density: 1e-3, samples: 8, rejectQuantile: 0.5, schedule: .paper)).encoded
        #expect(StepControl(decoding: Array(good.dropLast())) == nil, "short")
        #expect(StepControl(decoding: [0] + good.dropFirst()) == nil, "unknown kind")
        // The density schedule, the quantile schedule and the keep ranking: the last three bytes.
        for (offset, name) in [(3, "density schedule"), (2, "quantile schedule"), (1, "keep ranking")] {
            var bad = good
            bad[StepControl.byteCount - offset] = 9
            #expect(StepControl(decoding: bad) == nil, "unknown \(name)")
        }
    }

    @Test func theStartMessageCarriesTheRunAndTheDataFingerprint() throws {
        let data = Fixtures.bands(count: 50)
        var options = TrainingOptions.paper
        options.hidden = [16]
        options.batch = 64
        let trainer = try Trainer(options: options, training: data)
        for _ in 0 ..< 3 { _ = trainer.step() }
        let decoded = try #require(RunStart.decode(RunStart.encode(trainer)))
        #expect(decoded.fingerprint == DataFingerprint(data))
        #expect(decoded.start.options == trainer.options)
        #expect(decoded.start.lastStep == 3)
        #expect(decoded.start.latestModel == trainer.model)
        #expect(RunStart.decode(Array(try RunStart.encode(trainer).prefix(40))) == nil)
    }
}
