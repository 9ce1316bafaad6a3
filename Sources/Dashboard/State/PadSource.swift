import NoiseStep

/// Where the pad's picture came from, which decides how it is classified.
public enum PadSource: Equatable, Sendable {
    /// Drawn by hand: classified after `PadPreprocessing.mnistStyle`.
    case drawing
    /// Validation image `index` with its true `label`, classified as is, exactly as
    /// evaluation sees it; `edited` once the person painted or erased on it. It stays a
    /// validation image until the pad is cleared.
    case validation(index: Int, label: Int, edited: Bool)

    /// The true label of a validation image, nil for a drawing.
    public var label: Int? {
        if case .validation(_, let label, _) = self { return label }
        return nil
    }
}
