/// A metrics file: one JSON line per step (`MetricsLine`), appended as the run trains.
///
/// Each line goes out in one write, and a failed write (a full disk) is cut back, so the
/// file never holds half a line. The file is locked while the run writes it. Every line
/// names its run (`RunIdentity`), and a run continues only a file of its own: another
/// run's file, or one that names no run, is refused untouched. Continuing a run keeps
/// the lines up to the step it resumes from and drops any after it, so the file ends up
/// as an uninterrupted run's would.
public final class MetricsLog {
    public let path: String
    /// The run every line names.
    public let run: RunIdentity
    /// The step of the last line in the file (0 for none): the next line is for a later
    /// step. Less than the step a run resumes from when the file missed steps.
    public private(set) var lastStep: Int
    private var file: OpenFile?
    /// Bytes of whole lines written so far.
    private var size: Int

    /// Bytes read at a time when looking for the lines to keep.
    private static let chunkBytes = 64 << 10
    /// A line longer than this is not one `MetricsLine` wrote (those are under 1 KiB).
    private static let maxLineBytes = 64 << 10

    /// Starts a new, empty metrics file at `path` for `run`.
    /// - Parameter existing: a new run refuses a file already there; `--force` may
    ///   replace a metrics file (`.replace`).
    /// - Throws: `.io` when the path is taken, not a regular file, or not writable.
    public init(creating path: String, run: RunIdentity, existing: ExistingFile = .refuse) throws(MetricsError) {
        self.path = path
        self.run = run
        file = try MetricsError.io(path) { () throws(FileProblem) in try OutputFile.create(path, kind: .metrics, contents: [], existing: existing) }
        size = 0
        lastStep = 0
    }

    /// Continues `run`'s metrics file at `path` (created if missing) after step `step`:
    /// lines of later steps, and anything after the first line that is not a whole
    /// metrics line, are removed. Reads a 64 KiB piece at a time, however long the file.
    /// - Throws: `.otherRun` (nothing is cut) when a line names another run or none; `.io` with `.notReplaceable(expected: .metrics)` when the file is not a
    ///   metrics file (a step log given by mistake is never cut), or when it cannot be
    ///   opened, locked or cut.
    public init(continuing path: String, afterStep step: Int, run: RunIdentity) throws(MetricsError) {
        self.path = path
        self.run = run
        let file = try MetricsError.io(path) { () throws(FileProblem) in
            let file = try OutputFile.openOrCreateLocked(path, kind: .metrics)
            guard try OutputKind.metrics.recognizes(file) else { throw .notReplaceable(expected: .metrics) }
            return file
        }
        let kept = try Self.keptLines(of: file, throughStep: step, run: run, path: path)
        try MetricsError.io(path) { () throws(FileProblem) in
            if try file.size() != kept.bytes { try file.truncate(to: kept.bytes) }
        }
        self.file = file
        size = kept.bytes
        lastStep = kept.lastStep
    }

    /// Refuses a metrics file that is the run's step log itself (the same path, or a hard
    /// or symbolic link to it): writing one would destroy the other. Call it before
    /// creating either.
    /// - Throws: `.io` naming `metrics`, with `.sameFile(as: log)`.
    public static func checkApart(metrics: String, log: String) throws(MetricsError) {
        if OutputFile.sameFile(metrics, log) { throw .io(file: metrics, problem: .sameFile(as: log)) }
    }

    /// Refuses now what `init(creating: path, run:, existing:)` would refuse (or, with
    /// `continuing`, `init(continuing:afterStep:run:)`, reading the first line only),
    /// creating nothing.
    public static func checkOpenable(_ path: String, existing: ExistingFile, continuing: RunIdentity?) throws(MetricsError) {
        try MetricsError.io(path) { () throws(FileProblem) in
            try OutputFile.checkCreatable(path, kind: .metrics, existing: continuing != nil ? .replace : existing)
        }
        guard let run = continuing, let file = try? FileSystem.openForReading(path) else { return }
        let first = try MetricsError.io(path) { () throws(FileProblem) in try file.read(at: 0, count: 256) }
        guard !first.isEmpty else { return }
        let found = MetricsLine.run(of: first.prefix { $0 != 0x0A })
        if found != run { throw .otherRun(file: path, found: found, run: run) }
    }

    /// The whole lines at the start of `file` whose step is at most `step`: their bytes
    /// and the last one's step.
    /// - Throws: `.otherRun` when a line read names another run than `run`.
    static func keptLines(of file: OpenFile, throughStep step: Int, run: RunIdentity,
                          path: String) throws(MetricsError) -> (bytes: Int, lastStep: Int) {
        let size = try MetricsError.io(path) { () throws(FileProblem) in try file.size() }
        var kept = 0, lastStep = 0, offset = 0, line = [UInt8]()
        while offset < size {
            let chunk = try MetricsError.io(path) { () throws(FileProblem) in
                try file.read(at: offset, count: min(chunkBytes, size - offset))
            }
            if chunk.isEmpty { break }
            var start = 0
            while let newline = chunk[start...].firstIndex(of: 0x0A) {
                line += chunk[start ..< newline]
                let found = MetricsLine.run(of: line[...])
                if found != run, MetricsLine.step(of: line[...]) != nil {
                    throw .otherRun(file: path, found: found, run: run)
                }
                guard let lineStep = MetricsLine.step(of: line[...]), lineStep <= step else { return (kept, lastStep) }
                kept += line.count + 1
                lastStep = lineStep
                line.removeAll(keepingCapacity: true)
                start = newline + 1
            }
            line += chunk[start...]
            guard line.count <= maxLineBytes else { return (kept, lastStep) }
            offset += chunk.count
        }
        return (kept, lastStep)
    }

    /// Appends `snapshot`'s line, whole or not at all.
    public func append(_ snapshot: TrainingSnapshot) throws(MetricsError) {
        guard let file else { throw .closed(file: path) }
        let line = Array(MetricsLine.encode(snapshot, run: run).utf8)
        do throws(FileProblem) {
            try file.write(line, at: size)
        } catch {
            try? file.truncate(to: size)
            throw .io(file: path, problem: error)
        }
        size += line.count
        lastStep = snapshot.step
    }

    /// Syncs (best effort) and closes the file; later appends throw. Idempotent.
    public func close() {
        try? file?.sync()
        file = nil
    }

    deinit { close() }
}
