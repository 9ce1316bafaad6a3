import Foundation
import Testing
import NoiseStep
@testable import NoiseStepBench

/// The PyTorch peer that ships in Tests/Peer: found from the package itself, a Python
/// without torch told how to install it, and, where torch is installed (always in CI),
/// each mode run and read back, and its two alignment engines checked against each other.
@Suite struct PeerTests {
    static let torchAvailable = ProcessInfo.processInfo.environment["CI"] != nil
        || ReferenceRunner.unavailableReason(script: ReferenceRunner.locate(explicit: nil) ?? "") == nil

    @Test func thePeerIsFoundInsideThePackage() throws {
        let script = try #require(ReferenceRunner.locate(explicit: nil))
        #expect(script.hasSuffix("/Tests/Peer/noise_step_peer.py") && FileManager.default.fileExists(atPath: script))
        #expect(FileManager.default.fileExists(atPath: URL(fileURLWithPath: script).deletingLastPathComponent()
            .appendingPathComponent("requirements.txt").path))
    }

    @Test func aPythonWithoutTorchIsToldHowToInstallIt() throws {
        let script = try #require(ReferenceRunner.locate(explicit: nil))
        let requirements = URL(fileURLWithPath: script).deletingLastPathComponent().appendingPathComponent("requirements.txt").path
        let reason = try #require(ReferenceRunner.unavailableReason(script: script, python: "/bin/false"))
        #expect(reason == "/bin/false cannot import torch and numpy; install them with `pip install -r \(requirements)`,"
            + " or set PYTHON to a Python that has them")
        let missing = try #require(ReferenceRunner.unavailableReason(script: script, python: "/nonexistent/python3"))
        #expect(missing.hasPrefix("/nonexistent/python3 cannot be started") && missing.contains("pip install -r"))
    }

    @Test(.enabled(if: torchAvailable, "needs python3 with torch (Tests/Peer/requirements.txt)"))
    func eachModeRunsAndItsSummaryIsRead() throws {
        let script = try #require(ReferenceRunner.locate(explicit: nil))
        let bundled = try #require(BundledData.locateDirectory())
        let runner = try ReferenceRunner(script: script, bundledDirectory: bundled, threads: 1)
        defer { runner.cleanUp() }
        for (mode, steps) in [("reverse", 3), ("jvp", 1), ("adam-ste", 2)] {
            let run = try runner.run(mode: mode, steps: steps)
            #expect(run.medianMilliseconds > 0, "\(mode)")
        }
    }

    /// A run to an accuracy on a split the bench writes: stopped at the first check that
    /// reaches it (any accuracy reaches 0), or run to its last step when none can (above 1).
    @Test(.enabled(if: torchAvailable, "needs python3 with torch (Tests/Peer/requirements.txt)"))
    func aRunToATargetStopsAtTheFirstCheckThatReachesIt() throws {
        let script = try #require(ReferenceRunner.locate(explicit: nil))
        let (training, validation) = try BundledData.load()
        let runner = try ReferenceRunner(script: script, training: training.subset(Array(0 ..< 256)),
                                         validation: validation.subset(Array(0 ..< 64)), threads: 1)
        defer { runner.cleanUp() }
        let options = ["--arch", "conv", "--batch", "32", "--shift", "1"]
        let reached = try runner.runToTarget(mode: "adam-ste", target: 0, checkEvery: 2, steps: 6, options: options)
        #expect(reached.reachedStep == 2 && reached.checkedAccuracy != nil && reached.trainingSeconds > 0, "\(reached)")
        let never = try runner.runToTarget(mode: "adam-ste", target: 1.01, checkEvery: 2, steps: 3, options: options)
        #expect(never.reachedStep == nil && never.checkedAccuracy != nil, "\(never)")
    }

    @Test(.enabled(if: torchAvailable, "needs python3 with torch (Tests/Peer/requirements.txt)"))
    func thePeersReverseAndJVPAlignmentsAgree() throws {
        let script = try #require(ReferenceRunner.locate(explicit: nil))
        let check = URL(fileURLWithPath: script).deletingLastPathComponent().appendingPathComponent("check_peer.py").path
        let result = try ChildProcess.run([ReferenceRunner.python, check])
        #expect(result.succeeded && result.output.contains("\"reverse_vs_jvp\""), "\(result.output)")
    }
}
