// Compiled only with the MPI trait (`swift build --traits MPI`): a default build, which
// builds every target, then needs no MPI headers.
#if MPI
import _CMPI
import Foundation
import NoiseStep

/// `MPI_COMM_WORLD` as the engine's `ProcessGroup`: the ranks `mpirun` started.
///
/// Every MPI call runs on one `MPIThread` (thread level `MPI_THREAD_FUNNELED`). The
/// collectives are the nonblocking ones, completed by polling `MPI_Test`: a rank that
/// waits for its peers (a follower while rank 0's dashboard is paused, or any rank on an
/// oversubscribed machine) first polls briskly, then sleeps between polls instead of
/// spinning a core. Errors keep MPI's default handler, `MPI_ERRORS_ARE_FATAL`: a rank
/// that cannot reach its peers ends the job, and `mpirun` stops the others.
public final class MPIGroup: ProcessGroup {
    public let rank: Int
    public let size: Int
    /// Ranks on this machine (this one included).
    public let localSize: Int
    private let thread: MPIThread

    /// Whether this process was started by Open MPI's `mpirun` (or `mpiexec`), so that
    /// joining its job makes sense; a plain run trains alone without initialising MPI.
    public static var isLaunchedByMPIRun: Bool {
        ProcessInfo.processInfo.environment["OMPI_COMM_WORLD_SIZE"] != nil
    }

    /// Initialises MPI on a thread of its own and joins `MPI_COMM_WORLD`. Call once.
    /// - Throws: `MPIError` when MPI cannot be initialised at `MPI_THREAD_FUNNELED`.
    public static func join() throws(MPIError) -> MPIGroup {
        let thread = MPIThread()
        let (code, provided, rank, size, local) = thread.run { () -> (Int32, Int32, Int32, Int32, Int32) in
            var provided: Int32 = 0, rank: Int32 = 0, size: Int32 = 0, local: Int32 = 0
            let code = MPI_Init_thread(nil, nil, Int32(MPI_THREAD_FUNNELED), &provided)
            guard code == MPI_SUCCESS else { return (code, provided, 0, 1, 1) }
            let world = noisestep_mpi_comm_world()
            MPI_Comm_rank(world, &rank)
            MPI_Comm_size(world, &size)
            var node: MPI_Comm?
            MPI_Comm_split_type(world, Int32(MPI_COMM_TYPE_SHARED), rank, noisestep_mpi_info_null(), &node)
            MPI_Comm_size(node, &local)
            MPI_Comm_free(&node)
            return (code, provided, rank, size, local)
        }
        guard code == MPI_SUCCESS else { throw .initializationFailed(code: code) }
        guard provided >= Int32(MPI_THREAD_FUNNELED) else { throw .threadLevelTooLow(provided: provided) }
        return MPIGroup(thread: thread, rank: Int(rank), size: Int(size), localSize: Int(local))
    }

    private init(thread: MPIThread, rank: Int, size: Int, localSize: Int) {
        self.thread = thread
        self.rank = rank
        self.size = size
        self.localSize = localSize
    }

    public func broadcast(_ bytes: UnsafeMutableRawBufferPointer) {
        precondition(bytes.count <= Int(Int32.max), "one broadcast moves at most 2 GiB")
        let buffer = UncheckedBuffer(bytes)
        thread.run {
            var request: MPI_Request?
            MPI_Ibcast(buffer.bytes.baseAddress, Int32(buffer.bytes.count), noisestep_mpi_byte(), 0,
                       noisestep_mpi_comm_world(), &request)
            Self.complete(&request)
        }
    }

    public func allGather(_ values: UnsafeMutableBufferPointer<Double>, counts: [Int]) {
        precondition(counts.count == size && counts.reduce(0, +) == values.count, "one count per rank, in all")
        precondition(values.count <= Int(Int32.max), "one gather moves at most 2^31 values")
        let buffer = UncheckedBuffer(UnsafeMutableRawBufferPointer(values))
        thread.run {
            var counts32 = counts.map { Int32($0) }
            var offsets = [Int32](repeating: 0, count: counts.count)
            for rank in counts.indices.dropFirst() { offsets[rank] = offsets[rank - 1] + counts32[rank - 1] }
            var request: MPI_Request?
            MPI_Iallgatherv(noisestep_mpi_in_place(), 0, noisestep_mpi_double(), buffer.bytes.baseAddress,
                            &counts32, &offsets, noisestep_mpi_double(), noisestep_mpi_comm_world(), &request)
            Self.complete(&request)
        }
    }

    /// Sums `values` over all ranks, in place (`MPI_Allreduce`): the data-parallel
    /// baseline's gradient exchange, which `bench --mpi` measures. Not bit-identical
    /// across rank counts, as MPI promises no order of summation.
    public func sumAll(_ values: UnsafeMutableBufferPointer<Float>) {
        let buffer = UncheckedBuffer(UnsafeMutableRawBufferPointer(values))
        thread.run {
            var request: MPI_Request?
            MPI_Iallreduce(noisestep_mpi_in_place(), buffer.bytes.baseAddress, Int32(values.count),
                           noisestep_mpi_float(), noisestep_mpi_sum(), noisestep_mpi_comm_world(), &request)
            Self.complete(&request)
        }
    }

    /// Ends this process's part in the job. Call once, after the last collective.
    public func finalize() {
        thread.run { _ = MPI_Finalize() }
    }

    /// Polls `request` until it completes: briskly for the first 2,000 polls (a peer a
    /// little behind), then sleeping between polls, 50 µs at first and twice as long
    /// each time up to 2 ms (a peer far behind, or a paused leader: a waiting rank then
    /// costs under 2% of a core, and the step after a pause starts up to 2 ms late).
    private static func complete(_ request: inout MPI_Request?) {
        var done: Int32 = 0, polls = 0, pause: UInt32 = 25
        while true {
            MPI_Test(&request, &done, noisestep_mpi_status_ignore())
            if done != 0 { return }
            polls += 1
            if polls > 2_000 {
                pause = min(2_000, pause * 2)
                usleep(pause)
            }
        }
    }
}

#endif
