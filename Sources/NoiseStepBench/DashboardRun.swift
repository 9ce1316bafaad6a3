import Foundation
import NoiseStep

/// One dashboard run in a detached tmux session, as a person would see it: started with
/// some options, watched through the step log it records, quit with `q`. The bench
/// learns its progress from the log, not from the screen, so the dashboard's words can
/// change freely. The session lives on a tmux server of its own (its own socket, no
/// configuration file), never the user's, and `close()` kills that server.
struct DashboardRun {
    let executable: String
    let directory: URL
    /// The tmux socket's name and the session's.
    let session = "noisestep-bench-\(getpid())"
    private var tmux: String { "tmux -L \(session) -f /dev/null" }
    var log: String { directory.appendingPathComponent("dashboard.nstep").path }
    var stats: String { directory.appendingPathComponent("stats.json").path }

    /// Starts `noisestep dashboard` with `options` in a 120 × 40 tmux session.
    /// - Returns: the dashboard's process id.
    func start(_ options: [String]) throws -> Int32 {
        try? FileManager.default.removeItem(atPath: stats)
        try? FileManager.default.removeItem(atPath: log)
        let arguments = [executable, "dashboard", "--stats", stats, "--out", log, "--pace", "0"] + options
        // exec: the pane's process is the dashboard itself. The tmux server outlives this
        // call; its output goes to /dev/null so that no pipe of ours stays open in it.
        let command = "exec " + arguments.map { "'\($0)'" }.joined(separator: " ")
        try shell("\(tmux) new-session -d -x 120 -y 40 -s \(session) \"\(command)\" >/dev/null 2>&1")
        let pane = try ChildProcess.run(["tmux", "-L", session, "display-message", "-p", "-t", session, "#{pane_pid}"])
        guard let pid = Int32(pane.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError.unreadableOutput(command: "tmux display-message", tail: pane.outputTail())
        }
        return pid
    }

    /// Steps in the recorded log so far (0 before its header is written).
    func stepsRecorded() -> Int { (try? StepLog.stepsRecorded(path: log)) ?? 0 }

    /// Polls the log until it holds `steps` steps, calling `sample` at each poll.
    func wait(forSteps steps: Int, timeout: TimeInterval, every interval: TimeInterval,
              sample: (Int) -> Void = { _ in }) throws {
        try wait(forSteps: steps, timeout: timeout, interval: { _ in interval }, sample: sample)
    }

    /// Polls the log until it holds `steps` steps, waiting `interval(steps recorded)` between
    /// polls (a poll reads the whole log, so a long run is polled less often), calling
    /// `sample` at each poll.
    func wait(forSteps steps: Int, timeout: TimeInterval, interval: (Int) -> TimeInterval,
              sample: (Int) -> Void = { _ in }) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let recorded = stepsRecorded()
            sample(recorded)
            if recorded >= steps { return }
            guard Date() < deadline else { throw BenchError.dashboardTimedOut(steps: steps) }
            Thread.sleep(forTimeInterval: interval(recorded))
        }
    }

    /// What the dashboard's `--stats` report holds (the fields this bench reads).
    struct Figures: Decodable {
        var fps: Double
        var steps: Int
        var trainingSeconds: Double
        var peakRssBytes: Int
    }

    /// Quits with `q` and returns the figures the dashboard wrote on exit.
    func quit(timeout: TimeInterval = 60) throws -> Figures {
        try shell("\(tmux) send-keys -t \(session) q")
        let deadline = Date().addingTimeInterval(timeout)
        while !FileManager.default.fileExists(atPath: stats) {
            guard Date() < deadline else { throw BenchError.dashboardTimedOut(steps: stepsRecorded()) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase  // `JSONOutput`'s keys
        return try decoder.decode(Figures.self, from: Data(contentsOf: URL(fileURLWithPath: stats)))
    }

    /// Kills the run's tmux server and removes its socket file, which tmux leaves behind
    /// (in $TMUX_TMPDIR, else /tmp, under tmux-UID).
    func close() {
        try? shell("\(tmux) kill-server >/dev/null 2>&1")
        let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(base)/tmux-\(getuid())/\(session)")
    }

    /// The resident memory of process `pid` now (VmRSS), in bytes.
    static func residentBytes(of pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes * 1024
    }

    private func shell(_ line: String) throws {
        let command = ["/bin/sh", "-c", line]
        try BenchError.check(try ChildProcess.run(command), command: command)
    }
}
