import NoiseStep

/// What the model reads from the pad: the 28 × 28 image after preprocessing (a drawing
/// is cropped, scaled to 20 px and centred; a validation image is read as is), as a
/// braille thumbnail with one dot per inked pixel.
enum SeesPanel {
    struct Content: Equatable {
        /// [28, 28] bytes; empty while the pad is.
        var input: [UInt8]
        var isDrawing: Bool
    }

    static func collect(_ ui: DashboardUIState) -> Content {
        let isDrawing = ui.padSource == .drawing
        return Content(input: ui.prediction?.input ?? [], isDrawing: isDrawing)
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect) {
        canvas.box(rect, title: TextLine("model sees", .title))
        let inside = rect.inset(by: 1)
        let cells = PixelArt.thumbnailCells
        let column = inside.column + max(0, (inside.width - cells.columns) / 2)
        guard !content.input.isEmpty else {
            return PlotPanelSupport.centred(lines: ["28×28 input", "of the model"], in: &canvas, rect: rect)
        }
        PixelArt.thumbnail(content.input, style: CellStyle(.ink, bold: true), in: &canvas, column: column, row: inside.row)
        // How the image was made, when every line of it fits under the thumbnail.
        let notes = content.isDrawing ? ["cropped,", "scaled to 20", "px, centred", "like MNIST"]
                                      : ["read as is,", "as evaluation", "reads it"]
        guard cells.rows + notes.count < inside.height, notes.allSatisfy({ $0.count <= inside.width }) else { return }
        for (offset, note) in notes.enumerated() {
            canvas.put(note, column: inside.column + 1, row: inside.row + cells.rows + 1 + offset, style: .muted)
        }
    }
}
