import ArgumentParser
import NoiseStep
import NoiseStepBench

/// The recipes `bench --learning` compares, each written as the `train` options that ask
/// for it, and how a `--candidate NAME=OPTIONS` becomes one.
enum LearningCandidates {
    /// The defaults before issue 18: batch 1024, 1500 steps, the stronger half of |α| kept.
    static let before = "--batch 1024 --steps 1500 --keep-by magnitude --quantile-schedule fixed"

    /// What the protocol measures unless told otherwise: the defaults before issue 18, each
    /// candidate alone on top of them, the candidates together at the old cost, today's
    /// defaults, and Adam-STE at today's budget (its batch and steps).
    static let standard: [(name: String, arguments: String)] = [
        ("before", before),
        ("ramp", "--batch 1024 --steps 1500 --keep-by magnitude --ramp-steps 1500"),
        ("reliability", "--batch 1024 --steps 1500 --keep-by reliability --quantile-schedule fixed"),
        ("floor-2", before + " --reject-quantile 0 --keep-floor 2"),
        ("samples-1024", before + " --samples 1024 --reject-quantile 0.75"),
        ("batch-2048", "--batch 2048 --steps 1500 --keep-by magnitude --quantile-schedule fixed"),
        ("batch-ramp", "--batch 4096 --batch-from 1024 --ramp-steps 1500 --steps 1500 --keep-by magnitude --quantile-schedule fixed"),
        ("steps-2000", "--batch 1024 --steps 2000 --keep-by magnitude --quantile-schedule fixed"),
        ("reliability+ramp", "--batch 1024 --steps 1500 --ramp-steps 1500"),
        ("default", ""),
        ("adam-ste", "--optimizer adam-ste"),
    ]

    /// `text` as NAME=OPTIONS (or a standard candidate's NAME alone).
    /// - Throws: `CLIError.usage` naming the candidate and the problem.
    static func parse(_ text: String) throws -> LearningProtocol.Candidate {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard !name.isEmpty else { throw CLIError.usage("--candidate: '\(Printable.escaped(text))' has no name; write NAME=OPTIONS") }
        if parts.count == 1 {
            guard let standard = standard.first(where: { $0.name == name }) else {
                throw CLIError.usage("--candidate: '\(Printable.escaped(name))' is not a standard candidate ("
                    + standard.map(\.name).joined(separator: ", ") + "); write NAME=OPTIONS for another")
            }
            return try candidate(name: name, arguments: standard.arguments)
        }
        return try candidate(name: name, arguments: String(parts[1]))
    }

    /// The candidate `arguments` (train's training options, and --optimizer) describe.
    static func candidate(name: String, arguments: String) throws -> LearningProtocol.Candidate {
        var words = arguments.split(whereSeparator: \.isWhitespace).map(String.init)
        var optimizer = Optimizer.noiseStep
        if let at = words.firstIndex(of: "--optimizer") {
            guard at + 1 < words.count, let chosen = Optimizer(rawValue: words[at + 1]) else {
                throw CLIError.usage("--candidate \(Printable.escaped(name)): --optimizer takes noise-step or adam-ste")
            }
            optimizer = chosen
            words.removeSubrange(at ... at + 1)
        }
        do {
            let parsed = try TrainingArguments.parse(words)
            return LearningProtocol.Candidate(name: name, arguments: arguments, options: try parsed.trainingOptions(),
                                              steps: parsed.targetStep(), optimizer: optimizer)
        } catch {
            let translated = ErrorMessages.translate(error)
            let text = (translated as? CLIError)?.description ?? TrainingArguments.message(for: translated)
            let problem = text.split(whereSeparator: \.isNewline).first
            throw CLIError.usage("--candidate \(Printable.escaped(name)): " + (problem.map(String.init) ?? "cannot parse its options"))
        }
    }

    /// "0,1,2" as numbers, each checked by `check`.
    static func list<Number: FixedWidthInteger>(_ text: String, option: String,
                                                check: (Number) throws -> Void) throws -> [Number] {
        try text.split(separator: ",").map { part in
            guard let value = Number(part.trimmingCharacters(in: .whitespaces)) else {
                throw CLIError.usage("\(option): '\(Printable.escaped(part))' is not a whole number; write e.g. 0,1,2")
            }
            try check(value)
            return value
        }
    }
}
