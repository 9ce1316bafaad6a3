import NoiseStepKernels

/// An input encoding's lookup tables, for the loader.
struct EncodingTables {
    let kind: InputEncoding
    /// [256]: the network input of each byte value.
    let values: FloatBuffer
    /// [256]: the level of each byte value; input = level / divisor.
    let levels: KernelBuffer<Int16>

    init(_ kind: InputEncoding) {
        self.kind = kind
        values = FloatBuffer(count: 256)
        values.pointer.update(from: kind.table, count: 256)
        levels = KernelBuffer<Int16>(count: 256)
        levels.pointer.update(from: kind.levels, count: 256)
    }
}
