#if MPI
import Foundation
import NoiseStep
import NoiseStepMPI

/// One rank of data-parallel Adam-STE, the baseline `bench --mpi` measures noise_step's
/// communication against (`noisestep bench --mpi-adam-steps N` under `mpirun`).
///
/// A cost model, not a trainer: each rank runs Adam-STE on its 1/N of the batch, then sums
/// a gradient-sized buffer (one Float per parameter) over all ranks with `MPI_Allreduce`,
/// which is what data-parallel training sends every step. The summed buffer is not
/// applied, so the weights are not a data-parallel run's; the compute and the bytes are.
enum DataParallelAdam {
    /// Trains `steps` steps; rank 0 prints "done: S steps in T s (M ms/step)" as `train` does.
    static func runRank(steps: Int, threads: Int) throws {
        let group = try MPIGroup.join()
        let (training, _) = try BundledData.load()
        var options = TrainingOptions()
        options.threads = threads
        options.batch = max(1, options.batch / group.size)
        let trainer = try AdamSTETrainer(options: options, training: training)
        var gradient = [Float](repeating: 0, count: trainer.model.shape.parameterCount)
        let started = Date()
        for _ in 0 ..< steps {
            _ = trainer.step()
            gradient.withUnsafeMutableBufferPointer { group.sumAll($0) }
        }
        let seconds = Date().timeIntervalSince(started)
        if group.rank == 0 {
            print("done: \(steps) steps in \(NumberFormat.fixed(seconds, 1)) s"
                + " (\(NumberFormat.fixed(1000 * seconds / Double(max(1, steps)), 2)) ms/step)")
        }
        group.finalize()
    }
}
#endif
