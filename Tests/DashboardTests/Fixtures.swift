@testable import Dashboard
import NoiseStep

/// Small synthetic sessions for rendering tests.
enum Fixtures {
    /// A 784 → 4 → 10 model with every parameter zero.
    static let model = TernaryModel(shape: ModelShape(widths: [784, 4, 10]))

    /// `count` steps whose loss falls from 2.3 and whose accuracies rise, validation on
    /// every fourth step.
    static func history(steps count: Int) -> RunHistory {
        var history = RunHistory()
        for step in 1 ... max(1, count) where count > 0 {
            let progress = Double(step - 1) / Double(max(1, count - 1))
            history.append(StepRecord(step: step, loss: 2.3 - 1.8 * progress, batchAccuracy: 0.1 + 0.8 * progress,
                                      validationAccuracy: step % 4 == 0 ? 0.1 + 0.7 * progress : nil,
                                      acceptanceRate: step % 2 == 0 ? 0.5 : 0.25, weightsChanged: 10 * step,
                                      sparsity: 0.33 + 0.01 * progress))
        }
        return history
    }

    static func snapshot(step: Int) -> TrainingSnapshot {
        TrainingSnapshot(step: step, loss: 0.5, batchAccuracy: 0.9, validationAccuracy: nil, kept: 64, samples: 128,
                         perturbedEntries: 1000, weightsChanged: 1234,
                         layers: [LayerStats(inputs: 784, outputs: 4, parameters: 3140, zeros: 1000),
                                  LayerStats(inputs: 4, outputs: 10, parameters: 50, zeros: 25)],
                         density: 6e-5, rejectQuantile: 0.5, schedule: .paper, alignment: .forward, seed: 7,
                         stepSeconds: 0.1)
    }

    /// A session `steps` steps in (none: before the first step).
    static func state(steps: Int = 0, paused: Bool = false, event: SessionEvent? = nil) -> SessionState {
        SessionState(snapshot: steps > 0 ? snapshot(step: steps) : nil, history: history(steps: steps),
                     isPaused: paused, settings: StepSettings(density: 6e-5, samples: 128, rejectQuantile: 0.5,
                                                              schedule: .paper),
                     targetStep: 1500, stepsDone: steps, model: model, input: .binary, temperature: 8,
                     recordingPath: "runs/r.nstep", event: event, eventNumber: event == nil ? 0 : 1,
                     stepsPerSecond: 12.5, elapsedSeconds: 3725)
    }

    static let configuration = DashboardConfiguration(alignment: .reverse, seed: 3)

    /// Draws with `draw` into a fresh canvas of `width` × `height` and returns its text.
    static func render(width: Int, height: Int, _ draw: (inout Canvas, Rect) -> Void) -> String {
        var canvas = Canvas(width: width, height: height)
        draw(&canvas, canvas.bounds)
        return canvas.text()
    }
}
