import _CMPI
import Foundation
import NoiseStep

/// A caller's buffer on its way to the MPI thread; the caller blocks until the call
/// that uses it has completed.
struct UncheckedBuffer: @unchecked Sendable {  // used by one thread at a time, see above
    let bytes: UnsafeMutableRawBufferPointer
    init(_ bytes: UnsafeMutableRawBufferPointer) { self.bytes = bytes }
}
