import ArgumentParser
import Foundation
import NoiseStep
import Testing
@testable import noisestep

/// Every option the rulebook limits, at both ends of its own range: the end itself is
/// taken, one step past it is refused naming that option and that range. Parsed in
/// process as the command line parses it, so that an option checked against another
/// setting's range shows.
@Suite struct OptionLimitsTests {
    /// Each rulebook setting a training option sets, with options that keep every other
    /// rule (perturbation entries, parameters) out of the way at its ends.
    static let trainingSettings: [(Setting, [String])] = [
        (.batch, []), (.samples, ["--density", "1e-9"]), (.density, ["--samples", "1"]),
        (.rejectQuantile, []), (.temperature, []), (.shift, []), (.rotation, []), (.scale, []), (.threads, []),
        (.hidden, ["--samples", "1"]), (.hiddenLayers, ["--samples", "1"]), (.steps, []), (.evalEvery, []),
    ]

    /// The value at each end of `range` and just past it: (value, taken).
    static func edges(of range: LimitRange) -> [(Double, Bool)] {
        let below = range.isIntegral ? range.lower - 1 : range.lower.nextDown
        let above = range.isIntegral ? range.upper + 1 : range.upper.nextUp
        let justInside = range.includesUpper ? range.upper : range.upper.nextDown
        return [(range.includesLower ? range.lower : range.lower.nextUp, true), (below, false), (justInside, true),
                (range.includesUpper ? above : range.upper, false)]
    }

    /// The command-line arguments that set `setting` to `value`.
    static func arguments(_ setting: Setting, _ value: Double) -> [String] {
        let text = NumberFormat.plain(value)
        switch setting {
        case .hidden: return ["--hidden", text]
        case .hiddenLayers: return ["--hidden", Array(repeating: "1", count: max(0, Int(value))).joined(separator: ",")]
        default: return [setting.option + "=" + text]
        }
    }

    /// What the training options and plan of `train` with `arguments` come to.
    static func outcome(_ arguments: [String]) -> Result<Void, any Error> {
        Result {
            let command = try TrainCommand.parse(arguments)
            _ = try command.arguments.trainingOptions()
            _ = try command.arguments.plan()
        }
    }

    @Test(arguments: trainingSettings.map(\.0))
    func eachTrainingOptionAtBothEnds(setting: Setting) throws {
        let extra = Self.trainingSettings.first { $0.0 == setting }?.1 ?? []
        let range = Limits.range(of: setting)
        // No hidden layers at all is not a list the option can write.
        for (value, taken) in Self.edges(of: range) where setting != .hiddenLayers || value >= 1 {
            switch Self.outcome(Self.arguments(setting, value) + extra) {
            case .success:
                #expect(taken, "\(setting) \(value) was taken")
            case .failure(let error):
                let message = "\(ErrorMessages.translate(error))"
                #expect(!taken && message.contains(setting.option) && message.contains("\(range)"),
                        "\(setting) \(value): \(message)")
            }
        }
    }

    /// The options limited by a setting of their own outside `TrainingArguments`.
    @Test func eachCommandsOwnLimitedOptionAtBothEnds() throws {
        let cases: [(ParsableCommand.Type, Setting, [String])] = [
            (DashboardCommand.self, .framesPerSecond, []), (EvalCommand.self, .threads, ["m.nstep"]),
            (BenchCommand.self, .threads, []),
        ]
        for (command, setting, extra) in cases {
            let range = Limits.range(of: setting)
            for (value, taken) in Self.edges(of: range) {
                let parsed = Result { try command.parse(Self.arguments(setting, value) + extra) }
                #expect(((try? parsed.get()) != nil) == taken, "\(command) \(setting) \(value)")
            }
        }
        for (fold, taken) in Self.edges(of: Limits.holdoutFold) {
            let loaded = Result { try Limits.check(.holdoutFold, Int(fold)) }
            #expect(((try? loaded.get()) != nil) == taken, "--holdout-fold \(fold)")
        }
    }
}
