import NoiseStep

/// Which part of the screen the keyboard acts on.
public enum Focus: Equatable, Sendable {
    /// The training panels: space pauses, `l` toggles the log scale.
    case training
    /// The drawing pad: space paints, arrows and hjkl move the cursor.
    case pad
}
