import Foundation
import Testing

/// `mpirun -n N noisestep train …` against plain `noisestep train`: the same step log,
/// byte for byte, for 1, 2 and 3 ranks, for an MLP and a conv net; resumes across rank counts; a killed rank.
@Suite(.serialized, .enabled(if: MPIBinary.isAvailable, "\(MPIBinary.unavailableReason ?? "")"))
struct MPIEndToEndTests {
    /// Batch 256 is four chunks: 3 ranks compute 2, 1 and 1 of them.
    static let small = ["--batch", "256", "--samples", "16", "--hidden", "32", "--eval-every", "10", "--threads", "1"]

    /// A small conv net (every layer kind) with as many chunks.
    static let smallConv = ["--layers", "conv 4 5, pool 2, conv 8 3, pool 2, dense 16, dense 10", "--batch", "256",
                            "--samples", "64", "--density", "2e-3", "--eval-every", "10", "--threads", "1"]

    @Test(arguments: [1, 2, 3], [false, true])
    func theLogEqualsASingleProcessRunsByteForByte(ranks: Int, conv: Bool) throws {
        let directory = try BinaryUnderTest.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let single = directory.appendingPathComponent("single.nstep"), shared = directory.appendingPathComponent("shared.nstep")
        let options = ["--steps", conv ? "12" : "20"] + (conv ? Self.smallConv : Self.small)
        let alone = try BinaryUnderTest.run(["train", "--out", single.path] + options)
        #expect(alone.status == 0, "\(alone.stderr)")
        let together = try MPIBinary.run(ranks: ranks, ["train", "--out", shared.path] + options,
                                         directory: directory)
        #expect(together.status == 0, "\(together.stdout)\(together.stderr)")
        #expect(ranks == 1 || together.stdout.contains("on \(ranks) MPI ranks"), "\(together.stdout)")
        #expect(try Data(contentsOf: single) == Data(contentsOf: shared), "the step logs differ")
    }

    /// 12 steps on one process and 8 more on two ranks, and the other way round, replay
    /// to the weights of 20 uninterrupted steps.
    @Test func aRunResumesOnAnotherNumberOfRanks() throws {
        let directory = try BinaryUnderTest.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        #expect(try BinaryUnderTest.run(["train", "--steps", "20", "--out", path("whole.nstep")] + Self.small).status == 0)
        #expect(try MPIBinary.run(ranks: 2, ["train", "--steps", "12", "--out", path("two-then-one.nstep")] + Self.small,
                                  directory: directory).status == 0)
        #expect(try BinaryUnderTest.run(["train", "--steps", "20", "--resume", path("two-then-one.nstep")]).status == 0)
        #expect(try BinaryUnderTest.run(["train", "--steps", "12", "--out", path("one-then-two.nstep")] + Self.small).status == 0)
        let resumed = try MPIBinary.run(ranks: 2, ["train", "--steps", "20", "--resume", path("one-then-two.nstep")],
                                        directory: directory)
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        let whole = try Self.replayed(path("whole.nstep"))
        #expect(try Self.replayed(path("two-then-one.nstep")) == whole)
        #expect(try Self.replayed(path("one-then-two.nstep")) == whole)
    }

    /// The model file `replay` rebuilds from the log at `path`.
    static func replayed(_ path: String) throws -> Data {
        let model = path + ".model"
        let replay = try BinaryUnderTest.run(["replay", path, "--out", model])
        #expect(replay.status == 0, "\(replay.stderr)")
        return try Data(contentsOf: URL(fileURLWithPath: model))
    }
}
