import NoiseStep

/// How the dashboard looks and what it passes on; the session supplies everything else.
public struct DashboardConfiguration: Sendable {
    /// Whether to use colour.
    public enum ColorChoice: Sendable, Equatable {
        /// Colour when the terminal has it and NO_COLOR is unset or empty.
        case automatic
        case never
    }

    /// A finished run drawn behind this one (`--compare`).
    public struct Ghost: Sendable {
        /// How the status line names it, e.g. the file's name.
        public var name: String
        public var series: HistorySeries

        public init(name: String, series: HistorySeries) {
            self.name = name
            self.series = series
        }

        public init(name: String, history: RunHistory) {
            self.init(name: name, series: HistorySeries(history))
        }
    }

    /// Shown in the status line until the first step reports its own.
    public var alignment: AlignmentEngine
    public var seed: UInt64
    /// Redraws per second, within the rulebook's `Limits.framesPerSecond`: a value
    /// outside it is taken as the nearest end.
    public var framesPerSecond: Int {
        get { Limits.framesPerSecond.clamped(requestedFramesPerSecond) }
        set { requestedFramesPerSecond = newValue }
    }
    private var requestedFramesPerSecond: Int
    public var color: ColorChoice
    /// The background to draw for; nil asks the terminal (OSC 11) or reads COLORFGBG.
    public var theme: Theme?
    /// The glyphs to draw with; nil chooses from the locale and TERM (`GlyphSet.choose`).
    public var glyphs: GlyphSet?
    /// Seeds the choice of validation images for `r`.
    public var imageSeed: UInt64
    /// Steps that space adds at the target, and `t` at any time (the run's --steps).
    public var leg: Int = 1500
    /// The pace `p` switches to, in steps a second: slow enough to watch a run learn.
    public var pace: Double = DashboardConfiguration.watchingPace
    /// The dashboard's pace unless told otherwise (`--pace`).
    public static let watchingPace = 30.0
    /// Steps between validations (0: only at the target), for the help.
    public var evalEvery: Int = 100
    /// The name of each class, index = label.
    public var classNames: [String] = (0 ..< Dataset.classes).map(String.init)
    /// What one example is, for prompts: "digit", "garment".
    public var classNoun = "digit"
    /// What the validation split is, for the help: "the 500-image held-out split".
    public var validationDescription = "the held-out validation split"
    public var ghost: Ghost?
    /// The program's name, which error lines start with, and the command that runs it
    /// again (a path when it is not on the PATH), for hints.
    public var programName = "noisestep"
    public var command = "noisestep"
    /// The run's options as name and value ("batch", "1,024"), listed in the help.
    public var runOptions: [(String, String)] = []
    /// The figures of the steps the run held before this session (a resumed run's,
    /// replayed from its log), each step taken in; the session's history continues it.
    public var history = HistorySeries()
    /// One line for an engine error the session reports (a step log that cannot be
    /// written, say); the program supplies its own wording.
    public var describeError: @Sendable (any Error) -> String = { String(describing: $0) }
    /// One line for a file the dashboard could not write (the `w` export), given its path.
    public var describeFileProblem: @Sendable (FileProblem, String) -> String = { problem, path in
        "\(path): \(problem)"
    }

    public init(alignment: AlignmentEngine = .reverse, seed: UInt64 = 0,
                framesPerSecond: Int = 20, color: ColorChoice = .automatic, imageSeed: UInt64? = nil) {
        self.alignment = alignment
        self.seed = seed
        requestedFramesPerSecond = framesPerSecond
        self.color = color
        self.imageSeed = imageSeed ?? seed
    }

    /// Takes alignment and seed from the run's options.
    public init(options: TrainingOptions) {
        self.init(alignment: options.alignment, seed: options.seed)
    }
}
