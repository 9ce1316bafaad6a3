/// What a screen too small for any layout shows instead: the size it needs, and the
/// notice if one is up (a quit that asks first).
enum SizeWarning {
    static func draw(in canvas: inout Canvas, notice: Notice? = nil) {
        let lines = [
            "need \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight)",
            "now \(canvas.width)×\(canvas.height): enlarge the terminal",
            notice?.text(fitting: canvas.width) ?? "q quits",
        ]
        let top = max(0, (canvas.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let style = index == 0 ? CellStyle(.bad, bold: true) : CellStyle.muted
            canvas.put(line, column: max(0, (canvas.width - line.count) / 2), row: top + index, style: style)
        }
    }
}
