/// The processes that train one run together, as the engine sees them: a rank, a size
/// and two collective operations. An MPI communicator is one (the `NoiseStepMPI` target);
/// `SingleProcess` is the group of one that every run uses unless told otherwise.
///
/// Contract for implementations:
/// - Every process calls the same operations in the same order with the same sizes
///   (collective semantics); a call returns only once this process's part is complete.
/// - Calls come from one owner at a time, never concurrently.
/// - A process that cannot complete an operation (a peer died) does not return: under
///   MPI the job is aborted, which is what a rank cut off from its peers must do.
public protocol ProcessGroup: AnyObject, Sendable {
    /// This process's place, `0 ..< size`. Rank 0 leads: it records the run and takes
    /// the commands; the others follow it.
    var rank: Int { get }
    /// How many processes train the run; at least 1.
    var size: Int { get }

    /// Makes `bytes` hold rank 0's bytes on every process. Every process passes a buffer
    /// of the same length.
    func broadcast(_ bytes: UnsafeMutableRawBufferPointer)

    /// Rank r's part of `values` starts at `counts[0] + … + counts[r − 1]` and is
    /// `counts[r]` long; on entry only this process's part is filled, on return every
    /// part is, on every process, bit for bit. `counts` is the same everywhere and sums
    /// to `values.count`; a count may be 0.
    func allGather(_ values: UnsafeMutableBufferPointer<Double>, counts: [Int])
}

extension ProcessGroup {
    /// Rank 0's `message` on every process, whatever its length (the others pass
    /// anything, e.g. `[]`): one broadcast of the length, one of the bytes.
    public func broadcast(message: [UInt8]) -> [UInt8] {
        var length = UInt64(message.count)
        withUnsafeMutableBytes(of: &length) { broadcast($0) }
        var received = rank == 0 ? message : [UInt8](repeating: 0, count: Int(length))
        received.withUnsafeMutableBytes { broadcast($0) }
        return received
    }
}
