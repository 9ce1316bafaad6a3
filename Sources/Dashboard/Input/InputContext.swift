import NoiseStep

/// What the reducer may read besides the dashboard state.
public struct InputContext: Sendable {
    /// The settings the session last published.
    public var published: StepSettings
    /// Parameters of the model, which the rulebook needs to check a step's settings.
    public var parameterCount: Int
    public var isPaused: Bool
    /// The current screen's layout; nil while the screen is too small.
    public var layout: ScreenLayout?
    /// Seconds on a monotonic clock, for pending settings and notices.
    public var now: Double
    /// Steps finished and the step training pauses after.
    public var stepsDone: Int
    public var targetStep: Int
    /// Steps `t` adds to the target (and space at the target).
    public var leg: Int
    /// The steps the plots hold: this run's and a compared run's.
    public var runSteps: ClosedRange<Int>?
    public var ghostSteps: ClosedRange<Int>?
    /// Whether the session records its steps (else quitting loses them, so `q` asks first).
    public var isRecording: Bool
    /// Steps trained in this session.
    public var stepsTrained: Int
    /// Pages of help on this screen.
    public var helpPageCount = 2
    /// Training's pace now (nil: as fast as it can), and the pace `p` switches to.
    public var pace: Double?
    public var watchingPace = 30.0

    public init(published: StepSettings, parameterCount: Int, isPaused: Bool, layout: ScreenLayout?, now: Double,
                stepsDone: Int = 0, targetStep: Int = 0, leg: Int = 1, runSteps: ClosedRange<Int>? = nil,
                ghostSteps: ClosedRange<Int>? = nil, isRecording: Bool = true, stepsTrained: Int = 0) {
        self.published = published
        self.parameterCount = parameterCount
        self.isPaused = isPaused
        self.layout = layout
        self.now = now
        self.stepsDone = stepsDone
        self.targetStep = targetStep
        self.leg = leg
        self.runSteps = runSteps
        self.ghostSteps = ghostSteps
        self.isRecording = isRecording
        self.stepsTrained = stepsTrained
    }

    /// Rows of the screen (for help pages); 0 while it is too small.
    var screenHeight: Int { layout.map { $0.message.row + 1 } ?? 0 }
}
