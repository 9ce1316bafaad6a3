import NoiseStep
import NoiseStepBench

extension BenchCommand {
    /// The protocol --learning asks for: the candidates, on the folds (or --data) and seeds.
    func learningProtocol(threads: Int) throws -> LearningProtocol {
        let candidates = try candidate.isEmpty
            ? LearningCandidates.standard.map { try LearningCandidates.candidate(name: $0.name, arguments: $0.arguments) }
            : candidate.map(LearningCandidates.parse)
        let defaultSeeds = untouched ? LearningProtocol.untouchedSeeds : LearningProtocol.tuningSeeds
        let seedList: [UInt64] = try seeds.map { try LearningCandidates.list($0, option: "--seeds") { _ in } } ?? defaultSeeds
        if seedList.isEmpty { throw CLIError.usage("--seeds: needs at least one seed, e.g. 1,2") }
        let splits: [LearningProtocol.Split]
        if let data {
            if untouched || folds != nil { throw CLIError.usage("--data: a directory has no folds; leave out --folds and --untouched") }
            splits = [.directory(data)]
        } else if untouched {
            if folds != nil { throw CLIError.usage("--untouched: scores fold \(LearningProtocol.untouchedFold) only; leave out --folds") }
            splits = [.fold(LearningProtocol.untouchedFold)]
        } else {
            let chosen: [Int] = try folds.map { text in
                try LearningCandidates.list(text, option: "--folds") { (fold: Int) in
                    guard Limits.holdoutFold.contains(fold) else {
                        throw CLIError.usage("--folds: \(fold) is outside \(Limits.holdoutFold)")
                    }
                    guard fold != LearningProtocol.untouchedFold else {
                        throw CLIError.usage("--folds: fold \(fold) is the untouched one; --untouched scores it, once")
                    }
                }
            } ?? LearningProtocol.screeningFolds
            splits = chosen.map { .fold($0) }
        }
        return LearningProtocol(candidates: candidates, splits: splits, seeds: seedList, threads: threads)
    }
}
