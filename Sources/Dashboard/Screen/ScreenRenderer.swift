import NoiseStep

/// Composes a whole frame: a pure function of the session's state, the dashboard's own
/// state and the screen size.
///
/// Each panel collects what it needs from the state into an Equatable content, then
/// draws it into its rectangle; the frame is drawn in Unicode (the caller translates it
/// for an ASCII terminal). Given an up-to-date `HistorySeries`, cost does not grow with
/// the run's length.
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
        guard let layout = ScreenLayout(width: width, height: height, layerCount: state.model.layers.count,
                                        focus: ui.focus) else {
            SizeWarning.draw(in: &canvas, notice: ui.notice)
            return canvas
        }
        let ghost = configuration.ghost?.series, ghostName = configuration.ghost?.name
        let training = ui.focus == .training
        StatusPanel.draw(StatusPanel.collect(state, ui: ui, configuration: configuration), in: &canvas,
                         status: layout.status, message: layout.message)
        var lossComparison: Comparison?, accuracyComparison: Comparison?
        if let rect = layout.loss {
            let content = LossPanel.collect(state, series: series, ghost: ghost, ui: ui, width: rect.width,
                                            ghostName: ghostName)
            lossComparison = content.comparison
            LossPanel.draw(content, in: &canvas, rect: rect, focused: training)
        }
        if let rect = layout.timeline {
            TimelinePanel.draw(TimelinePanel.collect(state, series: series, ghost: ghost, ui: ui, width: rect.width),
                               in: &canvas, rect: rect)
        }
        if let rect = layout.accuracy {
            let content = AccuracyPanel.collect(state, series: series, ghost: ghost, ui: ui, width: rect.width,
                                                ghostName: ghostName)
            accuracyComparison = content.comparison
            AccuracyPanel.draw(content, in: &canvas, rect: rect, focused: training)
        }
        ChangesPanel.draw(ChangesPanel.collect(series: series, loss: lossComparison, accuracy: accuracyComparison,
                                               rows: layout.changes.height - 2),
                          in: &canvas, rect: layout.changes, focused: training)
        AcceptancePanel.draw(AcceptancePanel.collect(state, series: series, ui: ui, width: layout.acceptance.width),
                             in: &canvas, rect: layout.acceptance, focused: training)
        drawPadPanels(state, ui: ui, configuration: configuration, layout: layout, in: &canvas)
        if let page = ui.helpPage {
            HelpOverlay.draw(HelpOverlay.Context(recordingPath: state.recordingPath, configuration: configuration),
                             page: page, in: &canvas)
        }
        return canvas
    }

    /// The pad, what the model sees, the prediction, and the large arrangement's panels.
    private static func drawPadPanels(_ state: SessionState, ui: DashboardUIState, configuration: DashboardConfiguration,
                                      layout: ScreenLayout, in canvas: inout Canvas) {
        if let rect = layout.pad {
            PadPanel.draw(PadPanel.collect(ui, scale: layout.padScale, classNames: configuration.classNames),
                          in: &canvas, rect: rect, focused: ui.focus == .pad)
        }
        if let rect = layout.sees { SeesPanel.draw(SeesPanel.collect(ui), in: &canvas, rect: rect) }
        PredictionPanel.draw(PredictionPanel.collect(ui, configuration: configuration), in: &canvas,
                             rect: layout.prediction)
        if let rect = layout.classes {
            ClassesPanel.draw(ClassesPanel.collect(state, configuration: configuration), in: &canvas, rect: rect)
        }
        if let rect = layout.fields { FieldsPanel.draw(FieldsPanel.collect(state, rect: rect), in: &canvas, rect: rect) }
    }
}
