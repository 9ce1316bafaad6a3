import NoiseStep

/// The dashboard's words for what the session reports.
enum SessionEventText {
    static func message(_ event: SessionEvent, describe: (any Error) -> String) -> String {
        switch event {
        case .reachedTarget(let step): return "reached the target, step \(step): paused (space continues)"
        case .recordingFailed(let error): return "paused: \(describe(error))"
        case .saved(let path, let step): return "saved: \(path) holds steps 1...\(step) and their weights"
        case .notRecording: return "this session does not record (started with --no-record): nothing to save"
        case .refused(let violation): return LimitText.keyRefused(violation)
        }
    }
}
