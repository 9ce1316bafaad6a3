/// A metrics file: one JSON line per step (`MetricsLine`), appended as the run trains.
///
/// Each line goes out in one write, and a failed write (a full disk) is cut back, so the
/// file never holds half a line. The file is locked while the run writes it. Continuing
/// a run keeps the lines up to the step it resumes from and drops any after it, so the
/// file ends up as an uninterrupted run's would.
public final class MetricsLog {
    public let path: String
    private var file: OpenFile?
    /// Bytes of whole lines written so far.
    private var size: Int

    /// Bytes read at a time when looking for the lines to keep.
    private static let chunkBytes = 64 << 10
    /// A line longer than this is not one `MetricsLine` wrote (those are under 1 KiB).
    private static let maxLineBytes = 64 << 10

    /// Starts a new, empty metrics file at `path`.
    /// - Parameter existing: a new run refuses a file already there; `--force` may
    ///   replace a metrics file (`.replace`).
    /// - Throws: `.io` when the path is taken, not a regular file, or not writable.
    public init(creating path: String, existing: ExistingFile = .refuse) throws(MetricsError) {
        self.path = path
        file = try MetricsError.io(path) { () throws(FileProblem) in try OutputFile.create(path, kind: .metrics, contents: [], existing: existing) }
        size = 0
    }

    /// Continues the metrics file at `path` (created if missing) after step `step`: lines
    /// of later steps, and anything after the first line that is not a whole metrics
    /// line, are removed. Reads a 64 KiB piece at a time, however long the file.
    /// - Throws: `.io` with `.notReplaceable(expected: .metrics)` when the file is not a
    ///   metrics file (a step log given by mistake is never cut), or when it cannot be
    ///   opened, locked or cut.
    public init(continuing path: String, afterStep step: Int) throws(MetricsError) {
        self.path = path
        let (file, kept) = try MetricsError.io(path) { () throws(FileProblem) in
            let file = try OutputFile.openOrCreateLocked(path, kind: .metrics)
            guard try OutputKind.metrics.recognizes(file) else { throw .notReplaceable(expected: .metrics) }
            let kept = try Self.keptLength(of: file, throughStep: step)
            if try file.size() != kept { try file.truncate(to: kept) }
            return (file, kept)
        }
        self.file = file
        size = kept
    }

    /// Refuses a metrics file that is the run's step log itself (the same path, or a hard
    /// or symbolic link to it): writing one would destroy the other. Call it before
    /// creating either.
    /// - Throws: `.io` naming `metrics`, with `.sameFile(as: log)`.
    public static func checkApart(metrics: String, log: String) throws(MetricsError) {
        if OutputFile.sameFile(metrics, log) { throw .io(file: metrics, problem: .sameFile(as: log)) }
    }

    /// Refuses now what `init(creating: path, existing:)` would refuse (or, with
    /// `continuing`, `init(continuing:afterStep:)`), creating nothing.
    public static func checkOpenable(_ path: String, existing: ExistingFile, continuing: Bool) throws(MetricsError) {
        try MetricsError.io(path) { () throws(FileProblem) in
            try OutputFile.checkCreatable(path, kind: .metrics, existing: continuing ? .replace : existing)
        }
    }

    /// Bytes of the whole lines at the start of `file` whose step is at most `step`.
    static func keptLength(of file: OpenFile, throughStep step: Int) throws(FileProblem) -> Int {
        let size = try file.size()
        var kept = 0, offset = 0, line = [UInt8]()
        while offset < size {
            let chunk = try file.read(at: offset, count: min(chunkBytes, size - offset))
            if chunk.isEmpty { break }
            var start = 0
            while let newline = chunk[start...].firstIndex(of: 0x0A) {
                line += chunk[start ..< newline]
                guard let lineStep = MetricsLine.step(of: line[...]), lineStep <= step else { return kept }
                kept += line.count + 1
                line.removeAll(keepingCapacity: true)
                start = newline + 1
            }
            line += chunk[start...]
            guard line.count <= maxLineBytes else { return kept }
            offset += chunk.count
        }
        return kept
    }

    /// Appends `snapshot`'s line, whole or not at all.
    public func append(_ snapshot: TrainingSnapshot) throws(MetricsError) {
        guard let file else { throw .closed(file: path) }
        let line = Array(MetricsLine.encode(snapshot).utf8)
        do throws(FileProblem) {
            try file.write(line, at: size)
        } catch {
            try? file.truncate(to: size)
            throw .io(file: path, problem: error)
        }
        size += line.count
    }

    /// Syncs (best effort) and closes the file; later appends throw. Idempotent.
    public func close() {
        try? file?.sync()
        file = nil
    }

    deinit { close() }
}
