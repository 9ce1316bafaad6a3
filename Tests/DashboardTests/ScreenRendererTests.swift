@testable import Dashboard
import NoiseStep
import Testing

@Suite struct ScreenRendererTests {
    @Test func wholeScreenAt120By40() {
        let canvas = ScreenRenderer.render(Fixtures.state(steps: 40), ui: DashboardUIState(),
                                           configuration: Fixtures.configuration, width: 120, height: 40)
        #expect(canvas.text() == """
        noisestep  RUNNING   step 40  12.5 steps/s  elapsed 1:02:05                                         focus training (Tab)
        density 6.00e-05  samples 128  reject quantile 0.50  schedule paper  alignment forward  seed 7
        ┌▸ loss 0.500  linear ───────────────────────────────────────┐┌ pad  Tab or click to draw ─────────────────────────────┐
        │  2.30 ┤⠉⠒⠤⢄⣀                                               ││                                                        │
        │       │     ⠉⠢⢄⡀                                           ││                                                        │
        │       │        ⠈⠉⠒⠢⢄⣀                                      ││                                                        │
        │       │              ⠉⠑⠢⠤⣀                                 ││                                                        │
        │       │                   ⠉⠢⠤⣀⡀                            ││                                                        │
        │  1.40 ┤                       ⠈⠑⠒⠤⣀⡀                       ││                                                        │
        │       │                            ⠈⠉⠒⠤⣀                   ││                                                        │
        │       │                                 ⠉⠒⠤⢄⣀              ││                                                        │
        │       │                                      ⠉⠒⠢⠤⣀         ││                                                        │
        │       │                                           ⠉⠑⠢⣀     ││                                                        │
        │ 0.500 ┤                                               ⠉⠑⠢⠤⣀││                                                        │
        │       └1                                            step 40││                                                        │
        └────────────────────────────────────────────────────────────┘│                                                        │
        ┌▸ accuracy  batch 90.0%  validation 80.0% ──────────────────┐│                                                        │
        │  100% ┤                                                    ││                                                        │
        │       │                                              ⣀⠤⠤⠤⠒⠉││                                                        │
        │       │                                       ⢀⡠⠤⠤⠔⠊⣉⣀⠤⠤⠒⠒⠉││                                                        │
        │       │                                ⢀⣀⠤⠤⢔⣒⡩⠥⠔⠒⠊⠉⠉       ││                                                        │
        │   56% ┤                          ⣀⡠⠤⠤⣒⡪⠥⠔⠒⠉⠁               ││                                                        │
        │       │                   ⢀⣀⠤⠒⣒⡲⠭⠒⠒⠉⠉                      ││                                                        │
        │       │             ⣀⣤⣤⠤⠶⠭⠓⠒⠉⠉                             ││                                                        │
        │       │      ⢀⣠⡤⠤⠒⠚⠉⠉                                      ││                                                        │
        │       │⣀⠤⠤⠔⠒⠉⠉                                             ││                                                        │
        │    0% ┤                                                    ││                                                        │
        │       └1                                            step 40││                                                        │
        └────────────────────────────────────────────────────────────┘│                                                        │
        ┌▸ sparsity 32.1% of weights are 0 ──────────────────────────┐│                                                        │
        │ all      █████████████▌····························  32.1% ││                                                        │
        │ 784→4    █████████████▍····························  31.8% │└────────────────────────────────────────────────────────┘
        │ 4→10     █████████████████████·····················  50.0% │┌ prediction ────────────────────────────────────────────┐
        │ history  ▁▁▁▂▂▂▂▂▂▃▃▃▃▄▄▄▄▄▄▅▅▅▅▅▆▆▆▆▆▇▇▇▇▇▇██ 33.0%–34.0% ││                                                        │
        └────────────────────────────────────────────────────────────┘│                                                        │
        ┌▸ perturbations  kept 64/128 (50.0%) ───────────────────────┐│    draw a digit, or press r for a validation image     │
        │ kept     ▃▅▃▄▅▃▅▄▃▅▃▄▅▃▅▄▃▅▃▄▅▃▅▄▃▅▃▄▅▃▅▄      64/128 kept ││                                                        │
        │ changed  ▁▁▂▂▂▂▂▃▃▃▃▄▄▄▄▄▅▅▅▅▆▆▆▆▆▇▇▇▇▇██    1,234 weights ││                                                        │
        └────────────────────────────────────────────────────────────┘└────────────────────────────────────────────────────────┘
        space pause · n step · [ ] quantile · - = density · < > samples · a schedule · s save                     ? help  q quit
        """)
    }

    @Test func tooSmallScreenSaysWhatItNeeds() {
        let canvas = ScreenRenderer.render(Fixtures.state(steps: 40), ui: DashboardUIState(),
                                           configuration: Fixtures.configuration, width: 40, height: 5)
        #expect(canvas.text() == """

                          need 100×40
                 now 40×5: enlarge the terminal
                            q quits

            """)
    }

    @Test func helpOverlayListsTheKeys() {
        var canvas = Canvas(width: 69, height: 26)
        HelpOverlay.draw(recordingPath: "runs/r.nstep", in: &canvas)
        #expect(canvas.text() == """

              ┌▸ keys  every change applies from the next step ───────────────┐
              │                                                               │
              │ Tab        move focus between the training panels and the pad │
              │ space      pause / resume (training focus); paint (pad focus) │
              │ n          run one step while paused                          │
              │ [  ]       reject quantile − / + 0.05                         │
              │ -  =       density ÷ / × 1.25                                 │
              │ <  >       samples ÷ / × 2                                    │
              │ a          next density schedule                              │
              │ l          log-scale loss (training focus)                    │
              │ e          smooth the curves (moving average)                 │
              │ s          save: complete the step log runs/r.nstep up to now │
              │                                                               │
              │ mouse      press and drag on the pad to draw                  │
              │ hjkl ←↓↑→  move the pad cursor (pad focus)                    │
              │ HJKL       move and paint (pad focus)                         │
              │ space  x   paint / erase under the cursor (pad focus)         │
              │ c          clear the pad (pad focus)                          │
              │ r          put a random validation image on the pad           │
              │                                                               │
              │ ?          show or hide this help                             │
              │ q          quit (Ctrl-C too)                                  │
              │                                                               │
              └───────────────────────────────────────────────────────────────┘

            """)
    }

    @Test func helpIsDrawnOverTheScreen() {
        var ui = DashboardUIState()
        ui.showsHelp = true
        let canvas = ScreenRenderer.render(Fixtures.state(steps: 3), ui: ui, configuration: Fixtures.configuration,
                                           width: 120, height: 40)
        #expect(canvas.text().contains("│ q          quit (Ctrl-C too)"))
    }
}
