import Foundation

/// One line on stderr that follows a long read of a step log ("reading run.nstep: 42%"),
/// so a person opening a long run sees it move instead of a blank terminal. Drawn only
/// when stderr is a terminal, at most once per percent, and wiped by `finish()`.
struct ReadingProgress {
    private let name: String
    private let isShown = isatty(STDERR_FILENO) == 1
    private var shownPercent = -1

    /// - Parameter path: the log being read, as the user named it.
    init(_ path: String) { name = Printable.escaped(path) }

    /// `done` of `total` bytes read.
    mutating func update(_ done: Int, _ total: Int) {
        guard isShown, total > 0 else { return }
        let percent = min(100, done * 100 / total)
        guard percent != shownPercent else { return }
        shownPercent = percent
        FileHandle.standardError.write(Data("\r\u{1B}[Kreading \(name): \(percent)%".utf8))
    }

    /// Wipes the line, if one was drawn.
    func finish() {
        if isShown && shownPercent >= 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// `body`'s result, with a line following the reading of `path` while it runs (it
    /// reports bytes read and the file's size to the closure it is given), wiped after.
    static func following<Result>(_ path: String, _ body: ((Int, Int) -> Void) throws -> Result) rethrows -> Result {
        var progress = ReadingProgress(path)
        defer { progress.finish() }
        return try body { progress.update($0, $1) }
    }
}
