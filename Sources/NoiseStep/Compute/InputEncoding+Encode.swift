/// How `InputEncoding` turns a pixel into a network input: `encode` for one value (the
/// pad's prediction), `table` for the chunk loader, which looks every byte up.
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
}
