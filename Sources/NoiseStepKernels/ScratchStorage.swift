/// Storage the kernels own, counted in the memory figures.
package protocol ScratchStorage: AnyObject {
    /// Bytes held.
    var bytes: Int { get }
}
