@testable import Dashboard
import NoiseStep
import Testing

/// Every documented key and its aliases, as a class: an alias does exactly what its key
/// does, from the same state, and the key does what the help says.
@Suite struct KeyAliasTests {
    /// The settings keys and their unshifted aliases ("=" is "+" without Shift, "," and "."
    /// are "<" and ">"), with the settings the key asks for from the defaults.
    static let settingsKeys: [(key: Character, alias: Character, expected: StepSettings)] = [
        ("+", "=", StepSettings(density: 7.5e-5, samples: 128, rejectQuantile: 0.5, schedule: .fixed)),
        ("<", ",", StepSettings(density: 6e-5, samples: 64, rejectQuantile: 0.5, schedule: .paper)),
        (">", ".", StepSettings(density: 6e-5, samples: 256, rejectQuantile: 0.5, schedule: .paper)),
    ]

    @Test(arguments: settingsKeys.indices)
    func aSettingsAliasDoesWhatItsKeyDoes(index: Int) {
        let (key, alias, expected) = Self.settingsKeys[index]
        var byKey = DashboardUIState(), byAlias = DashboardUIState()
        let keyEffects = InputReducerTests.run([.character(key)], ui: &byKey)
        #expect(keyEffects == [.send(.change(expected))], "\(key)")
        #expect(InputReducerTests.run([.character(alias)], ui: &byAlias) == keyEffects, "\(alias) is \(key)")
        #expect(byAlias.notice?.text == byKey.notice?.text)
    }

    /// On the pad the arrows and hjkl move the cursor alike, and HJKL move it painting.
    @Test(arguments: [(InputEvent.left, Character("h"), Character("H")), (.right, "l", "L"), (.up, "k", "K"),
                      (.down, "j", "J")])
    func padMovesByArrowOrLetter(arrow: InputEvent, letter: Character, painting: Character) {
        func pad(_ event: InputEvent) -> DashboardUIState {
            var ui = DashboardUIState()
            ui.focus = .pad
            _ = InputReducerTests.run([event, event], ui: &ui)
            return ui
        }
        let start = DashboardUIState().cursor
        let byArrow = pad(arrow), byLetter = pad(.character(letter)), byPainting = pad(.character(painting))
        #expect(byArrow.cursor == byLetter.cursor && byArrow.cursor != start && byArrow.pad.isEmpty)
        #expect(byPainting.cursor == byArrow.cursor && !byPainting.pad.isEmpty, "\(painting) paints as it moves")
    }
}
