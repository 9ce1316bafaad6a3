import NoiseStep
#if MPI
import NoiseStepMPI
#endif

extension DistributedError {
    /// One line naming the rank, what went wrong and what to do.
    var message: String {
        switch self {
        case .trainingDataDiffers(let rank, let found, let leader):
            return "rank \(rank): its training data (\(found.words)) is not rank 0's (\(leader.words));"
                + " give every rank the same --data, holding the same files"
        case .unreadableMessage(let rank):
            return "rank \(rank) cannot read rank 0's messages; every rank must run the same noisestep build"
        case .outOfStep(let rank, let expected, let received):
            return "rank \(rank) was told to train step \(received) at step \(expected);"
                + " every rank must run the same noisestep build"
        case .weightsDiffer(let rank, let step):
            return "rank \(rank): its weights after step \(step) differ from rank 0's, so the ranks trained different"
                + " steps; rank 0's step log is still sound. Please report this with the command line"
        }
    }
}

#if MPI
extension MPIError {
    var message: String {
        switch self {
        case .initializationFailed(let code):
            return "MPI could not be initialised (MPI_Init_thread returned \(code)); run under the mpirun of the"
                + " Open MPI this binary was built with"
        case .threadLevelTooLow(let provided):
            return "this MPI library grants thread level \(provided), and noisestep needs MPI_THREAD_FUNNELED;"
                + " use an Open MPI built with thread support"
        }
    }
}
#endif
