/// What a screen too small for any layout shows instead: the size it needs.
enum SizeWarning {
    static func draw(in canvas: inout Canvas) {
        let lines = [
            "need \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight)",
            "now \(canvas.width)×\(canvas.height): enlarge the terminal",
            "q quits",
        ]
        let top = max(0, (canvas.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let style = index == 0 ? CellStyle(.bad, bold: true) : CellStyle.muted
            canvas.put(line, column: max(0, (canvas.width - line.count) / 2), row: top + index, style: style)
        }
    }
}
