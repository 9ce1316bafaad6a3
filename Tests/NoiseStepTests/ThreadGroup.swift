import Foundation
import NoiseStep
import Synchronization

/// A `ProcessGroup` of threads in one process, for tests: every member deposits its
/// buffer at a rendezvous, copies what it needs from the others', and waits until all
/// have copied before returning. Same contract as an MPI communicator, no MPI.
///
/// Once a member's body returns (or throws), the group is broken, as an MPI job is
/// aborted: every collective then returns at once without exchanging anything, so a
/// test of broken code fails instead of hanging.
final class ThreadGroup: ProcessGroup {
    let rank: Int
    let size: Int
    fileprivate let rendezvous: Rendezvous

    /// The `size` members of one group; member r has rank r.
    static func members(_ size: Int) -> [ThreadGroup] {
        let rendezvous = Rendezvous(size: size)
        return (0 ..< size).map { ThreadGroup(rank: $0, size: size, rendezvous: rendezvous) }
    }

    private init(rank: Int, size: Int, rendezvous: Rendezvous) {
        self.rank = rank
        self.size = size
        self.rendezvous = rendezvous
    }

    func broadcast(_ bytes: UnsafeMutableRawBufferPointer) {
        rendezvous.meet(rank: rank, buffer: bytes.baseAddress) { buffers in
            guard rank != 0, let root = buffers[0], let own = bytes.baseAddress else { return }
            own.copyMemory(from: root, byteCount: bytes.count)
        }
    }

    func allGather(_ values: UnsafeMutableBufferPointer<Double>, counts: [Int]) {
        rendezvous.meet(rank: rank, buffer: values.baseAddress.map(UnsafeMutableRawPointer.init)) { buffers in
            var offset = 0
            for (other, count) in counts.enumerated() {
                if other != rank, count > 0, let source = buffers[other] {
                    (values.baseAddress! + offset).update(
                        from: source.assumingMemoryBound(to: Double.self) + offset, count: count)
                }
                offset += count
            }
        }
    }

    /// Runs `body(member)` for each member on its own thread; returns their results in
    /// rank order once all have finished.
    static func run<Result: Sendable>(size: Int, _ body: @escaping @Sendable (ThreadGroup) -> Result) -> [Result] {
        let results = Results<Result>(size)
        let done = DispatchGroup()
        for member in members(size) {
            done.enter()
            Thread.detachNewThread {
                results.set(member.rank, body(member))
                member.rendezvous.breakUp()
                done.leave()
            }
        }
        done.wait()
        return results.values()
    }
}

/// Two barriers around a copy: all deposit, each copies, all leave.
private final class Rendezvous: @unchecked Sendable {  // every field is read and written under `condition`
    let size: Int
    private let condition = NSCondition()
    private var buffers: [UnsafeMutableRawPointer?]
    private var arrived = 0
    private var generation = 0
    private var broken = false

    init(size: Int) {
        self.size = size
        buffers = Array(repeating: nil, count: size)
    }

    func meet(rank: Int, buffer: UnsafeMutableRawPointer?, copy: ([UnsafeMutableRawPointer?]) -> Void) {
        condition.lock()
        buffers[rank] = buffer
        guard barrier() else { return condition.unlock() }
        let all = buffers
        condition.unlock()
        copy(all)
        condition.lock()
        _ = barrier()
        condition.unlock()
    }

    /// Ends every meeting now and later: a member has left.
    func breakUp() {
        condition.lock()
        broken = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits, holding the lock, until all `size` members arrived at this barrier; false
    /// when the group broke up instead.
    private func barrier() -> Bool {
        let mine = generation
        arrived += 1
        if arrived == size {
            arrived = 0
            generation += 1
            condition.broadcast()
        }
        while generation == mine && !broken { condition.wait() }
        return generation != mine
    }
}

private final class Results<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>
    init(_ size: Int) { slots = Mutex(Array(repeating: nil, count: size)) }
    func set(_ index: Int, _ value: Value) { slots.withLock { $0[index] = value } }
    func values() -> [Value] { slots.withLock { $0.map { $0! } } }
}
