/// A metrics file: one JSON line per step (`MetricsLine`), appended as the run trains.
///
/// Each line goes out in one write, and a failed write is cut back, so the file never
/// holds half a line. Continuing a run keeps the lines up to the step it resumes from
/// and drops any after it, so the file ends up as an uninterrupted run's would.
public final class MetricsLog {
    public let path: String
    private var descriptor: Int32
    private var size: Int

    /// Starts an empty metrics file at `path`, replacing the contents of a regular file there.
    public init(creating path: String) throws(StepLogError) {
        self.path = path
        descriptor = try LogFileSystem.openForWriting(path)
        size = 0
        do throws(StepLogError) {
            try LogFileSystem.truncate(descriptor, to: 0, file: path)
        } catch {
            LogFileSystem.closeFile(descriptor)
            throw error
        }
    }

    /// Continues the metrics file at `path` (created if missing) after step `step`: lines
    /// of later steps, and anything after the first line that is not a whole metrics
    /// line, are removed.
    public init(continuing path: String, afterStep step: Int) throws(StepLogError) {
        self.path = path
        descriptor = try LogFileSystem.openForWriting(path)
        do throws(StepLogError) {
            let bytes = try LogFileSystem.readAll(path, limit: StepLogFormat.maxFileBytes)
            size = Self.keptLength(of: bytes, throughStep: step)
            if size != bytes.count { try LogFileSystem.truncate(descriptor, to: size, file: path) }
        } catch {
            LogFileSystem.closeFile(descriptor)
            throw error
        }
    }

    /// Bytes of the whole lines of `bytes` whose step is at most `step`.
    static func keptLength(of bytes: [UInt8], throughStep step: Int) -> Int {
        var kept = 0, start = 0
        while let end = bytes[start...].firstIndex(of: 0x0A) {
            guard let lineStep = MetricsLine.step(of: bytes[start ..< end]), lineStep <= step else { break }
            kept = end + 1
            start = end + 1
        }
        return kept
    }

    /// Appends `snapshot`'s line.
    public func append(_ snapshot: TrainingSnapshot) throws(StepLogError) {
        guard descriptor >= 0 else { throw .writerFailed(file: path) }
        let line = Array(MetricsLine.encode(snapshot).utf8)
        do throws(StepLogError) {
            try LogFileSystem.write(line, at: size, to: descriptor, file: path)
        } catch {
            try? LogFileSystem.truncate(descriptor, to: size, file: path)
            throw error
        }
        size += line.count
    }

    /// Syncs (best effort) and closes the file; later appends throw. Idempotent.
    public func close() {
        guard descriptor >= 0 else { return }
        try? LogFileSystem.sync(descriptor, file: path)
        LogFileSystem.closeFile(descriptor)
        descriptor = -1
    }

    deinit { close() }
}
