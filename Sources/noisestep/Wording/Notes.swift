import Foundation
import NoiseStep

/// Notes on stderr: things a command did that the user should know of, which are not
/// errors.
enum Notes {
    /// A `--resume` log written before step logs recorded their training data: the data
    /// given cannot be checked against it.
    static func uncheckedTrainingData(_ path: String) {
        FileHandle.standardError.write(Data((ErrorMessages.prefix + "note: \(Printable.escaped(path)) does not record which data it"
            + " trained on (written by an older noisestep), so --data cannot be checked against it\n").utf8))
    }

    /// A `--resume` file that starts from a model file without the settings its run had
    /// reached: the steps from here on are a new leg from the header's settings.
    static func newLeg(_ path: String, log: StepLog) {
        let settings = StepSettings(log.options)
        FileHandle.standardError.write(Data(("noisestep: note: \(Printable.escaped(path)) holds the weights after step"
            + " \(log.lastStep) but not the settings its run had reached (an older noisestep's model file), so the"
            + " steps from \(log.lastStep + 1) on are a new leg with the header's settings: density"
            + " \(NumberFormat.scientific(settings.density)) (\(settings.schedule.rawValue) schedule), samples"
            + " \(settings.samples), reject quantile \(NumberFormat.plain(settings.rejectQuantile))\n").utf8))
    }

    /// What a resumed run's metrics file lacked: the lines rebuilt from the log, and those
    /// before a model file's weights that no record can give.
    static func metricsGap(_ metrics: String, _ resumed: ResumedRun) {
        let name = Printable.escaped(metrics)
        if let filled = resumed.metricsFilled, let ended = resumed.metricsEnded {
            FileHandle.standardError.write(Data(("noisestep: note: \(name) ended at step \(ended); wrote the lines of steps"
                + " \(filled.lowerBound)...\(filled.upperBound) from the records of \(Printable.escaped(resumed.log.file))"
                + " (without step times)\n").utf8))
        }
        if let missing = resumed.metricsUnrecoverable {
            FileHandle.standardError.write(Data(("noisestep: note: \(name) has no lines for steps \(missing.lowerBound)..."
                + "\(missing.upperBound): \(Printable.escaped(resumed.log.file)) starts from a model file's weights and holds"
                + " no records of them\n").utf8))
        }
    }

    /// What `--resume` tells about the run it opened.
    static func resumed(_ path: String, _ resumed: ResumedRun, metrics: String?) {
        if resumed.trainingDataUnchecked { uncheckedTrainingData(path) }
        if resumed.startsNewLeg { newLeg(path, log: resumed.log) }
        if let metrics { metricsGap(metrics, resumed) }
    }
}
