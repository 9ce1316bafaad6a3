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
                                              encoding: .gray, calibration: PadCalibration(temperature: 8), step: 40)
        return ui
    }

    @Test func compactAt80By24() {
        #expect(Fixtures.screen(Self.state, width: 80, height: 24).text() == #"""
         RUNNING   step 40/1,500 ▎········· 3%  ETA 1:57  12.5 steps/s  elapsed 1:02:05
        density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward
        ┌▸ loss 0.500  linear ───────────────────────────┐┌▸ changes  Δ batch acc. ────┐
        │  2.30 ┤⠑⠢⠤⢄⡀                                   ││ 1 21 d 6.0e-5→1.5e-5 +41.0 │
        │       │    ⠈⠑⠢⠤⢄⡀                              ││                            │
        │       │         ⠈⠑⠢⠤⢄⡀                         ││                            │
        │  1.53 ┤              ⠈⠑⠢⠤⢄⣀                    ││                            │
        │       │                    ⠉⠒⠒⠤⣀               ││                            │
        │       │                         ⠉⠒⠒⠤⣀          ││                            │
        │       │                              ⠉⠒⠒⠤⣀     │└────────────────────────────┘
        │ 0.500 ┤                                   ⠉⠒⠒⠤⣀│┌▸ acceptance, quantile 0.50 ┐
        │       └1                                step 40││ |α| ≥               5.0e-4 │
        └────────────────────────────1───────────────────┘│ ▁▁ ▁▁ ▂▂ ▂▂ │██ ▅▅ ▃▃ ▁▁   │
        ┌▸ accuracy  batch ⠤ 90.0%  validation ◆ 80.0% ──┐│ changed      1,234 weights │
        │   90% ┤                                   ⢀⡠⠔⠒⠊││ zeros           34.0% +0.8 │
        │       │                             ⢀⣀⡠⠔⠊⠉◆   ◆│└────────────────────────────┘
        │       │                        ⢀⡠⠤◆⠊⠁ ◆        │┌ prediction ────────────────┐
        │   53% ┤                   ⣀⠤⠔⠒◆⠁               ││                            │
        │       │             ⣀⠤◆⠒⠉⠉◆                    ││    Tab or click to draw    │
        │       │        ⣀⠤⠒◆⠉                           ││     a digit; r shows a     │
        │  ≤15% ┤▼▼▼◆⠤⠒⠉◆                                ││      validation image      │
        │       └1                                step 40││                            │
        └────────────────────────────1───────────────────┘└────────────────────────────┘
        space pause · n one step · [ ] quantile · z zoom · u undo         ? help  q quit
        """#)
    }

    @Test func compactWithThePadInThePlotsPlace() {
        #expect(Fixtures.screen(Self.state, ui: Self.drawing(), width: 80, height: 24).text() == #"""
         RUNNING   step 40/1,500 ▎········· 3%  ETA 1:57  12.5 steps/s   focus pad (Tab)
        density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward
        ┌▸ pad drawing ──────────────┐┌ model sees ──┐    ┌ changes  Δ batch acc. ─────┐
        │                            ││              │    │ 1 21 d 6.0e-5→1.5e-5 +41.0 │
        │                            ││      ⢰⡆      │    │                            │
        │             ██             ││      ⢸⡇      │    │                            │
        │             ██             ││      ⢸⡇      │    │                            │
        │             ██             ││      ⢸⡇      │    │                            │
        │             ██             ││      ⠸⠇      │    │                            │
        │             ██             ││              │    └────────────────────────────┘
        │             ██             │└──────────────┘    ┌ acceptance, quantile 0.50 ─┐
        │             ██             │                    │ |α| ≥               5.0e-4 │
        │             ██             │                    │ ▁▁ ▁▁ ▂▂ ▂▂ │██ ▅▅ ▃▃ ▁▁   │
        │             ██             │                    │ changed      1,234 weights │
        │             ██             │                    │ zeros           34.0% +0.8 │
        │                            │                    └────────────────────────────┘
        │                            │                    ┌ prediction 4 15.2% ────────┐
        └────────────────────────────┘                    │ 1 ██▋················  14% │
        ┌ accuracy  batch ⠤ 90.0%  validation ◆ 80.0% ───┐│ 2 █▉·················  10% │
        │   90% ┤                     ⢀⣀⣀⣀⣀⡠◆⠤⠤⠤◆⠔⠒⠒◆⠒⠊⠉◆││ 4 ██▉················  15% │
        │  ≤15% ┤▼▼▼◆⣀⣀⠤◆⠤⠤⠤◆⠒⠒⠒◆⠉⠉⠉◆⠉⠁ ◆                ││ 5 ██·················  11% │
        │       └1                                step 40││ 8 ██▊················  15% │
        └────────────────────────────1───────────────────┘└────────────────────────────┘
        drag or hjkl to draw · space paint · x erase · c clear            ? help  q quit
        """#)
    }

    @Test func asciiFrameWithoutUTF8() {
        let canvas = Fixtures.screen(Self.state, width: 80, height: 24).translated(to: .ascii)
        #expect(canvas.cells.allSatisfy { $0.character.isASCII })
        #expect(canvas.text() == #"""
         RUNNING   step 40/1,500 |......... 3%  ETA 1:57  12.5 steps/s  elapsed 1:02:05
        density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward
        +> loss 0.500  linear ---------------------------++> changes  D batch acc. ----+
        |  2.30 +\\-\_                                   || 1 21 d 6.0e-5>1.5e-5 +41.0 |
        |       |    '\\-\_                              ||                            |
        |       |         '\\-\_                         ||                            |
        |  1.53 +              '\\-\_                    ||                            |
        |       |                    '---_               ||                            |
        |       |                         '---_          ||                            |
        |       |                              '---_     |+----------------------------+
        | 0.500 +                                   '---_|+> acceptance, quantile 0.50 +
        |       +1                                step 40|| |a| >               5.0e-4 |
        +----------------------------1-------------------+| __ __ .. .. |## == :: __   |
        +> accuracy  batch - 90.0%  validation o 80.0% --+| changed      1,234 weights |
        |   90% +                                   _//-/|| zeros           34.0% +0.8 |
        |       |                             __///'o   o|+----------------------------+
        |       |                        _/-o/' o        |+ prediction ----------------+
        |   53% +                   _-/-o'               ||                            |
        |       |             _-o-''o                    ||    Tab or click to draw    |
        |       |        _--o'                           ||     a digit; r shows a     |
        |  <15% +vvvo--'o                                ||      validation image      |
        |       +1                                step 40||                            |
        +----------------------------1-------------------++----------------------------+
        space pause . n one step . [ ] quantile . z zoom . u undo         ? help  q quit
        """#)
    }

    @Test func standardAt100By40() {
        #expect(Fixtures.screen(Self.state, width: 100, height: 40).text() == #"""
         RUNNING   step 40/1,500 ▎········· 3%  ETA 1:57  12.5 steps/s                  focus training (Tab)
        density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward  seed 7
        ┌▸ loss 0.500  linear ───────────────────────────────┐┌ pad Tab or click to draw ──┐┌ model sees ──┐
        │  2.30 ┤⠑⠢⢄⡀                                        ││                            ││              │
        │       │   ⠈⠒⠤⣀⡀                                    ││                            ││              │
        │       │       ⠈⠑⢄⡀                                 ││                            ││              │
        │       │          ⠈⠉⠒⠤⡀                             ││                            ││              │
        │       │              ⠈⠒⠤⢄⡀                         ││                            ││              │
        │  1.48 ┤                  ⠈⠑⢄⣀                      ││                            ││              │
        │       │                      ⠉⠒⢄                   ││                            ││ 28×28 input  │
        │       │                         ⠉⠑⠢⢄⡀              ││                            ││ of the model │
        │       │                             ⠈⠢⠤⣀           ││                            ││              │
        │       │                                 ⠉⠒⢄⡀       ││                            ││              │
        │       │                                    ⠈⠑⠢⢄⡀   ││                            ││              │
        │ 0.500 ┤                                        ⠈⠑⠤⣀││                            ││              │
        │       └1                                    step 40││                            ││              │
        └──────────────────────────────1─────────────────────┘│                            ││              │
        ┌▸ accuracy  batch ⠤ 90.0%  validation ◆ 80.0% ──────┐└────────────────────────────┘└──────────────┘
        │   90% ┤                                         ⣀⠔⠊│┌ prediction ────────────────────────────────┐
        │       │                                     ⢀⠤⠒⠉  ◆││                                            │
        │       │                                  ⡠⠔⠊⠁ ◆    ││                                            │
        │       │                              ⣀⠤⠒⠊◆         ││                                            │
        │       │                           ⣀⠤⠊              ││            Tab or click to draw            │
        │   56% ┤                       ⢀⡠⠔⠉   ◆             ││             a digit; r shows a             │
        │       │                    ⣀⠔⠊⠁ ◆                  ││              validation image              │
        │       │                ⢀⡠⠔⠉ ◆                      ││                                            │
        │       │             ⢀⠔⠊◆                           ││                                            │
        │       │          ⡠⠒◆⠁                              ││                                            │
        │       │      ⡠⠔◆⠉                                  ││                                            │
        │  ≤15% ┤▼▼▼◆⠔⠊                                      │└────────────────────────────────────────────┘
        │       └1                                    step 40│┌▸ acceptance, quantile 0.50 ────────────────┐
        └──────────────────────────────1─────────────────────┘│ |α| ≥    ██▇▇▇▆▆▆▅▅▄▄▄▃▂▂▂▁         5.0e-4 │
        ┌▸ changes  Δ batch acc. after − before ─────────────┐│             │██           α = 0: 44        │
        │ 1 21 density 6.00e-05→1.50e-05               +41.0 ││             │██ ██        │ threshold      │
        │                                                    ││ ▂▂ ▃▃ ▅▅ ▆▆ │██ ██ ██ ▃▃  bins ×2 apart    │
        │                                                    ││   rejected       kept                      │
        │                                                    ││ changed  ▁▁▂▂▃▃▄▄▄▅▅▆▆▆▇▇██  1,234 weights │
        │                                                    ││ zeros    ▁▂▂▂▃▃▄▄▄▅▅▆▆▆▇▇██     34.0% +1.0 │
        └────────────────────────────────────────────────────┘└────────────────────────────────────────────┘
        space pause · n one step · [ ] quantile · z zoom · u undo · - = density               ? help  q quit
        """#)
    }

    @Test func standardAt120By40AtTheTarget() {
        var ui = DashboardUIState()
        let state = Fixtures.state(steps: 40, paused: true, target: 40, event: .reachedTarget(step: 40))
        ui.notice(event: state.event, number: state.eventNumber, now: 0, describe: { "\($0)" })
        #expect(Fixtures.screen(state, ui: ui, width: 120, height: 40).text() == #"""
        noisestep  AT TARGET   step 40/40 ██████████ 100%  elapsed 1:02:05                                  focus training (Tab)
        density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward  seed 7
        ┌▸ loss 0.500  linear ───────────────────────────────────────────────────┐┌ pad Tab or click to draw ──┐┌ model sees ──┐
        │  2.30 ┤⠉⠒⠢⠤⣀                                                           ││                            ││              │
        │       │     ⠉⠒⠢⠤⣀⣀                                                     ││                            ││              │
        │       │           ⠉⠒⠤⣀⡀                                                ││                            ││              │
        │       │               ⠈⠉⠑⠒⠤⣀                                           ││                            ││              │
        │       │                     ⠉⠒⠒⠤⢄⣀                                     ││                            ││              │
        │  1.48 ┤                           ⠉⠒⠤⢄⣀                                ││                            ││              │
        │       │                                ⠉⠑⠢⢄⣀                           ││                            ││ 28×28 input  │
        │       │                                     ⠉⠑⠒⠤⢄⣀                     ││                            ││ of the model │
        │       │                                           ⠉⠒⠤⢄⣀                ││                            ││              │
        │       │                                                ⠉⠉⠒⠤⣀           ││                            ││              │
        │       │                                                     ⠉⠑⠒⠢⠤⣀     ││                            ││              │
        │ 0.500 ┤                                                           ⠉⠒⠤⠤⣀││                            ││              │
        │       └1                                                        step 40││                            ││              │
        └────────────────────────────────────────1───────────────────────────────┘│                            ││              │
        ┌▸ accuracy  batch ⠤ 90.0%  validation ◆ 80.0% ──────────────────────────┐└────────────────────────────┘└──────────────┘
        │   90% ┤                                                           ⢀⣀⠤⠒⠉│┌ prediction ────────────────────────────────┐
        │       │                                                      ⢀⡠⠔⠒⠉⠁   ◆││                                            │
        │       │                                                 ⢀⡠⠔⠒⠉⠁  ◆      ││                                            │
        │       │                                            ⣀⠤⠔⠒⠊⠁◆             ││                                            │
        │       │                                       ⣀⠤⠤⠒⠉                    ││            Tab or click to draw            │
        │   56% ┤                                 ⢀⣀⡠⠤⠒⠉     ◆                   ││             a digit; r shows a             │
        │       │                             ⣀⡠⠔⠊⠁   ◆                          ││              validation image              │
        │       │                        ⣀⡠⠔⠊⠉  ◆                                ││                                            │
        │       │                   ⣀⠤⠒⠊⠉◆                                       ││                                            │
        │       │              ⣀⡠⠔⠊◆                                             ││                                            │
        │       │         ⣀⠤◆⠊⠉                                                  ││                                            │
        │  ≤15% ┤▼▼⣀▼⡠◆⠒⠊⠉                                                       │└────────────────────────────────────────────┘
        │       └1                                                        step 40│┌▸ acceptance, quantile 0.50 ────────────────┐
        └────────────────────────────────────────1───────────────────────────────┘│ |α| ≥    ██▇▇▇▆▆▆▅▅▄▄▄▃▂▂▂▁         5.0e-4 │
        ┌▸ changes  Δ batch acc. after − before  u undo · U launch ──────────────┐│             │██           α = 0: 44        │
        │ 1 21 density 6.00e-05→1.50e-05 (by the schedule)                 +41.0 ││             │██ ██        │ threshold      │
        │                                                                        ││ ▂▂ ▃▃ ▅▅ ▆▆ │██ ██ ██ ▃▃  bins ×2 apart    │
        │                                                                        ││   rejected       kept                      │
        │                                                                        ││ changed  ▁▁▂▂▃▃▄▄▄▅▅▆▆▆▇▇██  1,234 weights │
        │                                                                        ││ zeros    ▁▂▂▂▃▃▄▄▄▅▅▆▆▆▇▇██     34.0% +1.0 │
        └────────────────────────────────────────────────────────────────────────┘└────────────────────────────────────────────┘
        reached the target, step 40: paused; space continues, t moves the target                                  ? help  q quit
        """#)
    }

    @Test func largeAt200By60() {
        let state = Fixtures.state(steps: 40, model: Fixtures.seededModel)
        #expect(Fixtures.screen(state, ui: Self.drawing(), width: 200, height: 60).text() == #"""
        noisestep  RUNNING   step 40/1,500 ▎········· 3%  ETA 1:57  12.5 steps/s  elapsed 1:02:05                                                                                                focus pad (Tab)
        density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward  seed 7
        ┌ loss 0.500  linear ──────────────────────────────────────────────────────────┐┌▸ pad drawing ──────────────────────────────────────────┐┌ validation by class  88.0%  440/500  step 40 ──────────────┐
        │  2.30 ┤⠑⠢⢄                                                                   ││                                                        ││     0  1  2  3  4  5  6  7  8  9    acc                    │
        │       │   ⠑⠤⣀                                                                ││                                                        ││ 0  45  5  ·  ·  ·  ·  ·  ·  ·  ·  90.0%                    │
        │       │      ⠉⠢⣀                                                             ││                                                        ││ 1   · 45  5  ·  ·  ·  ·  ·  ·  ·  90.0%                    │
        │       │         ⠑⠢⣀                                                          ││                                                        ││ 2   ·  · 45  5  ·  ·  ·  ·  ·  ·  90.0%                    │
        │       │            ⠉⠢⢄                                                       ││                          ████                          ││ 3   ·  ·  · 35  5 10  ·  ·  ·  ·  70.0%                    │
        │       │               ⠉⠢⢄⡀                                                   ││                          ████                          ││ 4   ·  ·  ·  · 45  5  ·  ·  ·  ·  90.0%                    │
        │       │                  ⠈⠢⣀                                                 ││                          ████                          ││ 5   ·  ·  ·  ·  · 45  5  ·  ·  ·  90.0%                    │
        │       │                     ⠉⠒⢄                                              ││                          ████                          ││ 6   ·  ·  ·  ·  ·  · 45  5  ·  ·  90.0%                    │
        │       │                        ⠉⠢⢄                                           ││                          ████                          ││ 7   ·  ·  ·  ·  ·  ·  · 45  5  ·  90.0%                    │
        │       │                           ⠉⠒⢄⡀                                       ││                          ████                          ││ 8   ·  ·  ·  ·  ·  ·  ·  · 45  5  90.0%                    │
        │       │                              ⠈⠒⢄⡀                                    ││                          ████                          ││ 9   5  ·  ·  ·  ·  ·  ·  ·  · 45  90.0%                    │
        │  1.40 ┤                                 ⠈⠑⢄                                  ││                          ████                          │└────────────────────────────────────────────────────────────┘
        │       │                                    ⠉⠒⠤⡀                              ││                          ████                          │┌ changes  Δ batch acc. after − before  u undo · U launch ───┐
        │       │                                       ⠈⠒⢄⡀                           ││                          ████                          ││ 1 21 density 6.00e-05→1.50e-05 (by the schedule)     +41.0 │
        │       │                                          ⠈⠑⠢⡀                        ││                          ████                          ││                                                            │
        │       │                                             ⠈⠑⠤⡀                     ││                          ████                          ││                                                            │
        │       │                                                ⠈⠑⠢⡀                  ││                          ████                          ││                                                            │
        │       │                                                   ⠈⠒⠤⣀               ││                          ████                          ││                                                            │
        │       │                                                       ⠑⠤⡀            ││                          ████                          ││                                                            │
        │       │                                                         ⠈⠑⠢⢄         ││                          ████                          ││                                                            │
        │       │                                                             ⠑⠢⣀      ││                          ████                          ││                                                            │
        │       │                                                                ⠑⠢⢄   ││                          ████                          ││                                                            │
        │ 0.500 ┤                                                                   ⠑⠤⣀││                          ████                          ││                                                            │
        │       └1                                                              step 40││                          ████                          ││                                                            │
        └───────────────────────────────────────────1──────────────────────────────────┘│                                                        ││                                                            │
        ┌ settings  density 1.50e-05  quantile 0.50  samples 128 ──────────────────────┐│                                                        ││                                                            │
        │ dens. │███████████████████████████████████▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁││                                                        ││                                                            │
        │quant. │▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅││                                                        ││                                                            │
        │ samp. │▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅│└────────────────────────────────────────────────────────┘│                                                            │
        └───────────────────────────────────────────1──────────────────────────────────┘┌ model sees ──┐┌ prediction 4 15.2%  step 40 ───────────┐│                                                            │
        ┌ accuracy  batch ⠤ 90.0%  validation ◆ 80.0% ─────────────────────────────────┐│              ││ 0 ██▍····························   8% ││                                                            │
        │   90% ┤                                                                   ⡠⠔⠊││      ⢰⡆      ││ 1 ████▍··························  14% ││                                                            │
        │       │                                                                ⣀⠤⠊   ││      ⢸⡇      ││ 2 ███····························  10% ││                                                            │
        │       │                                                             ⢀⡠⠊      ││      ⢸⡇      ││ 3 ██▍····························   8% ││                                                            │
        │       │                                                           ⡠⠊⠁       ◆││      ⢸⡇      ││ 4 ████▊··························  15% ││                                                            │
        │       │                                                       ⢀⡠⠒⠉           ││      ⠸⠇      ││ 5 ███▎···························  11% ││                                                            │
        │       │                                                     ⡠⠒⠁      ◆       ││              ││ 6 ██▍····························   8% ││                                                            │
        │       │                                                  ⡠⠔⠉                 ││              ││ 7 █▉·····························   6% │└────────────────────────────────────────────────────────────┘
        │       │                                               ⣀⠔⠊     ◆              ││              ││ 8 ████▌··························  15% │┌ first layer's weights  units 0–7 of 16  █ +1 ▒ −1 ─────────┐
        │       │                                            ⢀⠤⠊                       ││              ││ 9 ██▏····························   7% ││  █ ▒█▒ █▒ ▒ █ ▒█ ▒██▒█ █  ▒  ██▒    ▒█ █    █    ▒ █▒█▒ ██ │
        │       │                                         ⢀⡠⠊⠁   ◆                     │└──────────────┘└────────────────────────────────────────┘│  ▒    ▒ █  ▒▒  ▒ ██▒  █████▒ ▒  ▒█  █  █ ▒█  ▒ ▒█▒ █▒    █ │
        │       │                                      ⢀⠤⠒⠁                            │┌ acceptance, quantile 0.50 ─────────────────────────────┐│  █▒ █ █ ▒   ▒ █ ▒ █▒▒▒██ ▒▒█ ▒▒   █     █ █ █   ▒ ▒█ ▒█▒   │
        │   53% ┤                                   ⢀⡠⠔⠁  ◆                            ││ |α| ≥    ███▇▇▇▇▇▇▆▆▆▆▅▅▅▅▅▄▄▄▃▃▃▃▂▂▂▁▁         5.0e-4 ││ ▒ █▒ █ ████   ▒   █  ▒ █ ▒██ █▒█   █▒█▒█ ▒▒   ▒  █ ▒██ █ █ │
        │       │                                 ⣀⠔⠁                                  ││             │██           α = 0: 44                    ││    ███  █▒ ▒  █▒▒█▒▒▒█▒█▒  ▒ █▒██ █▒▒▒█ █   ▒ █▒█ █ ███    │
        │       │                              ⢀⠔⠉                                     ││             │██           │ threshold                  ││▒▒    █▒█▒ █   ▒  █  █▒    ▒  █  ▒█  █ █ ▒▒  █▒█ ▒▒ ▒ ▒▒█   │
        │       │                           ⣀⠔⠊⠁   ◆                                   ││             │██           bins ×2 apart                ││██▒  █ █▒█  ██ █▒▒   █▒  █ ▒█ ▒█ █  █    ▒▒█ ██▒▒██ █  ▒▒██ │
        │       │                        ⢀⠔⠊                                           ││             │██ ██                                     ││            #0             #1             #2             #3 │
        │       │                     ⢀⠤⠊⠁ ◆                                           ││             │██ ██                                     ││▒      ▒██      ██▒    ▒ ▒▒██ █▒▒▒   ▒██   █ █  ██ █  ▒  ██ │
        │       │                  ⢀⡠⠒⠁                                                ││             │██ ██                                     ││  ██▒██  ▒▒ ██    ▒▒█   ▒ ▒ █ ▒ █  █ █▒██ ▒  █ █ █  █▒█ █   │
        │       │                ⡠⠔⠁◆                                                  ││          ▃▃ │██ ██ ██                                  ││▒ █ ▒████▒  ▒  █ ▒██ ▒▒ █ ▒█▒   ▒ ▒ ▒ ▒█▒     █  ▒ ▒  █  █  │
        │       │             ⣀⠔⠉                                                      ││    ▂▂ ▆▆ ██ │██ ██ ██ ▂▂                               ││█  ██ █▒    ██  █   ███  ██ █   ▒█ ▒████▒▒   █ ▒▒    ▒▒▒    │
        │       │          ⡠⠔◆                                                         ││ ▅▅ ██ ██ ██ │██ ██ ██ ██                               ││  ▒▒ ▒█▒   ▒     ▒  ▒  ▒▒▒  ▒   ██▒██▒  ▒    █▒ ▒ ██▒ ▒█    │
        │       │       ⣀⠤⠊                                                            ││   rejected       kept                                  ││▒█▒█ ▒   █ █ █ █ █ ▒█  ▒▒█ █    ██ ▒ █▒▒  ▒   █ █ ▒▒ █ ▒█   │
        │  ≤15% ┤▼⣀▼▼⣀◆⠊                                                               ││ changed  ▁▁▁▂▂▂▂▃▃▃▃▄▄▄▄▅▅▅▅▆▆▆▆▇▇▇▇███  1,234 weights ││ ██▒█  ▒▒█ ▒ ▒ ▒ █ ▒▒ █▒█▒ █  █  ▒ ▒ ██▒ ▒ █ ▒  █ ▒ ███ █▒█ │
        │       └1                                                              step 40││ zeros    ▁▁▁▂▂▂▂▃▃▃▃▄▄▄▄▅▅▅▅▆▆▆▆▇▇▇▇███     34.0% +1.0 ││            #4             #5             #6             #7 │
        └───────────────────────────────────────────1──────────────────────────────────┘└────────────────────────────────────────────────────────┘└────────────────────────────────────────────────────────────┘
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
        de┌▸ keys  page 1/3  ? next page, any other key closes ─────────────────────┐d
        ┌▸│                                                                         │──┐
        │ │ Tab           move focus between the training panels and the pad        │0 │
        │ │ space         pause / resume; at the target, run 1,500 more steps       │  │
        │ │ n             one step while paused (at the target too)                 │  │
        │ │ t             move the target 1,500 steps on                            │  │
        │ │ p             train at a pace to watch, or as fast as it can (--pace)   │  │
        │ │ [  ]          reject quantile − / + 0.05                                │  │
        │ │ -  =          density down / up 1.25× (turns the paper schedule off)    │──┘
        │ │ <  >          samples halved / doubled                                  │0 ┐
        │ │ a             density schedule: paper or fixed                          │4 │
        └─│ u  U          undo the last settings key; back to the launch settings   │  │
        ┌▸│ z  Z  ↑ ↓     zoom the plots in / out: the last steps, following        │s │
        │ │ arrows ← →    move a zoomed window back / toward now                    │8 │
        │ │ wheel         zoom the plots around the pointer                         │──┘
        │ │ l  e          log-scale loss; smoothing: raw, 10, 50, 200 steps         │──┐
        │ │ w             write the plotted history as CSV beside the step log      │  │
        │ │ b             colours for a light / dark background (also --theme)      │  │
        │ │ s             save: complete the step log up to now                     │  │
        │ │ mouse         click the pad to focus it, then press and drag to draw    │  │
        │ └─────────────────────────────────────────────────────────────────────────┘  │
        └────────────────────────────1───────────────────┘└────────────────────────────┘
        space pause · n one step · [ ] quantile · z zoom · u undo         ? help  q quit
        """#)
        ui.helpPage = 1
        #expect(Fixtures.screen(Self.state, ui: ui, width: 80, height: 24).text() == #"""
         RUNNING   step 40/1,500 ▎········· 3%  ETA 1:57  12.5 steps/s  elapsed 1:02:05
        de┌▸ keys  page 2/3  ? next page, any other key closes ─────────────────────┐d
        ┌▸│                                                                         │──┐
        │ │ hjkl arrows   move the pad cursor (pad focus); HJKL also paint          │0 │
        │ │ space x c     paint, erase, clear the pad (pad focus)                   │  │
        │ │ r             put a random validation image on the pad                  │  │
        │ │ ?  q          next help page; quit (Ctrl-C too; q closes help)          │  │
        │ │                                                                         │  │
        │ │                                                                         │  │
        │ │                                                                         │──┘
        │ │                                                                         │0 ┐
        │ │                                                                         │4 │
        └─│                                                                         │  │
        ┌▸│                                                                         │s │
        │ │                                                                         │8 │
        │ │                                                                         │──┘
        │ │                                                                         │──┐
        │ │                                                                         │  │
        │ │                                                                         │  │
        │ │                                                                         │  │
        │ │                                                                         │  │
        │ └─────────────────────────────────────────────────────────────────────────┘  │
        └────────────────────────────1───────────────────┘└────────────────────────────┘
        space pause · n one step · [ ] quantile · z zoom · u undo         ? help  q quit
        """#)
        #expect(HelpOverlay.pageCount(HelpOverlay.Context(recordingPath: nil, configuration: Fixtures.configuration), screenHeight: 24) == 3)
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
