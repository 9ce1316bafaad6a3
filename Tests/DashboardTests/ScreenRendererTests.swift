@testable import Dashboard
import NoiseStep
import Testing

/// Whole screens at the sizes people use, compared with what they should look like: every
/// panel whole, no text cut off.
@Suite struct ScreenRendererTests {
    static let state = Fixtures.state(steps: 40)

    /// A vertical stroke on the pad, read by a seeded model, with the pad in focus.
    static func drawing() -> DashboardUIState {
        var ui = DashboardUIState()
        ui.focus = .pad
        ui.pad.stroke(from: PadPoint(x: 14, y: 5), to: PadPoint(x: 14, y: 23))
        ui.prediction = PadPrediction.compute(pad: ui.pad, source: .drawing, model: Fixtures.seededModel,
                                              encoding: .gray, temperature: 8, step: 40)
        return ui
    }

    @Test func compactAt80By24() {
        #expect(Fixtures.screen(Self.state, width: 80, height: 24).text() == #"""
         RUNNING   step 40/1,500 ▎········· 3%  ETA 1:57  12.5 steps/s  elapsed 1:02:05
        density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward
        ┌▸ loss 0.500  linear  ▴ setting changed ────────┐┌▸ sparsity 32.1% ───────────┐
        │  2.30 ┤⠑⠢⠤⢄⡀                                   ││ all      ███▎······  32.1% │
        │       │    ⠈⠑⠢⠤⢄⡀                              ││ history  ▄▄▄▄▅▅▅▅  28%–38% │
        │       │         ⠈⠑⠢⠤⢄⡀                         │└────────────────────────────┘
        │  1.53 ┤              ⠈⠑⠢⠤⢄⣀                    │┌▸ acceptance 64/128 kept ───┐
        │       │                    ⠉⠒⠒⠤⣀               ││ |α| ≥               5.0e-4 │
        │       │                         ⠉⠒⠒⠤⣀          ││ ▁▁ ▁▁ ▂▂ ▂▂ │██ ▅▅ ▃▃ ▁▁   │
        │       │                              ⠉⠒⠒⠤⣀     ││ changed      1,234 weights │
        │ 0.500 ┤                                   ⠉⠒⠒⠤⣀│└────────────────────────────┘
        │       └1                                step 40│┌ prediction ────────────────┐
        └────────────────────────────▴───────────────────┘│                            │
        ┌▸ accuracy  batch ⠤ 90.0%  validation ◆ 80.0% ──┐│                            │
        │   90% ┤                                   ⢀⡠⠔⠒⠊││                            │
        │       │                             ⢀⣀⡠⠔⠊⠉◆   ◆││    Tab or click to draw    │
        │       │                        ⢀⡠⠤◆⠊⠁ ◆        ││     a digit; r shows a     │
        │   53% ┤                   ⣀⠤⠔⠒◆⠁               ││      validation image      │
        │       │             ⣀⠤◆⠒⠉⠉◆                    ││                            │
        │       │        ⣀⠤⠒◆⠉                           ││                            │
        │  ≤15% ┤⣀⣀⣀◆⠤⠒⠉◆                                ││                            │
        │       └1                                step 40││                            │
        └────────────────────────────────────────────────┘└────────────────────────────┘
        space pause · n one step · [ ] quantile · - = density             ? help  q quit
        """#)
    }

    @Test func compactWithThePadInThePlotsPlace() {
        #expect(Fixtures.screen(Self.state, ui: Self.drawing(), width: 80, height: 24).text() == #"""
         RUNNING   step 40/1,500 ▎········· 3%  ETA 1:57  12.5 steps/s   focus pad (Tab)
        density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward
        ┌▸ pad drawing ──────────────┐┌ model sees ──┐    ┌ sparsity 32.1% ────────────┐
        │                            ││              │    │ all      ███▎······  32.1% │
        │                            ││      ⢰⡆      │    │ history  ▄▄▄▄▅▅▅▅  28%–38% │
        │             ██             ││      ⢸⡇      │    └────────────────────────────┘
        │             ██             ││      ⢸⡇      │    ┌ acceptance 64/128 kept ────┐
        │             ██             ││      ⢸⡇      │    │ |α| ≥               5.0e-4 │
        │             ██             ││      ⠸⠇      │    │ ▁▁ ▁▁ ▂▂ ▂▂ │██ ▅▅ ▃▃ ▁▁   │
        │             ██             ││              │    │ changed      1,234 weights │
        │             ██             │└──────────────┘    └────────────────────────────┘
        │             ██             │                    ┌ prediction 4 15.2% ────────┐
        │             ██             │                    │ 0 █▌·················   8% │
        │             ██             │                    │ 1 ██▋················  14% │
        │             ██             │                    │ 2 █▉·················  10% │
        │                            │                    │ 3 █▌·················   8% │
        │                            │                    │ 4 ██▉················  15% │
        └────────────────────────────┘                    │ 5 ██·················  11% │
        ┌ accuracy  batch ⠤ 90.0%  validation ◆ 80.0% ───┐│ 6 █▍·················   8% │
        │   90% ┤                     ⢀⣀⣀⣀⣀⡠◆⠤⠤⠤◆⠔⠒⠒◆⠒⠊⠉◆││ 7 █▏·················   6% │
        │  ≤15% ┤⣀⣀⣀◆⣀⣀⠤◆⠤⠤⠤◆⠒⠒⠒◆⠉⠉⠉◆⠉⠁ ◆                ││ 8 ██▊················  15% │
        │       └1                                step 40││ 9 █▎·················   7% │
        └────────────────────────────────────────────────┘└────────────────────────────┘
        drag or hjkl to draw · space paint · x erase · c clear            ? help  q quit
        """#)
    }

    @Test func asciiFrameWithoutUTF8() {
        let canvas = Fixtures.screen(Self.state, width: 80, height: 24).translated(to: .ascii)
        #expect(canvas.cells.allSatisfy { $0.character.isASCII })
        #expect(canvas.text() == #"""
         RUNNING   step 40/1,500 |......... 3%  ETA 1:57  12.5 steps/s  elapsed 1:02:05
        density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward
        +> loss 0.500  linear  ^ setting changed --------++> sparsity 32.1% -----------+
        |  2.30 +\\-\_                                   || all      ###|......  32.1% |
        |       |    '\\-\_                              || history  ----====  28%-38% |
        |       |         '\\-\_                         |+----------------------------+
        |  1.53 +              '\\-\_                    |+> acceptance 64/128 kept ---+
        |       |                    '---_               || |a| >               5.0e-4 |
        |       |                         '---_          || __ __ .. .. |## == :: __   |
        |       |                              '---_     || changed      1,234 weights |
        | 0.500 +                                   '---_|+----------------------------+
        |       +1                                step 40|+ prediction ----------------+
        +----------------------------^-------------------+|                            |
        +> accuracy  batch - 90.0%  validation o 80.0% --+|                            |
        |   90% +                                   _//-/||                            |
        |       |                             __///'o   o||    Tab or click to draw    |
        |       |                        _/-o/' o        ||     a digit; r shows a     |
        |   53% +                   _-/-o'               ||      validation image      |
        |       |             _-o-''o                    ||                            |
        |       |        _--o'                           ||                            |
        |  <15% +___o--'o                                ||                            |
        |       +1                                step 40||                            |
        +------------------------------------------------++----------------------------+
        space pause . n one step . [ ] quantile . - = density             ? help  q quit
        """#)
    }

    @Test func standardAt100By40() {
        #expect(Fixtures.screen(Self.state, width: 100, height: 40).text() == #"""
         RUNNING   step 40/1,500 ▎········· 3%  ETA 1:57  12.5 steps/s                  focus training (Tab)
        density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward  seed 7
        ┌▸ loss 0.500  linear  ▴ setting changed ────────────┐┌ pad Tab or click to draw ──┐┌ model sees ──┐
        │  2.30 ┤⠑⠢⣀                                         ││                            ││              │
        │       │   ⠉⠒⢄                                      ││                            ││              │
        │       │      ⠉⠑⠢⢄                                  ││                            ││              │
        │       │          ⠑⠒⠤⡀                              ││                            ││              │
        │       │             ⠈⠒⠤⡀                           ││                            ││              │
        │       │                ⠈⠑⠢⢄                        ││                            ││              │
        │  1.40 ┤                    ⠑⠒⠤⣀                    ││                            ││ 28×28 input  │
        │       │                        ⠑⠤⢄⡀                ││                            ││ of the model │
        │       │                           ⠈⠢⢄⡀             ││                            ││              │
        │       │                              ⠈⠒⠤⣀          ││                            ││              │
        │       │                                  ⠑⠤⢄⡀      ││                            ││              │
        │       │                                     ⠈⠑⢄⣀   ││                            ││              │
        │ 0.500 ┤                                         ⠉⠢⣀││                            ││              │
        │       └1                                    step 40││                            ││              │
        └──────────────────────────────▴─────────────────────┘└────────────────────────────┘└──────────────┘
        ┌▸ accuracy  batch ⠤ 90.0%  validation ◆ 80.0% ──────┐┌ prediction ────────────────────────────────┐
        │   90% ┤                                         ⣀⠔⠊││                                            │
        │       │                                     ⢀⠤⠒⠉  ◆││                                            │
        │       │                                  ⡠⠔⠊⠁ ◆    ││                                            │
        │       │                              ⣀⠤⠒⠊◆         ││            Tab or click to draw            │
        │       │                           ⣀⠤⠊              ││             a digit; r shows a             │
        │   56% ┤                       ⢀⡠⠔⠉   ◆             ││              validation image              │
        │       │                    ⣀⠔⠊⠁ ◆                  ││                                            │
        │       │                ⢀⡠⠔⠉ ◆                      ││                                            │
        │       │             ⢀⠔⠊◆                           ││                                            │
        │       │          ⡠⠒◆⠁                              ││                                            │
        │       │      ⡠⠔◆⠉                                  │└────────────────────────────────────────────┘
        │  ≤15% ┤⣀⣀⣀◆⠔⠊                                      │┌▸ acceptance 64/128 kept at quantile 0.50 ──┐
        │       └1                                    step 40││ |α| ≥    ██▇▇▇▆▆▆▅▅▄▄▄▃▃▂▂▁         5.0e-4 │
        └────────────────────────────────────────────────────┘│             │██           α = 0: 44        │
        ┌▸ sparsity 32.1% of weights are 0 ──────────────────┐│             │██ ▅▅        │ threshold      │
        │ all      ██████████▉·······················  32.1% ││          ▁▁ │██ ██ ▃▃     bins ×2 apart    │
        │ 784→4    ██████████▉·······················  31.8% ││ ▂▂ ▄▄ ▆▆ ██ │██ ██ ██ ▄▄                   │
        │ 4→10     █████████████████·················  50.0% ││   rejected       kept                      │
        │ history  ▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅  28%–38% ││ changed  ▁▁▂▂▃▃▃▄▄▅▅▅▆▆▇▇██  1,234 weights │
        └────────────────────────────────────────────────────┘└────────────────────────────────────────────┘
        space pause · n one step · [ ] quantile · - = density · < > samples · a schedule      ? help  q quit
        """#)
    }

    @Test func standardAt120By40AtTheTarget() {
        var ui = DashboardUIState()
        let state = Fixtures.state(steps: 40, paused: true, target: 40, event: .reachedTarget(step: 40))
        ui.notice(event: state.event, number: state.eventNumber, now: 0, describe: { "\($0)" })
        #expect(Fixtures.screen(state, ui: ui, width: 120, height: 40).text() == #"""
        noisestep  AT TARGET   step 40/40 ██████████ 100%  elapsed 1:02:05                                  focus training (Tab)
        density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward  seed 7
        ┌▸ loss 0.500  linear  ▴ setting changed ────────────────────────────────┐┌ pad Tab or click to draw ──┐┌ model sees ──┐
        │  2.30 ┤⠉⠒⠤⣀⡀                                                           ││                            ││              │
        │       │    ⠈⠉⠒⠤⣀                                                       ││                            ││              │
        │       │         ⠉⠉⠒⠢⢄⡀                                                 ││                            ││              │
        │       │              ⠈⠑⠒⠢⢄⡀                                            ││                            ││              │
        │       │                   ⠈⠑⠒⠤⢄⡀                                       ││                            ││              │
        │       │                        ⠈⠑⠒⠤⣀                                   ││                            ││              │
        │  1.40 ┤                             ⠉⠑⠒⠤⢄⡀                             ││                            ││ 28×28 input  │
        │       │                                  ⠈⠑⠒⠤⢄⡀                        ││                            ││ of the model │
        │       │                                       ⠈⠑⠢⠤⢄⡀                   ││                            ││              │
        │       │                                            ⠈⠑⠢⠤⣀⡀              ││                            ││              │
        │       │                                                 ⠈⠑⠢⠤⣀⡀         ││                            ││              │
        │       │                                                      ⠈⠉⠒⠤⣀⡀    ││                            ││              │
        │ 0.500 ┤                                                           ⠈⠑⠢⠤⣀││                            ││              │
        │       └1                                                        step 40││                            ││              │
        └────────────────────────────────────────▴───────────────────────────────┘└────────────────────────────┘└──────────────┘
        ┌▸ accuracy  batch ⠤ 90.0%  validation ◆ 80.0% ──────────────────────────┐┌ prediction ────────────────────────────────┐
        │   90% ┤                                                           ⢀⣀⠤⠒⠉││                                            │
        │       │                                                      ⢀⡠⠔⠒⠉⠁   ◆││                                            │
        │       │                                                 ⢀⡠⠔⠒⠉⠁  ◆      ││                                            │
        │       │                                            ⣀⠤⠔⠒⠊⠁◆             ││            Tab or click to draw            │
        │       │                                       ⣀⠤⠤⠒⠉                    ││             a digit; r shows a             │
        │   56% ┤                                 ⢀⣀⡠⠤⠒⠉     ◆                   ││              validation image              │
        │       │                             ⣀⡠⠔⠊⠁   ◆                          ││                                            │
        │       │                        ⣀⡠⠔⠊⠉  ◆                                ││                                            │
        │       │                   ⣀⠤⠒⠊⠉◆                                       ││                                            │
        │       │              ⣀⡠⠔⠊◆                                             ││                                            │
        │       │         ⣀⠤◆⠊⠉                                                  │└────────────────────────────────────────────┘
        │  ≤15% ┤⣀⣀⣀⣀⡠◆⠒⠊⠉                                                       │┌▸ acceptance 64/128 kept at quantile 0.50 ──┐
        │       └1                                                        step 40││ |α| ≥    ██▇▇▇▆▆▆▅▅▄▄▄▃▃▂▂▁         5.0e-4 │
        └────────────────────────────────────────────────────────────────────────┘│             │██           α = 0: 44        │
        ┌▸ sparsity 32.1% of weights are 0 ──────────────────────────────────────┐│             │██ ▅▅        │ threshold      │
        │ all      █████████████████▍····································  32.1% ││          ▁▁ │██ ██ ▃▃     bins ×2 apart    │
        │ 784→4    █████████████████▎····································  31.8% ││ ▂▂ ▄▄ ▆▆ ██ │██ ██ ██ ▄▄                   │
        │ 4→10     ███████████████████████████···························  50.0% ││   rejected       kept                      │
        │ history  ▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅              29%–38% ││ changed  ▁▁▂▂▃▃▃▄▄▅▅▅▆▆▇▇██  1,234 weights │
        └────────────────────────────────────────────────────────────────────────┘└────────────────────────────────────────────┘
        reached the target, step 40: paused; space continues, t moves the target                                  ? help  q quit
        """#)
    }

    @Test func largeAt200By60() {
        let state = Fixtures.state(steps: 40, model: Fixtures.seededModel)
        #expect(Fixtures.screen(state, ui: Self.drawing(), width: 200, height: 60).text() == #"""
        noisestep  RUNNING   step 40/1,500 ▎········· 3%  ETA 1:57  12.5 steps/s  elapsed 1:02:05                                                                                                focus pad (Tab)
        density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward  seed 7
        ┌ loss 0.500  linear  ▴ setting changed ───────────────────────────────────────┐┌▸ pad drawing ──────────────────────────────────────────┐┌ validation by class  88.0%  440/500  step 40 ──────────────┐
        │  2.30 ┤⠑⠢⢄⡀                                                                  ││                                                        ││     0  1  2  3  4  5  6  7  8  9    acc                    │
        │       │   ⠈⠒⠤⣀                                                               ││                                                        ││ 0  45  5  ·  ·  ·  ·  ·  ·  ·  ·  90.0%                    │
        │       │       ⠑⠢⢄⡀                                                           ││                                                        ││ 1   · 45  5  ·  ·  ·  ·  ·  ·  ·  90.0%                    │
        │       │          ⠈⠒⠤⣀                                                        ││                                                        ││ 2   ·  · 45  5  ·  ·  ·  ·  ·  ·  90.0%                    │
        │       │              ⠉⠒⢄⡀                                                    ││                          ████                          ││ 3   ·  ·  · 35  5 10  ·  ·  ·  ·  70.0%                    │
        │       │                 ⠈⠑⠢⣀                                                 ││                          ████                          ││ 4   ·  ·  ·  · 45  5  ·  ·  ·  ·  90.0%                    │
        │       │                     ⠉⠒⢄⡀                                             ││                          ████                          ││ 5   ·  ·  ·  ·  · 45  5  ·  ·  ·  90.0%                    │
        │       │                        ⠈⠑⠢⣀                                          ││                          ████                          ││ 6   ·  ·  ·  ·  ·  · 45  5  ·  ·  90.0%                    │
        │       │                            ⠉⠒⠤⣀                                      ││                          ████                          ││ 7   ·  ·  ·  ·  ·  ·  · 45  5  ·  90.0%                    │
        │  1.45 ┤                                ⠑⠢⢄                                   ││                          ████                          ││ 8   ·  ·  ·  ·  ·  ·  ·  · 45  5  90.0%                    │
        │       │                                   ⠑⠤⣀                                ││                          ████                          ││ 9   5  ·  ·  ·  ·  ·  ·  ·  · 45  90.0%                    │
        │       │                                      ⠉⠢⢄⡀                            ││                          ████                          │└────────────────────────────────────────────────────────────┘
        │       │                                         ⠈⠑⠢⢄                         ││                          ████                          │┌ first layer's weights  units 0–15 of 16  █ +1 ▒ −1 ────────┐
        │       │                                             ⠉⠒⠤⡀                     ││                          ████                          ││  █ ▒█▒ █▒ ▒ █ ▒█ ▒██▒█ █  ▒  ██▒    ▒█ █    █    ▒ █▒█▒ ██ │
        │       │                                                ⠈⠑⠢⢄                  ││                          ████                          ││  ▒    ▒ █  ▒▒  ▒ ██▒  █████▒ ▒  ▒█  █  █ ▒█  ▒ ▒█▒ █▒    █ │
        │       │                                                    ⠉⠒⠤⡀              ││                          ████                          ││  █▒ █ █ ▒   ▒ █ ▒ █▒▒▒██ ▒▒█ ▒▒   █     █ █ █   ▒ ▒█ ▒█▒   │
        │       │                                                       ⠈⠑⠢⢄⡀          ││                          ████                          ││ ▒ █▒ █ ████   ▒   █  ▒ █ ▒██ █▒█   █▒█▒█ ▒▒   ▒  █ ▒██ █ █ │
        │       │                                                           ⠈⠑⠤⣀       ││                          ████                          ││    ███  █▒ ▒  █▒▒█▒▒▒█▒█▒  ▒ █▒██ █▒▒▒█ █   ▒ █▒█ █ ███    │
        │       │                                                               ⠉⠢⢄⡀   ││                          ████                          ││▒▒    █▒█▒ █   ▒  █  █▒    ▒  █  ▒█  █ █ ▒▒  █▒█ ▒▒ ▒ ▒▒█   │
        │ 0.500 ┤                                                                  ⠈⠑⠤⣀││                          ████                          ││██▒  █ █▒█  ██ █▒▒   █▒  █ ▒█ ▒█ █  █    ▒▒█ ██▒▒██ █  ▒▒██ │
        │       └1                                                              step 40││                          ████                          ││            #0             #1             #2             #3 │
        └───────────────────────────────────────────▴──────────────────────────────────┘│                          ████                          ││▒      ▒██      ██▒    ▒ ▒▒██ █▒▒▒   ▒██   █ █  ██ █  ▒  ██ │
        ┌ settings  density 1.50e-05  quantile 0.50  samples 128 ──────────────────────┐│                          ████                          ││  ██▒██  ▒▒ ██    ▒▒█   ▒ ▒ █ ▒ █  █ █▒██ ▒  █ █ █  █▒█ █   │
        │ dens. │███████████████████████████████████▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁││                          ████                          ││▒ █ ▒████▒  ▒  █ ▒██ ▒▒ █ ▒█▒   ▒ ▒ ▒ ▒█▒     █  ▒ ▒  █  █  │
        │quant. │▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅││                                                        ││█  ██ █▒    ██  █   ███  ██ █   ▒█ ▒████▒▒   █ ▒▒    ▒▒▒    │
        │ samp. │▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅││                                                        ││  ▒▒ ▒█▒   ▒     ▒  ▒  ▒▒▒  ▒   ██▒██▒  ▒    █▒ ▒ ██▒ ▒█    │
        └───────────────────────────────────────────▴──────────────────────────────────┘│                                                        ││▒█▒█ ▒   █ █ █ █ █ ▒█  ▒▒█ █    ██ ▒ █▒▒  ▒   █ █ ▒▒ █ ▒█   │
        ┌ accuracy  batch ⠤ 90.0%  validation ◆ 80.0% ─────────────────────────────────┐│                                                        ││ ██▒█  ▒▒█ ▒ ▒ ▒ █ ▒▒ █▒█▒ █  █  ▒ ▒ ██▒ ▒ █ ▒  █ ▒ ███ █▒█ │
        │   90% ┤                                                                  ⢀⡠⠔⠊│└────────────────────────────────────────────────────────┘│            #4             #5             #6             #7 │
        │       │                                                               ⢀⠤⠒⠁   │┌ model sees ──┐┌ prediction 4 15.2%  step 40 ───────────┐│▒ █ ▒   █▒ ██  █▒█▒ ▒██  ▒  █     ▒▒  ▒ █           █▒   ▒  │
        │       │                                                            ⢀⡠⠔⠁     ◆││              ││ 0 ██▍····························   8% ││█▒▒ ██   ▒ ██▒  █▒▒  █▒█ ▒ █   ▒ ▒▒█ ▒ █▒██   █ ▒   ▒ █     │
        │       │                                                         ⣀⠤⠊⠁         ││      ⢰⡆      ││ 1 ████▍··························  14% ││█ ▒  █▒██▒       ▒█     █ ▒█   █    ▒ █      ▒▒ ███  █ █  ▒ │
        │       │                                                     ⢀⠤⠒⠉     ◆       ││      ⢸⡇      ││ 2 ███····························  10% ││ ▒   █▒▒ █▒█   █▒  █▒ ▒██ ▒ █ ▒ ▒   █ ▒▒▒▒ ▒ ██ ▒ █▒  ▒ ██  │
        │       │                                                  ⢀⡠⠒⠁                ││      ⢸⡇      ││ 3 ██▍····························   8% ││  █ ▒  ▒▒▒ █▒█ █ █▒ ▒ ▒  ▒▒█  ▒ █▒▒▒█▒▒█ ▒    ▒ ▒█▒ ▒   █   │
        │       │                                               ⣀⠤⠒⠁    ◆              ││      ⢸⡇      ││ 4 ████▊··························  15% ││ █   █▒  ██  █ █ ▒  █▒   ▒ █▒ ▒ ▒▒  ▒   ▒▒ █ ▒  █▒▒ █  ▒  ▒ │
        │       │                                           ⢀⡠⠔⠊                       ││      ⠸⠇      ││ 5 ███▎···························  11% ││   ██ ▒▒█ ██▒   █   ██  █ ▒ ▒ █▒  █▒    █▒ ▒  █▒ ██   █▒▒█  │
        │       │                                         ⡠⠔⠁    ◆                     ││              ││ 6 ██▍····························   8% ││            #8             #9            #10            #11 │
        │   54% ┤                                     ⢀⠤⠒⠉                             ││              ││ 7 █▉·····························   6% ││██ ██   ▒▒     ███    ▒█▒  ▒█ ▒▒▒█ ▒█▒█▒██▒█     ▒█  █ █▒   │
        │       │                                  ⡠⠔⠊⠁   ◆                            ││              ││ 8 ████▌··························  15% ││█  █ ▒   ▒▒ ██ ▒    ▒          █▒  █  █ █  █  ██▒ ▒   ▒█  ▒ │
        │       │                               ⡠⠒⠉                                    ││              ││ 9 ██▏····························   7% ││██   ▒██  ▒█▒▒ ██▒█▒ ▒ ▒   ▒   ▒  █ ▒   ██▒█  ▒▒ █▒    █  ▒ │
        │       │                           ⢀⡠⠔⠊   ◆                                   │└──────────────┘└────────────────────────────────────────┘│█▒   █▒▒▒  ██▒ ▒█ █ ▒█▒  ██ █  ██ █  ██ ▒ ▒  █ █▒█ ▒▒  ▒  █ │
        │       │                        ⣀⠔⠊⠁                                          │┌ acceptance 64/128 kept at quantile 0.50 ───────────────┐│    ▒▒█ ▒ ▒▒▒  ▒ █ ▒▒▒▒▒ ▒ ▒█ ▒█▒▒ ▒▒    ██▒ ▒█      ▒▒██ ▒ │
        │       │                    ⢀⡠⠒⠉  ◆                                           ││ |α| ≥    ███▇▇▇▇▇▇▆▆▆▆▅▅▅▅▄▄▄▄▃▃▃▃▂▂▂▁▁         5.0e-4 ││  ██  ▒██ ▒  ▒ ██▒   ▒▒ ▒  ██ ▒  █▒  ▒▒  █   ▒█▒  ▒ ██ ▒██  │
        │       │                  ⡠◆⠁                                                 ││             │██           α = 0: 44                    ││  █▒ ▒▒ ▒███▒   █ ▒█ █  ██ ▒  ▒ ▒█▒▒▒ ▒▒▒  ▒ ▒▒█ ▒  ██ ███  │
        │       │              ⢀⠤⠒⠉                                                    ││             │██           │ threshold                  ││           #12            #13            #14            #15 │
        │       │          ⢀⡠◆⠊⠁                                                       ││             │██           bins ×2 apart                ││                                                            │
        │       │       ⢀⡠⠊⠁                                                           ││             │██ ▅▅                                     ││                                                            │
        │  ≤15% ┤⣀⣀⣀⣀⣀◆⠒⠁                                                              ││             │██ ██                                     ││                                                            │
        │       └1                                                              step 40││             │██ ██                                     ││                                                            │
        └──────────────────────────────────────────────────────────────────────────────┘│             │██ ██ ▃▃                                  ││                                                            │
        ┌ sparsity 32.1% of weights are 0 ─────────────────────────────────────────────┐│          ▅▅ │██ ██ ██                                  ││                                                            │
        │ all      ███████████████████▎········································  32.1% ││    ▃▃ ██ ██ │██ ██ ██ ▃▃                               ││                                                            │
        │ 784→4    ███████████████████▏········································  31.8% ││ ▅▅ ██ ██ ██ │██ ██ ██ ██                               ││                                                            │
        │ 4→10     ██████████████████████████████······························  50.0% ││   rejected       kept                                  ││                                                            │
        │ history  ▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅                    29%–38% ││ changed  ▁▁▁▂▂▂▂▃▃▃▃▄▄▄▄▅▅▅▅▆▆▆▆▇▇▇▇███  1,234 weights ││                                                            │
        └──────────────────────────────────────────────────────────────────────────────┘└────────────────────────────────────────────────────────┘└────────────────────────────────────────────────────────────┘
        drag or hjkl to draw · space paint · x erase · c clear · r validation image · Tab training                                                                                                ? help  q quit
        """#)
    }

    @Test func belowTheSmallestLayoutItSaysWhatItNeeds() {
        #expect(Fixtures.screen(Self.state, width: 79, height: 24).text() == #"""










                                          need 80×24
                                now 79×24: enlarge the terminal
                                            q quits











        """#)
        #expect(Fixtures.screen(Self.state, width: 80, height: 23).text().contains("need 80×24"))
    }

    @Test func helpExplainsTheKeysThenTheNumbers() {
        var ui = DashboardUIState()
        ui.helpPage = 0
        #expect(Fixtures.screen(Self.state, ui: ui, width: 80, height: 24).text() == #"""
         RUNNING   step 40/1,500 ▎········· 3%  ETA 1:57  12.5 steps/s  elapsed 1:02:05
        density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward
        ┌▸ loss 0.500  linear  ▴ setting changed ────────┐┌▸ sparsity 32.1% ───────────┐
        │ ┌▸ keys  page 1/2  ? next page, any other key closes ─────────────────────┐% │
        │ │                                                                         │% │
        │ │ Tab           move focus between the training panels and the pad        │──┘
        │ │ space         pause / resume; at the target, run 1,500 more steps       │──┐
        │ │ n             one step while paused                                     │4 │
        │ │ t             move the target 1,500 steps on                            │  │
        │ │ [  ]          reject quantile − / + 0.05 (takes it off its ramp)        │s │
        │ │ -  =          density ÷ / × 1.25 (turns the paper schedule off)         │──┘
        │ │ <  >          samples ÷ / × 2                                           │──┐
        └─│ a  z          density schedule paper / fixed; keep by |α| or |α| ÷ se   │  │
        ┌▸│ l  e          log-scale loss; smooth the curves (moving average)        │  │
        │ │ s             save: complete the step log up to now                     │  │
        │ │ mouse         press and drag on the pad to draw; click to focus         │  │
        │ │ hjkl ←↓↑→     move the pad cursor (pad focus); HJKL also paint          │  │
        │ │ space x c     paint, erase, clear the pad (pad focus)                   │  │
        │ │ r             put a random validation image on the pad                  │  │
        │ │ ?  q          next help page; quit (Ctrl-C too)                         │  │
        │ └─────────────────────────────────────────────────────────────────────────┘  │
        │       └1                                step 40││                            │
        └────────────────────────────────────────────────┘└────────────────────────────┘
        space pause · n one step · [ ] quantile · - = density             ? help  q quit
        """#)
        ui.helpPage = 1
        #expect(Fixtures.screen(Self.state, ui: ui, width: 80, height: 24).text() == #"""
         RUNNING   step 40/1,500 ▎········· 3%  ETA 1:57  12.5 steps/s  elapsed 1:02:05
        density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward
        ┌▸ loss 0.500  linear  ▴ setting changed ────────┐┌▸ sparsity 32.1% ───────────┐
        │ ┌▸ what the numbers mean  page 2/2  ? next page, any other key closes ────┐% │
        │ │                                                                         │% │
        │ │ step          steps done / the target; bar and ETA count toward it      │──┘
        │ │ steps/s       recent speed; elapsed leaves out the pauses               │──┐
        │ │ loss          mean cross-entropy of the step's batch, before its update │4 │
        │ │ batch ⠤       accuracy on the step's training batch                     │  │
        │ │ validation ◆  accuracy on the 500-image held-out split, every 100 steps │s │
        │ │ sparsity      share of weights that are 0 (history: ≥ 10-point scale)   │──┘
        │ │ kept          perturbations whose |α| reached the threshold             │──┐
        └─│ |α| ≥         the threshold: quantile q of the step's |α| (α = grad·ν)  │  │
        ┌▸│ |α|/se ≥      the same, kept by reliability: se from the batch's chunks │  │
        │ │ spread        the last step's |α| in bins a factor of 2 apart           │  │
        │ │ changed       weights the step moved one notch                          │  │
        │ │ prediction    softmax of logits ÷ the training temperature              │  │
        │ │ model sees    the 28×28 image the model reads from the pad              │  │
        │ │ ▴             a step where density, quantile or samples changed         │  │
        │ │ by class      validation split: rows true class, columns predicted      │  │
        │ └─────────────────────────────────────────────────────────────────────────┘  │
        │       └1                                step 40││                            │
        └────────────────────────────────────────────────┘└────────────────────────────┘
        space pause · n one step · [ ] quantile · - = density             ? help  q quit
        """#)
        #expect(HelpOverlay.pageCount(screenHeight: 24) == 2)
    }

    /// At every size from 80 × 24 up, every panel's border is whole: each corner where it
    /// should be, so no panel runs into another or off the screen.
    @Test func everySizeFromTheSmallestUpDrawsWholePanels() throws {
        for width in stride(from: 80, through: 220, by: 7) {
            for height in stride(from: 24, through: 70, by: 5) {
                for focus in [Focus.training, .pad] {
                    var ui = DashboardUIState()
                    ui.focus = focus
                    let canvas = Fixtures.screen(Self.state, ui: ui, width: width, height: height)
                    let layout = try #require(ScreenLayout(width: width, height: height, layerCount: 2, focus: focus))
                    for rect in layout.panels {
                        #expect(canvas[rect.column, rect.row].character == "┌", "\(width)×\(height) \(rect)")
                        #expect(canvas[rect.right - 1, rect.bottom - 1].character == "┘", "\(width)×\(height) \(rect)")
                    }
                }
            }
        }
    }
}
