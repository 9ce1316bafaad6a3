/// What a `TrainingSession` publishes after every step and every command: an immutable
/// value the UI reads once per frame.
public struct SessionState: Sendable {
    /// The last finished step, nil before the first.
    public var snapshot: TrainingSnapshot?
    /// Every finished step of the run.
    public var history: RunHistory
    /// The most steps a second training takes (`TrainingCommand.pace`); nil: no limit.
    public var pace: Double?
    public var isPaused: Bool
    /// Settings the next step will use.
    public var settings: StepSettings
    /// The step training pauses after.
    public var targetStep: Int
    /// Steps finished, including those before a resume.
    public var stepsDone: Int
    /// The weights after the last step, for live inference.
    public var model: TernaryModel
    /// How inputs are encoded for `model`.
    public var input: InputEncoding
    /// The softmax temperature the model was trained with (its logits are divided by it).
    public var temperature: Double
    /// The step log the run is recorded in; nil when it is not recorded.
    public var recordingPath: String?
    /// The latest event and its number (1, 2, …; 0 before any): a new number is a new
    /// event, even if equal to the last.
    public var event: SessionEvent?
    public var eventNumber: Int
    /// Steps finished per second over the last few seconds of running.
    public var stepsPerSecond: Double
    /// Seconds spent running (pauses excluded).
    public var elapsedSeconds: Double
    /// What the model predicted for each class of the validation split, measured with
    /// the last validation (or when the session opened on earlier steps); nil before.
    public var confusion: ConfusionMatrix?
    /// The step whose weights `confusion` measured.
    public var confusionStep: Int
    /// Why the step log or metrics file does not hold everything trained (or, after
    /// `stop`, the final weights); nil when it does, or the run is not recorded.
    public var recordingError: RunError?

    public init(snapshot: TrainingSnapshot?, history: RunHistory, isPaused: Bool, settings: StepSettings,
                targetStep: Int, stepsDone: Int, model: TernaryModel, input: InputEncoding, temperature: Double,
                recordingPath: String?, event: SessionEvent?, eventNumber: Int, stepsPerSecond: Double,
                elapsedSeconds: Double, confusion: ConfusionMatrix? = nil, confusionStep: Int = 0,
                recordingError: RunError? = nil) {
        self.snapshot = snapshot
        self.history = history
        self.isPaused = isPaused
        self.settings = settings
        self.targetStep = targetStep
        self.stepsDone = stepsDone
        self.model = model
        self.input = input
        self.temperature = temperature
        self.recordingPath = recordingPath
        self.event = event
        self.eventNumber = eventNumber
        self.stepsPerSecond = stepsPerSecond
        self.elapsedSeconds = elapsedSeconds
        self.confusion = confusion
        self.confusionStep = confusionStep
        self.recordingError = recordingError
    }
}
