import ArgumentParser
import NoiseStep
#if MPI
import NoiseStepMPI
#endif

/// The command line's words for the engine's errors, which carry values only.
enum ErrorMessages {
    /// What every error line starts with: the program's name, as Unix tools do.
    static let prefix = "noisestep: "

    /// `error` as ArgumentParser should report it: engine errors become one-line
    /// `CLIError`s, anything else passes through.
    static func translate(_ error: any Error) -> any Error {
        switch error {
        case let violation as LimitViolation: return CLIError.usage(violation.message)
        case let run as RunError: return CLIError(run.message)
        case let log as StepLogError: return CLIError(log.message)
        case let metrics as MetricsError: return CLIError(metrics.message)
        case let data as DataError: return CLIError(data.message)
        case let distributed as DistributedError: return CLIError(distributed.message)
        default: return mpiError(error) ?? error
        }
    }

    private static func mpiError(_ error: any Error) -> CLIError? {
        #if MPI
        if let mpi = error as? MPIError { return CLIError(mpi.message) }
        #endif
        return nil
    }

    /// One line for any error, for front ends that show it themselves (the dashboard).
    static func describe(_ error: any Error) -> String {
        String(describing: translate(error))
    }
}
