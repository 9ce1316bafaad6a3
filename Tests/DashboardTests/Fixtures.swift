@testable import Dashboard
import NoiseStep

/// Small synthetic sessions for rendering tests.
enum Fixtures {
    /// A 784 → 4 → 10 model with every parameter zero.
    static let model = TernaryModel(shape: ModelShape(widths: [784, 4, 10]))
    /// A 784 → 16 → 10 model with seeded weights, whose output depends on its input.
    static let seededModel = TernaryModel(shape: ModelShape(widths: [784, 16, 10]), seed: 3)

    /// The settings of step `step` of `history(steps:)`: the paper schedule's first drop
    /// after step 20.
    static func settings(step: Int) -> StepSettings {
        StepSettings(density: step <= 20 ? 6e-5 : 1.5e-5, samples: 128, rejectQuantile: 0.5, schedule: .paper)
    }

    /// `count` steps whose loss falls from 2.3 and whose accuracies rise, validation on
    /// every fourth step, the density dropping after step 20.
    /// (The engine's history keeps only its newest records; `records(steps:)` has all.)
    static func history(steps count: Int) -> RunHistory {
        var history = RunHistory()
        for record in records(steps: count) { history.append(record) }
        return history
    }

    /// The records of `history(steps:)`, every one.
    static func records(steps count: Int) -> [StepRecord] {
        (0 ..< max(0, count)).map { index in
            let step = index + 1
            let progress = Double(step - 1) / Double(max(1, count - 1))
            return StepRecord(step: step, loss: 2.3 - 1.8 * progress, batchAccuracy: 0.1 + 0.8 * progress,
                              validationAccuracy: step % 4 == 0 ? 0.1 + 0.7 * progress : nil,
                              acceptanceRate: step % 2 == 0 ? 0.5 : 0.25, weightsChanged: 10 * step,
                              sparsity: 0.33 + 0.01 * progress, settings: settings(step: step),
                              alignmentThreshold: 1e-3 * (1 - 0.5 * progress))
        }
    }

    /// 128 perturbations: 44 with α = 0, 20 rejected, 64 kept.
    static let spread = AlignmentSpread(threshold: 5e-4, bins: [2, 4, 6, 8, 30, 20, 10, 4], zeros: 44)

    static func snapshot(step: Int) -> TrainingSnapshot {
        TrainingSnapshot(step: step, loss: 0.5, batchAccuracy: 0.9, validationAccuracy: nil, kept: 64, samples: 128,
                         perturbedEntries: 1000, weightsChanged: 1234,
                         layers: [LayerStats(label: "784→4", parameters: 3140, zeros: 1000),
                                  LayerStats(label: "4→10", parameters: 50, zeros: 25)],
                         density: 1.5e-5, rejectQuantile: 0.5, schedule: .paper, alignment: .forward, seed: 7,
                         stepSeconds: 0.1, alignmentSpread: spread)
    }

    /// A validation split of 50 images per class, mostly right, 3 often taken for 5.
    static let confusion: ConfusionMatrix = {
        var counts = [Int](repeating: 0, count: 100)
        for truth in 0 ..< 10 {
            counts[truth * 10 + truth] = 45 - (truth == 3 ? 10 : 0)
            counts[truth * 10 + (truth + 1) % 10] = 5
            if truth == 3 { counts[3 * 10 + 5] = 10 }
        }
        return ConfusionMatrix(classes: 10, counts: counts)
    }()

    /// A session `steps` steps in (none: before the first step).
    static func state(steps: Int = 0, paused: Bool = false, target: Int = 1500, event: SessionEvent? = nil,
                      model: TernaryModel = model) -> SessionState {
        SessionState(snapshot: steps > 0 ? snapshot(step: steps) : nil, history: history(steps: steps),
                     isPaused: paused, settings: settings(step: steps + 1), targetStep: target, stepsDone: steps,
                     model: model, input: .binary, temperature: 8, recordingPath: "runs/r.nstep", event: event,
                     eventNumber: event == nil ? 0 : 1, stepsPerSecond: 12.5, elapsedSeconds: 3725,
                     confusion: steps > 0 ? confusion : nil, confusionStep: steps)
    }

    static let configuration: DashboardConfiguration = {
        var configuration = DashboardConfiguration(alignment: .reverse, seed: 3)
        configuration.validationDescription = "the 500-image held-out split"
        return configuration
    }()

    /// Draws with `draw` into a fresh canvas of `width` × `height` and returns its text.
    static func render(width: Int, height: Int, _ draw: (inout Canvas, Rect) -> Void) -> String {
        var canvas = Canvas(width: width, height: height)
        draw(&canvas, canvas.bounds)
        return canvas.text()
    }

    /// A whole screen.
    static func screen(_ state: SessionState, ui: DashboardUIState = DashboardUIState(),
                       configuration: DashboardConfiguration = configuration, width: Int, height: Int) -> Canvas {
        ScreenRenderer.render(state, ui: ui, configuration: configuration, width: width, height: height)
    }
}
