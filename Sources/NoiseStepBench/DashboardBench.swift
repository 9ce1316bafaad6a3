import Foundation
import NoiseStep

/// `bench --dashboard`: training throughput with the dashboard open against headless
/// `train` on the same options, and the dashboard's frame rate. The dashboard runs in a
/// detached 120×40 tmux session, as a person would see it; rounds alternate headless and
/// dashboard runs. Throughput is steps over the summed step times, validation off in both.
public struct DashboardBench {
    var executable: String
    var steps: Int
    var rounds: Int
    var threads: Int
    var progress: (String) -> Void

    /// - Parameter threads: worker threads, already resolved (not 0).
    public init(executable: String, steps: Int = 600, rounds: Int = 3, threads: Int,
                progress: @escaping (String) -> Void) {
        self.executable = executable
        self.steps = steps
        self.rounds = rounds
        self.threads = threads
        self.progress = progress
    }

    public struct Result: Encodable, Sendable {
        var steps: Int
        var threads: Int
        var rounds: Int
        var headlessStepsPerSecond: Double
        var dashboardStepsPerSecond: Double
        var framesPerSecond: Double
        var headlessByRound: [Double]
        var dashboardByRound: [Double]
        var framesPerSecondByRound: [Double]
        var ratio: Double { dashboardStepsPerSecond / headlessStepsPerSecond }
    }

    static var tmuxAvailable: Bool { (try? ChildProcess.run(["tmux", "-V"]))?.succeeded ?? false }

    /// Runs the rounds; throws `BenchError.tmuxMissing` first when tmux cannot be run.
    public func measure() throws -> Result {
        guard Self.tmuxAvailable else { throw BenchError.tmuxMissing }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("noisestep-dashboard-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var headless: [Double] = [], dashboard: [Double] = [], fps: [Double] = []
        let options = ["--steps", "\(steps)", "--eval-every", "0", "--threads", "\(threads)"]
        for round in 1 ... rounds {
            progress("round \(round)/\(rounds): headless train, \(steps) steps")
            // A metrics file of its own each round: train never writes over one.
            let metrics = directory.appendingPathComponent("metrics-\(round).jsonl").path
            headless.append(try headlessRate(options, metrics: metrics))
            progress("round \(round)/\(rounds): dashboard in tmux, \(steps) steps")
            let (rate, frames) = try dashboardRates(options, directory: directory)
            dashboard.append(rate)
            fps.append(frames)
        }
        return Result(steps: steps, threads: threads, rounds: rounds,
                      headlessStepsPerSecond: Statistics.median(headless) ?? 0,
                      dashboardStepsPerSecond: Statistics.median(dashboard) ?? 0,
                      framesPerSecond: Statistics.median(fps) ?? 0,
                      headlessByRound: headless, dashboardByRound: dashboard, framesPerSecondByRound: fps)
    }

    private func headlessRate(_ options: [String], metrics: String) throws -> Double {
        let command = [executable, "train", "--log-every", "100000", "--metrics", metrics] + options
        try BenchError.check(try ChildProcess.run(command), command: command)
        let seconds = try String(contentsOfFile: metrics, encoding: .utf8).split(separator: "\n").reduce(0.0) { total, line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return total + (object?["step_seconds"] as? Double ?? 0)
        }
        return Double(steps) / seconds
    }

    /// Starts the dashboard in tmux, waits until its log holds `steps` steps (it pauses
    /// there), quits it with `q` and reads the figures it wrote on exit.
    private func dashboardRates(_ options: [String], directory: URL) throws -> (stepsPerSecond: Double, fps: Double) {
        let run = DashboardRun(executable: executable, directory: directory)
        defer { run.close() }
        _ = try run.start(options)
        try run.wait(forSteps: steps, timeout: 300, every: 0.2)
        let figures = try run.quit()
        let seconds = figures.trainingSeconds
        return (seconds > 0 ? Double(figures.steps) / seconds : 0, figures.fps)
    }
}
