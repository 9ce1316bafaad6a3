// Compiled only with the MPI trait (`swift build --traits MPI`): a default build, which
// builds every target, then needs no MPI headers.
#if MPI
import Dispatch
import Foundation
import Synchronization

/// The one thread that makes every MPI call of the process, from `MPI_Init_thread` to
/// `MPI_Finalize`, which is what `MPI_THREAD_FUNNELED` asks. The engine calls collectives
/// from whichever thread runs its step (the main thread under `train`, the dashboard's
/// training queue on rank 0), so each call is handed over here while its caller blocks.
///
/// Cost: two semaphore hand-offs per call, a few microseconds against a step of
/// milliseconds. Callers are served one at a time.
final class MPIThread: Sendable {
    private let slot = Mutex<Job?>(nil)
    private let posted = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    /// Admits one caller at a time.
    private let entry = DispatchSemaphore(value: 1)

    init() {
        let thread = Thread { [self] in serve() }
        thread.name = "noisestep.mpi"
        thread.start()
    }

    /// Runs `body` on the MPI thread and returns its result once it has run.
    func run<Result>(_ body: @escaping () -> Result) -> Result {
        entry.wait()
        defer { entry.signal() }
        let box = ResultBox<Result>()
        slot.withLock { $0 = Job { box.value = body() } }
        posted.signal()
        finished.wait()
        guard let value = box.value else { preconditionFailure("the MPI thread ran no job") }
        return value
    }

    private func serve() {
        while true {
            posted.wait()
            if let job = slot.withLock({ $0.take() }) { job.body() }
            finished.signal()
        }
    }

    /// A call handed to the MPI thread: its caller blocks until it has run, so the closure
    /// and what it captures are never used by two threads at once.
    private struct Job: @unchecked Sendable {
        let body: () -> Void
    }

    /// Where the MPI thread leaves a job's result; read by the caller only after `finished`.
    private final class ResultBox<Value> {
        var value: Value?
    }
}

#endif
