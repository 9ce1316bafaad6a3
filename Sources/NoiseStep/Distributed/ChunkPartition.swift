/// Which chunks of a batch each process of a group computes: contiguous, in rank order,
/// as even as can be (sizes differ by at most one, the larger ones first).
///
/// Contiguous shares in rank order are what let a gather put every chunk's row at its
/// chunk's place, so the totals are added in chunk order exactly as one process adds
/// them. Example: 16 chunks over 3 processes are 0..<6, 6..<11, 11..<16; 2 chunks over
/// 3 processes are 0..<1, 1..<2, 2..<2 (the last computes nothing).
public enum ChunkPartition {
    /// The chunks of process `rank` out of `size` when a batch has `chunks` chunks.
    /// - Precondition: `0 ≤ rank < size` and `chunks ≥ 0`.
    public static func chunks(_ chunks: Int, rank: Int, size: Int) -> Range<Int> {
        precondition(size >= 1 && rank >= 0 && rank < size && chunks >= 0)
        let base = chunks / size, extra = chunks % size
        let start = rank * base + min(rank, extra)
        return start ..< start + base + (rank < extra ? 1 : 0)
    }

    /// Every process's chunks, in rank order; they tile `0 ..< chunks`.
    public static func shares(_ chunks: Int, size: Int) -> [Range<Int>] {
        (0 ..< size).map { self.chunks(chunks, rank: $0, size: size) }
    }
}
