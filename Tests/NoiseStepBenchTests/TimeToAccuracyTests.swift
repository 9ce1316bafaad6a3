import Testing
import NoiseStep
@testable import NoiseStepBench

/// `bench --time-to`: where a run stops, what it counts, and the text it prints.
@Suite struct TimeToAccuracyTests {
    /// Two classes a small MLP tells apart in a few dozen steps: class 0 inks the top half
    /// of the image, class 1 the bottom half.
    static func halves(count: Int) -> Dataset {
        var pixels = [UInt8](repeating: 0, count: count * Dataset.pixelsPerImage)
        for index in 0 ..< count {
            let rows = index % 2 == 0 ? 2 ..< 12 : 16 ..< 26
            for row in rows { for column in 6 ..< 22 { pixels[index * 784 + row * 28 + column] = 200 } }
        }
        return Dataset(pixels: pixels, labels: (0 ..< count).map { UInt8($0 % 2) })
    }

    static func options() -> TrainingOptions {
        var options = TrainingOptions()
        options.hidden = [16]
        options.batch = 64
        options.samples = 16
        options.density = 5e-4
        options.schedule = .fixed
        options.threads = 1
        return options
    }

    @Test func stopsAtTheFirstCheckThatReachesTheTarget() throws {
        let data = Self.halves(count: 40)
        var measure = TimeToAccuracy(target: 1, threads: 1)
        (measure.checkEvery, measure.maxSteps) = (5, 400)
        let run = try measure.run(Trainer(options: Self.options(), training: data), validation: data)
        let step = try #require(run.step)
        #expect(step % 5 == 0 && run.checks == step / 5 && step > 5, "reached at step \(step)")
        #expect(run.accuracy == 1)
        // The check before it had not reached the target: replay the run to that step.
        let again = try Trainer(options: Self.options(), training: data)
        for _ in 0 ..< step - 5 { _ = again.step() }
        #expect(again.accuracy(on: data) < 1)
        #expect(run.trainingSeconds > 0 && run.trainingSeconds <= run.wallSeconds)
    }

    @Test func aTargetNeverReachedRunsToTheLimit() throws {
        let data = Self.halves(count: 40)
        // The same image with both labels: at most half of these can be right.
        let contradictory = data.subset([0, 0])
        let mixed = Dataset(pixels: contradictory.pixels, labels: [0, 1])
        var measure = TimeToAccuracy(target: 0.75, threads: 1)
        (measure.checkEvery, measure.maxSteps) = (10, 35)
        let run = try measure.run(AdamSTETrainer(options: Self.options(), training: data), validation: mixed)
        #expect(run.step == nil && run.optimizer == .adamSTE)
        #expect(run.checks == 4)  // steps 10, 20, 30 and the last, 35
        #expect(run.accuracy <= 0.5)
    }

    @Test func textNamesStepsTimesAndTargets() {
        func runs(_ optimizer: Optimizer, step: Int?, seconds: [Double]) -> [TimeToAccuracy.Run] {
            seconds.map { TimeToAccuracy.Run(optimizer: optimizer, step: step, accuracy: 0.94, trainingSeconds: $0,
                                             wallSeconds: $0 + 0.25, checks: (step ?? 6000) / 10) }
        }
        var result = TimeToAccuracy.Result(target: 0.94, checkEvery: 10, maxSteps: 6000, threads: 2,
                                           noiseStep: runs(.noiseStep, step: 630, seconds: [3.5, 3.4, 3.9]),
                                           adamSTE: runs(.adamSTE, step: 880, seconds: [12, 11.5, 12.5]))
        #expect(BenchTable.render(result) == """
            time to 94.0% on the bundled validation split: the mlp model with its default options, 2 threads, checked every 10 steps, medians of 3 rounds
                            reached   training   with checks   checks
              noise_step   step 630     3.50 s        3.75 s       63   target ≤ 10 s: met
              Adam + STE   step 880    12.00 s       12.25 s       88
              noise_step takes 0.29× Adam-STE's training time   target < 1×: met
              (training: the steps' own wall time, checks left out; with checks: the whole run)
            """)
        result.noiseStep = runs(.noiseStep, step: nil, seconds: [30])
        let text = BenchTable.render(result)
        #expect(text.contains("noise_step   not by step 6000") && text.contains("target ≤ 10 s: MISSED"))
        #expect(text.contains("did not reach it by step 6000   target < 1×: MISSED"))
    }

    /// Another model's figures stand without the MLP's targets, and the peer's Adam-STE
    /// comes beside ours.
    @Test func theConvModelsTextSetsThePeerBesideOurs() {
        func runs(_ optimizer: Optimizer, step: Int, seconds: Double) -> [TimeToAccuracy.Run] {
            [TimeToAccuracy.Run(optimizer: optimizer, step: step, accuracy: 0.97, trainingSeconds: seconds,
                                wallSeconds: seconds + 1, checks: step / 10)]
        }
        let result = TimeToAccuracy.Result(target: 0.97, checkEvery: 10, maxSteps: 6000, threads: 2, model: "conv",
                                           noiseStep: runs(.noiseStep, step: 700, seconds: 40),
                                           adamSTE: runs(.adamSTE, step: 300, seconds: 60),
                                           referenceAdamSTE: [.init(step: 250, accuracy: 0.972, trainingSeconds: 80)])
        #expect(BenchTable.render(result) == """
            time to 97.0% on the bundled validation split: the conv model with its default options, 2 threads, checked every 10 steps, medians of 1 round
                                    reached   training   with checks   checks
              noise_step           step 700    40.00 s       41.00 s       70
              Adam + STE           step 300    60.00 s       61.00 s       30
              PyTorch Adam + STE   step 250    80.00 s
              noise_step takes 0.67× Adam-STE's training time
              noise_step takes 0.50× the PyTorch peer's Adam-STE training time (same model, batch, shifts and split; its own random draws)
              (training: the steps' own wall time, checks left out; with checks: the whole run)
            """)
    }
}
