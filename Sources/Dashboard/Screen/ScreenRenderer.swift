import NoiseStep

/// Composes a whole frame: a pure function of the session's state, the dashboard's own
/// state and the screen size.
///
/// Each panel collects what it needs from the state, then draws it into its rectangle.
/// Given an up-to-date `HistorySeries`, cost does not grow with the run's length.
public enum ScreenRenderer {
    /// Renders `state` with its history taken in afresh: simple, but O(history).
    public static func render(_ state: SessionState, ui: DashboardUIState, configuration: DashboardConfiguration,
                              width: Int, height: Int) -> Canvas {
        render(state, series: HistorySeries(state.history), ui: ui, configuration: configuration,
               width: width, height: height)
    }

    /// Renders `state` with `series`, which must hold `state.history` (kept up to date
    /// incrementally by the caller).
    public static func render(_ state: SessionState, series: HistorySeries, ui: DashboardUIState,
                              configuration: DashboardConfiguration, width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        guard let layout = ScreenLayout(width: width, height: height, layerCount: state.model.layers.count) else {
            SizeWarning.draw(in: &canvas)
            return canvas
        }
        let training = ui.focus == .training
        StatusPanel.draw(StatusPanel.collect(state, ui: ui, configuration: configuration), in: &canvas,
                         status: layout.status, message: layout.message)
        LossPanel.draw(LossPanel.collect(state, series: series, ui: ui, width: layout.loss.width), in: &canvas,
                       rect: layout.loss, focused: training)
        AccuracyPanel.draw(AccuracyPanel.collect(state, series: series, ui: ui, width: layout.accuracy.width),
                           in: &canvas, rect: layout.accuracy, focused: training)
        SparsityPanel.draw(SparsityPanel.collect(state, series: series, width: layout.sparsity.width), in: &canvas,
                           rect: layout.sparsity, focused: training)
        AcceptancePanel.draw(AcceptancePanel.collect(state, series: series, width: layout.acceptance.width),
                             in: &canvas, rect: layout.acceptance, focused: training)
        PadPanel.draw(PadPanel.collect(ui), in: &canvas, rect: layout.pad, focused: !training)
        PredictionPanel.draw(PredictionPanel.collect(ui), in: &canvas, rect: layout.prediction)
        if ui.showsHelp { HelpOverlay.draw(recordingPath: state.recordingPath, in: &canvas) }
        return canvas
    }
}
