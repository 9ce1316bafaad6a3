import NoiseStep

/// How the dashboard looks and what it passes on; the session supplies everything else.
public struct DashboardConfiguration: Sendable {
    /// Whether to use colour.
    public enum ColorChoice: Sendable, Equatable {
        /// Colour when the terminal has it and NO_COLOR is unset or empty.
        case automatic
        case never
    }

    /// Shown in the status line until the first step reports its own.
    public var alignment: AlignmentEngine
    public var seed: UInt64
    /// Redraws per second; the dashboard keeps it within 10...30.
    public var framesPerSecond: Int
    public var color: ColorChoice
    /// Seeds the choice of validation images for `r`.
    public var imageSeed: UInt64
    /// One line for an engine error the session reports (a step log that cannot be
    /// written, say); the program supplies its own wording.
    public var describeError: @Sendable (any Error) -> String = { String(describing: $0) }

    public init(alignment: AlignmentEngine = .reverse, seed: UInt64 = 0,
                framesPerSecond: Int = 20, color: ColorChoice = .automatic, imageSeed: UInt64? = nil) {
        self.alignment = alignment
        self.seed = seed
        self.framesPerSecond = min(max(framesPerSecond, 10), 30)
        self.color = color
        self.imageSeed = imageSeed ?? seed
    }

    /// Takes alignment and seed from the run's options.
    public init(options: TrainingOptions) {
        self.init(alignment: options.alignment, seed: options.seed)
    }
}
