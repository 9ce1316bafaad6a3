/// How a 28 × 28 image is laid onto terminal cells.
public enum PadScale: Sendable, Equatable {
    /// Two columns and one row per pixel (56 × 28 cells): square pixels, four shades.
    case double
    /// One column per pixel and two pixel rows per cell (28 × 14 cells), for small screens.
    case half

    /// The cells the 28 × 28 pixels take.
    var cells: (columns: Int, rows: Int) {
        switch self {
        case .double: (DrawingPad.side * 2, DrawingPad.side)
        case .half: (DrawingPad.side, DrawingPad.side / 2)
        }
    }
}
