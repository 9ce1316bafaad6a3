import CNoiseStepKernels

/// Max and average pooling over feature-major chunks (`PoolShape`), forward, backward
/// and, for max pooling, the tangent of forward-mode alignment.
extension Kernels {
    /// out = the largest entry of each window (the first of equal ones).
    /// - input: [inputRows, 64]; out: [outputRows, 64].
    package static func maxPool(_ input: UnsafePointer<Float>, shape s: PoolShape, into out: UnsafeMutablePointer<Float>) {
        ns_max_pool(input, s.channels, s.height, s.width, s.size, out)
    }

    /// The deltas pushed back through max pooling: each window's delta goes to the first
    /// entry equal to its maximum, every other input row gets 0.
    /// - input: the forward's [inputRows, 64]; pooled: its output [outputRows, 64];
    ///   delta: [outputRows, 64]; out: [inputRows, 64].
    package static func maxPoolBackward(input: UnsafePointer<Float>, pooled: UnsafePointer<Float>,
                                        delta: UnsafePointer<Float>, shape s: PoolShape,
                                        into out: UnsafeMutablePointer<Float>) {
        ns_max_pool_route(input, pooled, s.channels, s.height, s.width, s.size, 1, out, UnsafeMutablePointer(mutating: delta))
    }

    /// The tangent through max pooling: each window's tangent is that of the entry
    /// `maxPoolBackward` routes to. - input, pooled: as there; tangent: [inputRows, 64];
    /// out: [outputRows, 64].
    package static func maxPoolTangent(input: UnsafePointer<Float>, pooled: UnsafePointer<Float>,
                                       tangent: UnsafePointer<Float>, shape s: PoolShape,
                                       into out: UnsafeMutablePointer<Float>) {
        ns_max_pool_route(input, pooled, s.channels, s.height, s.width, s.size, 0, UnsafeMutablePointer(mutating: tangent),
                          out)
    }

    /// out = (each window's entries summed in order) · (1 / size²); also the tangent.
    /// - input: [inputRows, 64]; out: [outputRows, 64].
    package static func averagePool(_ input: UnsafePointer<Float>, shape s: PoolShape,
                                    into out: UnsafeMutablePointer<Float>) {
        ns_average_pool(input, s.channels, s.height, s.width, s.size, out)
    }

    /// Each window's delta · (1 / size²) on every entry of the window, 0 on rows no window
    /// covers. - delta: [outputRows, 64]; out: [inputRows, 64].
    package static func averagePoolBackward(delta: UnsafePointer<Float>, shape s: PoolShape,
                                            into out: UnsafeMutablePointer<Float>) {
        ns_average_pool_backward(delta, s.channels, s.height, s.width, s.size, out)
    }
}
