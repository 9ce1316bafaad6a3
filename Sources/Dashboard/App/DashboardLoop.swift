import Foundation
import NoiseStep

/// The dashboard's main-thread loop: waits for input with a timeout that ends at the next
/// frame, hands input to `InputReducer`, and redraws `framesPerSecond` times a second
/// whatever the training speed. It never waits on training: it only reads the session's
/// latest state and queues commands.
struct DashboardLoop<Session: LiveTrainingSession> {
    let session: Session
    let validation: Dataset
    let configuration: DashboardConfiguration
    let terminal: NcursesTerminal
    let signals: SignalWatcher
    private var ui = DashboardUIState()
    private var images: ImagePicker
    private let calibrator: PadCalibrator
    private var predictionKey: PredictionKey?
    /// The session's history as plotted, extended each frame by the new steps only.
    private var series = HistorySeries()
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    /// Frames drawn so far and the seconds since the loop began.
    var frames: FrameStatistics {
        FrameStatistics(frames: framesDrawn, seconds: now, strokes: strokes, strokePoints: strokePoints)
    }
    private var framesDrawn = 0
    private var strokes = 0
    private var strokePoints = 0

    init(session: Session, validation: Dataset, configuration: DashboardConfiguration,
         terminal: NcursesTerminal, signals: SignalWatcher) {
        self.session = session
        self.validation = validation
        self.configuration = configuration
        self.terminal = terminal
        self.signals = signals
        images = ImagePicker(seed: configuration.imageSeed)
        calibrator = PadCalibrator(validation: validation)
        series = configuration.history
        start = clock.now
    }

    /// Seconds since the loop was made.
    private var now: Double {
        let elapsed = start.duration(to: clock.now).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    }

    /// Runs until quit, a signal, or the terminal going away; returns the exit status:
    /// 0, 128 + the signal, or 128 + SIGHUP when input hangs up without the signal.
    mutating func run() -> Int32 {
        let period = 1 / Double(configuration.framesPerSecond)
        var nextFrame = now
        while true {
            if let signal = signals.received { return 128 + signal }
            if terminal.isHungUp { return 128 + SIGHUP }
            if signals.takeSuspend() { terminal.suspend() }
            let wait = max(0, nextFrame - now)
            for event in terminal.readEvents(timeoutMilliseconds: Int((wait * 1000).rounded(.up))) {
                if handle(event) { return 0 }
            }
            if now >= nextFrame {
                drawFrame()
                nextFrame = max(nextFrame + period, now)
            }
        }
    }

    /// Applies one input event. Returns whether it asked to quit.
    private mutating func handle(_ event: InputEvent) -> Bool {
        let state = session.state
        var context = InputContext(published: state.settings, parameterCount: state.model.shape.parameterCount,
                                   isPaused: state.isPaused, layout: layout(for: state), now: now,
                                   stepsDone: state.stepsDone, targetStep: state.targetStep, leg: configuration.leg,
                                   runSteps: series.steps, ghostSteps: configuration.ghost?.series.steps,
                                   isRecording: state.recordingPath != nil,
                                   stepsTrained: state.stepsDone - (configuration.history.steps?.upperBound ?? 0))
        context.pace = state.pace
        context.watchingPace = configuration.pace
        context.helpPageCount = HelpOverlay.pageCount(HelpOverlay.Context(recordingPath: state.recordingPath,
                                                                          configuration: configuration),
                                                      screenHeight: terminal.height)
        let strokeBefore = ui.strokeEnd
        let effects = InputReducer.reduce(event, ui: &ui, context: context)
        if case .mouse(let mouse) = event {
            if mouse.action == .press, ui.strokeEnd != nil { strokes += 1 }
            if mouse.action != .press, strokeBefore != nil { strokePoints += 1 }
        }
        for effect in effects {
            switch effect {
            case .send(let command): session.send(command)
            case .loadRandomValidationImage: loadRandomImage()
            case .exportHistory: exportHistory(recordingPath: state.recordingPath)
            case .switchTheme:
                terminal.setTheme(terminal.theme.other)
                ui.notify("colours for a \(terminal.theme.rawValue) background (b switches back)", now: now)
            case .quit: return true
            }
        }
        return false
    }

    private func layout(for state: SessionState) -> ScreenLayout? {
        ScreenLayout(width: terminal.width, height: terminal.height, layerCount: state.model.layers.count, focus: ui.focus)
    }

    private mutating func loadRandomImage() {
        guard validation.count > 0 else {
            return ui.notify("no validation images to show", now: now)
        }
        let index = images.index(below: validation.count)
        ui.showValidationImage(validation.image(index), index: index, label: Int(validation.labels[index]))
    }

    /// Writes the plotted history as CSV beside the step log (or in the current folder)
    /// and says where, or why not.
    private mutating func exportHistory(recordingPath: String?) {
        do throws(FileProblem) {
            let path = try HistoryExport.write(series, beside: recordingPath)
            ui.notify(["history written to \(path) (older steps in buckets; the step log has every step)",
                       "history written to \(path)"], now: now)
        } catch {
            ui.notify("history not written: " + configuration.describeFileProblem(error, "the history export"), now: now)
        }
    }

    private mutating func drawFrame() {
        framesDrawn += 1
        let state = session.state
        if ui.launchSettings == nil { ui.launchSettings = state.settings }
        ui.notice(event: state.event, number: state.eventNumber, now: now, describe: configuration.describeError)
        ui.expireNotice(now: now)
        updatePrediction(state)
        series.update(from: state.history)
        let frame = ScreenRenderer.render(state, series: series, ui: ui, configuration: configuration,
                                          width: terminal.width, height: terminal.height)
        terminal.draw(frame.translated(to: configuration.glyphs ?? terminal.glyphs))
    }

    /// Re-reads the pad when it, the weights or the fit of its confidence changed since
    /// the last reading; asks for a new fit while the pad has something on it.
    private mutating func updatePrediction(_ state: SessionState) {
        let step = state.stepsDone
        if !ui.pad.isEmpty { calibrator.request(state.model, step: step, encoding: state.input) }
        let fit = calibrator.latest
        let key = PredictionKey(revision: ui.pad.revision, source: ui.padSource, step: step, fit: fit)
        guard key != predictionKey else { return }
        predictionKey = key
        ui.prediction = PadPrediction.compute(pad: ui.pad, source: ui.padSource, model: state.model,
                                              encoding: state.input,
                                              calibration: fit?.calibration ?? PadCalibration(temperature: state.temperature),
                                              step: step)
    }

    /// What a prediction depends on.
    private struct PredictionKey: Equatable {
        var revision: Int
        var source: PadSource
        var step: Int
        var fit: PadCalibrator.Fit?
    }
}
