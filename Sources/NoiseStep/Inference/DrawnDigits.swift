/// Digits that look hand-drawn on the pad, made from real ones: the check of how well a
/// model reads what a person draws.
///
/// Each image's strokes (pixels ≥ 128) are redrawn with the pad's brush at a random size
/// and place on the pad, as a person might draw them: small digits come out thick once
/// the pad's preprocessing scales them up. Then the pad's own preprocessing
/// (`PadPreprocessing.mnistStyle`) turns the pad into the model's input. Deterministic in
/// `seed` and the image's index.
public enum DrawnDigits {
    /// Drawn sizes relative to the original digit.
    public static let scales = 0.55 ... 1.15
    /// Largest offset from the pad's centre, in pixels.
    public static let offset = 4.0

    /// Where and how large a digit is drawn: its size relative to the original, and the
    /// offset of its centre from the pad's, in pixels.
    public struct Placement: Sendable, Equatable {
        public var scale: Double, dx: Double, dy: Double

        /// A random placement: size in `scales`, offsets within ±`offset`, from three draws of `random`.
        public init(random: inout RandomStream) {
            func uniform(_ range: ClosedRange<Double>) -> Double {
                range.lowerBound + (range.upperBound - range.lowerBound) * random.nextUnitClosed()
            }
            scale = uniform(scales)
            dx = uniform(-offset ... offset)
            dy = uniform(-offset ... offset)
        }
    }

    /// The pad drawing of image `index` of `dataset`, before preprocessing.
    public static func pad(for dataset: Dataset, index: Int, seed: UInt64) -> [Float] {
        var random = RandomStream(seed: seed, purpose: .evaluation, index: index)
        return pad(drawing: dataset.image(index), at: Placement(random: &random))
    }

    /// `image` ([28, 28] bytes) drawn on the pad at `placement`: each stroke pixel (≥ 128)
    /// stamped with the pad's brush, before preprocessing.
    public static func pad(drawing image: ArraySlice<UInt8>, at placement: Placement) -> [Float] {
        let side = Dataset.side, centre = Double(side) / 2
        var pad = [Float](repeating: 0, count: side * side)
        for row in 0 ..< side {
            for column in 0 ..< side where image[image.startIndex + row * side + column] >= 128 {
                let x = (Double(column) + 0.5 - centre) * placement.scale + centre + placement.dx
                let y = (Double(row) + 0.5 - centre) * placement.scale + centre + placement.dy
                PadBrush.stamp(&pad, x: x, y: y)
            }
        }
        return pad
    }

    /// Every image of `dataset` drawn on the pad and preprocessed; images whose drawing is
    /// empty keep their original pixels.
    public static func dataset(from dataset: Dataset, seed: UInt64 = 0) -> Dataset {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(dataset.pixels.count)
        for index in 0 ..< dataset.count {
            let drawn = PadPreprocessing.mnistStyle(pad(for: dataset, index: index, seed: seed))
            pixels.append(contentsOf: drawn ?? Array(dataset.image(index)))
        }
        return Dataset(pixels: pixels, labels: dataset.labels)
    }
}
