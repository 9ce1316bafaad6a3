import Foundation
import Testing

/// `bench --learning` from the command line: candidates as train options, at a few steps.
@Suite struct LearningBenchTests {
    static let tiny = "--steps 2 --batch 64 --samples 8 --hidden 8"

    @Test func printsOneRowPerCandidateWithItsOptions() throws {
        let outcome = try BinaryUnderTest.run(["bench", "--learning", "--folds", "0,1", "--seeds", "1",
                                               "--candidate", "small=\(Self.tiny)",
                                               "--candidate", "adam=\(Self.tiny) --optimizer adam-ste", "--threads", "1"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("learning protocol: fold 0, fold 1 × seeds 1 (2 runs each), 1 threads"),
                "\(outcome.stdout)")
        let rows = outcome.stdout.split(separator: "\n").filter { $0.hasPrefix("  small ") || $0.hasPrefix("  adam ") }
        #expect(rows.count == 2 && rows[1].hasSuffix("--optimizer adam-ste"), "\(outcome.stdout)")
        #expect(outcome.stderr.contains("bench: 4/4 fold 1 seed 1 adam: "), "progress, run by run: \(outcome.stderr)")
    }

    @Test(arguments: [
        (["--folds", "12"], "--folds: 12 is outside 0...9"),
        (["--folds", "3,7"], "--folds: fold 7 is the untouched one"),
        (["--folds", "0,x"], "--folds: 'x' is not a whole number"),
        (["--seeds", ""], "--seeds: needs at least one seed"),
        (["--candidate", "odd=--bogus 1"], "--candidate odd: Unknown option '--bogus'"),
        (["--candidate", "odd=--batch 0"], "--candidate odd: --batch: 0 is outside 1...1048576"),
        (["--candidate", "nameless"], "--candidate: 'nameless' is not a standard candidate"),
        (["--untouched", "--folds", "1"], "--untouched: scores fold 7 only"),
        (["--data", "/nowhere", "--folds", "1"], "--data: a directory has no folds"),
    ])
    func badRequestsAreOneLine(arguments: [String], message: String) throws {
        let outcome = try BinaryUnderTest.run(["bench", "--learning"] + arguments)
        #expect(outcome.status == 64, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(message) && outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
    }
}
