import NoiseStep
#if MPI
import NoiseStepMPI
#endif

/// The processes a `train` or `dashboard` command trains with: under `mpirun`, in a build
/// with the MPI trait (`swift build --traits MPI`), the ranks of the job; otherwise this
/// process alone, with no MPI initialised.
struct ProcessTeam {
    /// What the engine shares each step through.
    let sharing: StepSharing
    /// Ends this process's part in the group (`MPI_Finalize`); call once, last.
    let leave: () -> Void

    var isLeader: Bool { sharing.isLeader }
    var size: Int { sharing.group.size }
    /// Whether this process runs under `mpirun` (also as its only rank).
    var isMPIJob: Bool { !(sharing.group is SingleProcess) }

    /// Joins the job this process was started in, if any.
    /// - Throws: `MPIError` when MPI cannot be initialised.
    static func join() throws -> ProcessTeam {
        #if MPI
        if MPIGroup.isLaunchedByMPIRun {
            let group = try MPIGroup.join()
            return ProcessTeam(sharing: StepSharing(group: group), leave: group.finalize)
        }
        #endif
        return ProcessTeam(sharing: .single, leave: {})
    }

    /// A follower's whole command: train every step rank 0 announces on `training`, then
    /// leave the group.
    /// - Throws: `DistributedError` (other data than rank 0's, a build mismatch).
    func follow(training: Dataset, threads: Int) throws {
        try Limits.check(.threads, threads)
        try sharing.follow(training: training, threads: threads)
        leave()
    }

    /// Rank 0 after its last step: releases the followers (theirs must be `model` after
    /// `stepsDone` steps), then leaves the group.
    func release(stepsDone: Int, model: TernaryModel) {
        sharing.release(stepsDone: stepsDone, model: model)
        leave()
    }
}
