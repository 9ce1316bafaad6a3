import NoiseStep

/// The dashboard's words for what the session reports: the full line first, then shorter
/// ones for narrow screens (the message row takes the first that fits).
enum SessionEventText {
    static func message(_ event: SessionEvent, describe: (any Error) -> String) -> [String] {
        switch event {
        case .reachedTarget(let step):
            let step = NumberFormat.grouped(step)
            return ["reached the target, step \(step): paused; space continues, t moves the target",
                    "reached the target, step \(step): paused (space continues)", "at the target: paused"]
        case .recordingFailed(let error):
            return ["paused: \(describe(error))", "paused: the step log cannot be written (said again on quit)"]
        case .saved(let path, let step):
            let steps = "steps 1...\(NumberFormat.grouped(step))"
            return ["saved: \(path) holds \(steps) and their weights", "saved: \(path) holds \(steps)", "saved \(steps)"]
        case .notRecording:
            return ["this session does not record (started with --no-record): nothing to save",
                    "not recording (--no-record): nothing to save"]
        case .refused(let violation):
            return [LimitText.keyRefused(violation)]
        }
    }
}
