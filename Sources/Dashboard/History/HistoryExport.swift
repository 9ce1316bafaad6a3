import Foundation
import NoiseStep

/// The `w` key's file: the history the plots hold, as CSV, one row per bucket (one per
/// step for the newest steps, coarser with age; the step log keeps every step).
///
/// Written beside the step log (`runs/x.nstep` → `runs/x-history.csv`), or as
/// `noisestep-history.csv` in the current folder for a session that records nothing;
/// never over a file: a taken name gets -2, -3 … (`OutputFile`'s rules).
enum HistoryExport {
    static let header = "first_step,last_step,loss_mean,loss_min,loss_max,batch_accuracy_mean,batch_accuracy_min,"
        + "batch_accuracy_max,validation_accuracy,weights_changed,zeros,density,samples,reject_quantile,schedule"
    /// Names tried before giving up.
    static let attempts = 100

    /// Writes `series` beside `recording` (or in the current folder) and returns the path.
    static func write(_ series: HistorySeries, beside recording: String?) throws(FileProblem) -> String {
        let stem = recording.map { $0.hasSuffix(".nstep") ? String($0.dropLast(6)) : $0 }.map { $0 + "-history" }
            ?? "noisestep-history"
        let bytes = Array(csv(series).utf8)
        for attempt in 1 ... attempts {
            let path = attempt == 1 ? stem + ".csv" : "\(stem)-\(attempt).csv"
            do throws(FileProblem) {
                try OutputFile.write(bytes, to: path, kind: .history, existing: .refuse)
                return path
            } catch .exists {
                continue
            }
        }
        throw .exists(.history)
    }

    /// The CSV text: the header, then a row per bucket, oldest first. Every series was
    /// appended step by step together, so their buckets line up.
    static func csv(_ series: HistorySeries) -> String {
        let columns = [series.loss, series.batchAccuracy, series.validationAccuracy, series.weightsChanged,
                       series.sparsity].map(\.buckets)
        var lines = [header]
        lines.reserveCapacity(columns[0].count + 1)
        for index in columns[0].indices where columns.allSatisfy({ $0.count == columns[0].count }) {
            let loss = StepSummary(columns[0][index]), batch = StepSummary(columns[1][index])
            var fields = ["\(columns[0][index].first)", "\(columns[0][index].last)"]
            fields += [loss?.mean, loss?.minimum, loss?.maximum, batch?.mean, batch?.minimum, batch?.maximum,
                       StepSummary(columns[2][index])?.mean, StepSummary(columns[3][index])?.mean,
                       StepSummary(columns[4][index])?.mean].map { $0.map { String($0) } ?? "" }
            if let settings = series.timeline.settings(at: Int(columns[0][index].first)) {
                fields += [String(settings.density), String(settings.samples), String(settings.rejectQuantile),
                           settings.schedule.rawValue]
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
