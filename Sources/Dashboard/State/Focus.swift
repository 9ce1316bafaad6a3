import NoiseStep

/// Which part of the screen the keyboard acts on.
public enum Focus: Equatable, Sendable {
    /// The training panels: space pauses, the tuning keys retune, arrows pan the plots.
    case training
    /// The drawing pad: space paints, arrows and hjkl move the cursor; tuning keys wait
    /// for the training panels.
    case pad
}
