import NoiseStep

/// What handling an input asks of the world outside the dashboard's own state.
public enum DashboardEffect: Equatable, Sendable {
    case send(TrainingCommand)
    /// Put a random validation image on the pad (the app owns the images and the generator).
    case loadRandomValidationImage
    /// Write the plotted history to a file beside the step log.
    case exportHistory
    /// Draw for the other background, dark or light.
    case switchTheme
    case quit
}
