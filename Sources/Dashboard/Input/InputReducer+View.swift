import NoiseStep

extension InputReducer {
    /// `z` / `Z`, ↑ / ↓ and the wheel zoom by this factor (in) or its inverse (out).
    static let zoomFactor = 0.5
    /// ← / → move the window by this share of its width.
    static let panShare = 0.25

    /// Zooms the plots in or out around `step` (nil: keeping the right edge).
    static func zoom(in zoomIn: Bool, around step: Int?, ui: inout DashboardUIState, context: InputContext) {
        guard context.runSteps != nil || context.ghostSteps != nil else {
            return ui.notify("nothing to zoom into before the first step", now: context.now)
        }
        ui.plotView.zoom(by: zoomIn ? zoomFactor : 1 / zoomFactor, around: step, run: context.runSteps,
                         ghost: context.ghostSteps)
        ui.notify(viewText(ui.plotView, context: context), now: context.now)
    }

    /// The wheel over a plot zooms around the step under the pointer; elsewhere it does nothing.
    static func zoom(with mouse: MouseEvent, ui: inout DashboardUIState, context: InputContext) {
        guard let layout = context.layout,
              let plot = [layout.loss, layout.accuracy, layout.timeline].compactMap({ $0 }).first(where: {
                  $0.contains(column: mouse.column, row: mouse.row)
              }),
              let window = ui.plotView.window(run: context.runSteps, ghost: context.ghostSteps) else { return }
        let left = plot.column + 1 + BraillePlot.labelWidth + 1
        let columns = BraillePlot.plotColumns(width: plot.width - 2)
        let fraction = Double(min(max(mouse.column - left, 0), max(0, columns - 1))) / Double(max(1, columns - 1))
        let step = window.lowerBound + Int((fraction * Double(window.count - 1)).rounded())
        zoom(in: mouse.action == .scrollUp, around: step, ui: &ui, context: context)
    }

    /// ← → pan the plots, ↑ ↓ zoom them (training focus).
    static func moveView(_ event: InputEvent, ui: inout DashboardUIState, context: InputContext) {
        switch event {
        case .up, .down: zoom(in: event == .up, around: nil, ui: &ui, context: context)
        default:
            guard ui.plotView.span != nil else {
                return ui.notify(["the arrows ← → move a zoomed window: z zooms in (the pad cursor: Tab to the pad)",
                                  "the arrows ← → move a zoomed window: z zooms in"], now: context.now)
            }
            ui.plotView.pan(by: event == .left ? -panShare : panShare, run: context.runSteps, ghost: context.ghostSteps)
            ui.notify(viewText(ui.plotView, context: context), now: context.now)
        }
    }

    /// What the plots show now, for the message line, from the fullest to the shortest.
    /// The arrow keys are named in words: in ASCII their glyphs read as the `<` `>` keys.
    static func viewText(_ view: PlotView, context: InputContext) -> [String] {
        guard view.span != nil, let window = view.window(run: context.runSteps, ghost: context.ghostSteps) else {
            return ["plots: the whole run (z zooms in)"]
        }
        if view.isFollowing {
            let last = "plots: the last \(NumberFormat.grouped(window.count)) steps"
            return [last + ", following (Z out, left arrow back)", last + " (Z out, left arrow back)", last]
        }
        let steps = "plots: steps " + NumberFormat.grouped(window.lowerBound) + "–" + NumberFormat.grouped(window.upperBound)
        return [steps + " (right arrow toward now, Z out)", steps + " (right arrow: now)", steps]
    }
}
