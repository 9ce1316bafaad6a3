import Dashboard
import Foundation
import NoiseStep

/// What the dashboard's hidden `--stats FILE` leaves for `bench --dashboard` on exit: one
/// JSON line (`JSONOutput`) that names itself in its first key, as an `OutputKind.report`.
struct DashboardStatistics: Encodable {
    let report = "dashboard statistics"
    var frames: Int
    var seconds: Double
    var fps: Double
    /// Steps in the session's history (a resumed run's included).
    var steps: Int
    var trainingSeconds: Double
    var peakRSSBytes: Int
    /// Mouse strokes that reached the pad, and their points (the stroke measurement).
    var strokes: Int
    var strokePoints: Int

    init(frames: FrameStatistics, state: SessionState) {
        self.frames = frames.frames
        seconds = frames.seconds
        fps = frames.framesPerSecond
        steps = state.history.endIndex  // every record, those the history no longer holds too
        trainingSeconds = state.elapsedSeconds
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        peakRSSBytes = usage.ru_maxrss * 1024
        strokes = frames.strokes
        strokePoints = frames.strokePoints
    }

    /// Writes the line to `path`, replacing an earlier report.
    func write(to path: String) throws {
        let line = try JSONOutput.line(self) + "\n"
        do throws(FileProblem) {
            try OutputFile.write(Array(line.utf8), to: path, kind: .report, existing: .replace)
        } catch {
            throw CLIError(error.message(path: path))
        }
    }
}
