/// The text of `bench --dashboard`.
extension BenchTable {
    public static func render(_ result: DashboardBench.Result) -> String {
        let r = result
        return """
            dashboard bench: \(r.steps) steps per run, default options, validation off, \(r.threads) threads; medians of \(r.rounds) rounds
              headless train      \(fixed(r.headlessStepsPerSecond, 1)) steps/s
              dashboard open      \(fixed(r.dashboardStepsPerSecond, 1)) steps/s   \(percent(r.ratio)) of headless   target ≥ 90%: \(verdict(r.ratio >= 0.9))
              frame rate          \(fixed(r.framesPerSecond, 1)) frames/s   target ≥ 10: \(verdict(r.framesPerSecond >= 10))
            """
    }
}
