/// How `InputEncoding` turns a pixel into a network input: `encode` for one value (the
/// pad's prediction), `table` for the chunk loader, which looks every byte up. The input
/// is always level / divisor with an integer level, which lets the first layer sum its
/// products exactly in integers (`Kernels.inputLayer`).
extension InputEncoding {
    /// The network input for one pixel value 0...255.
    @inlinable
    public func encode(_ pixel: UInt8) -> Float {
        switch self {
        case .binary: pixel > 0 ? 1 : 0
        case .gray: Float(pixel) / 255
        }
    }

    /// [256]: encode(v) for every byte value v, so that loading costs a table lookup.
    var table: [Float] { (0 ... 255).map { encode(UInt8($0)) } }

    /// The integer level of a pixel: encode(pixel) = level / divisor.
    func level(_ pixel: UInt8) -> Int16 {
        switch self {
        case .binary: pixel > 0 ? 1 : 0
        case .gray: Int16(pixel)
        }
    }

    /// [256]: level(v) for every byte value v.
    var levels: [Int16] { (0 ... 255).map { level(UInt8($0)) } }

    /// What a level is divided by to give the input.
    var divisor: Float {
        switch self {
        case .binary: 1
        case .gray: 255
        }
    }
}
