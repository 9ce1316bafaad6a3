@testable import Dashboard
import NoiseStep
import Testing

/// A change of several settings at once (keys pressed while paused, `U`) is described in
/// the room there is, down to the changes panel's row at 80 × 24.
@Suite struct SettingsChangeTextTests {
    static let before = StepSettings(density: 6e-5, samples: 16, rejectQuantile: 0.5, schedule: .fixed)
    static let after = StepSettings(density: 7.5e-5, samples: 32, rejectQuantile: 0.55, schedule: .paper)
    static let change = SettingsChange(number: 1, step: 814, from: before, to: after)

    @Test func theFullestWordsThatFit() {
        #expect(SettingsChangeText.fitting(Self.change, width: 200)
                == "quantile 0.50→0.55, density 6.00e-05→7.50e-05, samples 16→32, schedule paper")
        #expect(SettingsChangeText.fitting(Self.change, width: 44) == "q 0.50→0.55 d 6.0e-5→7.5e-5 s 16→32 paper")
        #expect(SettingsChangeText.fitting(Self.change, width: 26) == "q→0.55 d→7.5e-5 s→32 paper")
    }

    /// A density drop of the paper schedule while the quantile follows its ramp names the
    /// density only: the ramp's move at the same step is nobody's change.
    @Test func aDropOnTheRampNamesTheDensityOnly() {
        let from = StepSettings(density: 1.5e-5, samples: 512, rejectQuantile: 0.5001, schedule: .paper,
                                quantileSchedule: .ramp, keepBy: .reliability)
        var to = from
        (to.density, to.rejectQuantile) = (3.7e-6, 0.5003)
        let drop = SettingsChange(number: 2, step: 21, from: from, to: to)
        #expect(SettingsChangeText.fitting(drop, width: 26) == "density 1.50e-05→3.70e-06")
        #expect(SettingsChangeText.fitting(drop, width: 9) == "d→3.7e-6")
        #expect(SettingsChangeText.describe(drop)[0] == "density 1.50e-05→3.70e-06 (by the schedule)")
    }

    /// Narrower than the shortest words: the first settings and how many more, never nothing.
    @Test func theFirstSettingsAndHowManyMore() {
        #expect(SettingsChangeText.fitting(Self.change, width: 25) == "q→0.55 d→7.5e-5 s→32 +1")
        #expect(SettingsChangeText.fitting(Self.change, width: 17) == "q→0.55 +3")
        #expect(SettingsChangeText.fitting(Self.change, width: 9) == "q→0.55 +3")
        #expect(SettingsChangeText.fitting(Self.change, width: 8) == "")
    }

    /// The changes panel at its 80 × 24 width lists a four-setting change with words.
    @Test func aRowAt80By24SaysWhatChanged() {
        let content = ChangesPanel.Content(rows: [ChangesPanel.Row(number: 1, step: 814, change: Self.change, effect: nil)],
                                           loss: nil, accuracy: nil)
        var canvas = Canvas(width: 30, height: 4)
        ChangesPanel.draw(content, in: &canvas, rect: canvas.bounds, focused: false)
        let row = canvas.text(in: Rect(column: 0, row: 1, width: 30, height: 1))
        #expect(row == "│ 1 814 q→0.55 d→7.5e-5 +2 … │", "\(canvas.text())")
    }
}
