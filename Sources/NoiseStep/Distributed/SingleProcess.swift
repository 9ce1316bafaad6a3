/// The group of one: every collective is the identity. What a plain `noisestep train`
/// runs with.
public final class SingleProcess: ProcessGroup {
    public init() {}
    public var rank: Int { 0 }
    public var size: Int { 1 }
    public func broadcast(_ bytes: UnsafeMutableRawBufferPointer) {}
    public func allGather(_ values: UnsafeMutableBufferPointer<Double>, counts: [Int]) {}
}
