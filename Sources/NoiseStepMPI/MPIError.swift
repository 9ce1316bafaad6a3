// Compiled only with the MPI trait (`swift build --traits MPI`): a default build, which
// builds every target, then needs no MPI headers.
#if MPI
/// Why this process could not join its MPI job. Values only: the front end words them.
public enum MPIError: Error, Sendable, Equatable {
    /// `MPI_Init_thread` returned `code`.
    case initializationFailed(code: Int32)
    /// The library grants only thread level `provided`; one MPI thread needs `MPI_THREAD_FUNNELED`.
    case threadLevelTooLow(provided: Int32)
}
#endif
