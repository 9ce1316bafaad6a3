/// Turns a hand-drawn 28×28 pad into an MNIST-like image, so that a drawing reaches the
/// model looking like the digits it was trained on.
///
/// The steps are the ones used to build MNIST:
/// 1. crop to the bounding box of the ink (pixels that would not round to 0 as a byte);
/// 2. scale the crop so its longer side is 20 px, keeping the aspect ratio, each output
///    pixel the area-weighted mean of the input it covers;
/// 3. paste it into the middle of a blank 28×28 image;
/// 4. shift by whole pixels so the centre of mass lies at the image centre (14, 14).
///
/// Coordinates are measured from the top-left corner of the image, so pixel (row r,
/// column c) has its centre at (c + 0.5, r + 0.5) and the image centre is (14, 14). Ink
/// that a shift would push past the edge is dropped (rare: the 20 px box leaves 4 px of
/// margin on each side). Pure and deterministic.
public enum PadPreprocessing {
    public static let side = Dataset.side
    /// The longer side of the ink after scaling, in pixels.
    public static let inkBox = 20
    /// Values below this do not count as ink: they would become byte 0.
    public static let inkThreshold: Float = 0.5 / 255

    /// The MNIST-style image of `pad`, or nil when the pad holds no ink.
    /// - Parameter pad: [28, 28] row-major intensities in 0...1 (values outside are clamped).
    /// - Returns: [28, 28] row-major bytes 0...255, ready for `classProbabilities`.
    /// - Precondition: `pad.count == 784`.
    public static func mnistStyle(_ pad: [Float]) -> [UInt8]? {
        precondition(pad.count == side * side, "the pad must hold 28×28 values")
        let clamped = pad.map { min(max($0, 0), 1) }
        guard let bounds = inkBounds(clamped) else { return nil }
        let scaled = scaledToInkBox(clamped, bounds: bounds)
        let pasted = pastedInCentre(scaled)
        return centredByMass(pasted).map { UInt8(($0 * 255).rounded()) }
    }

    /// The smallest rectangle holding every ink pixel, nil when there is none.
    static func inkBounds(_ image: [Float]) -> InkBounds? {
        var bounds: InkBounds?
        for row in 0 ..< side {
            for column in 0 ..< side where image[row * side + column] >= inkThreshold {
                if var known = bounds {
                    known.top = min(known.top, row)
                    known.bottom = max(known.bottom, row)
                    known.left = min(known.left, column)
                    known.right = max(known.right, column)
                    bounds = known
                } else {
                    bounds = InkBounds(top: row, bottom: row, left: column, right: column)
                }
            }
        }
        return bounds
    }

    /// The crop inside `bounds`, area-resampled so its longer side is `inkBox`.
    static func scaledToInkBox(_ image: [Float], bounds: InkBounds) -> Raster {
        let width = bounds.right - bounds.left + 1, height = bounds.bottom - bounds.top + 1
        let longer = max(width, height)
        let targetWidth = max(1, Int((Double(inkBox * width) / Double(longer)).rounded()))
        let targetHeight = max(1, Int((Double(inkBox * height) / Double(longer)).rounded()))
        let columnWeights = areaWeights(from: width, to: targetWidth)
        let rowWeights = areaWeights(from: height, to: targetHeight)
        var pixels = [Float](repeating: 0, count: targetWidth * targetHeight)
        for targetRow in 0 ..< targetHeight {
            for targetColumn in 0 ..< targetWidth {
                var sum: Float = 0
                for (sourceRow, rowWeight) in rowWeights[targetRow] {
                    let rowStart = (bounds.top + sourceRow) * side + bounds.left
                    for (sourceColumn, columnWeight) in columnWeights[targetColumn] {
                        sum += rowWeight * columnWeight * image[rowStart + sourceColumn]
                    }
                }
                pixels[targetRow * targetWidth + targetColumn] = sum
            }
        }
        return Raster(width: targetWidth, height: targetHeight, pixels: pixels)
    }

    /// For each of `target` output cells along one axis, the input cells it overlaps and
    /// the share of the output cell each covers (the shares of one output cell sum to 1).
    static func areaWeights(from source: Int, to target: Int) -> [[(Int, Float)]] {
        let scale = Double(source) / Double(target)
        return (0 ..< target).map { cell in
            let start = Double(cell) * scale, end = Double(cell + 1) * scale
            var weights: [(Int, Float)] = []
            for input in Int(start) ..< min(source, Int(end.rounded(.up))) {
                let overlap = min(end, Double(input + 1)) - max(start, Double(input))
                if overlap > 0 { weights.append((input, Float(overlap / scale))) }
            }
            return weights
        }
    }

    /// `raster` in the middle of a blank 28×28 image.
    static func pastedInCentre(_ raster: Raster) -> [Float] {
        var image = [Float](repeating: 0, count: side * side)
        let top = (side - raster.height) / 2, left = (side - raster.width) / 2
        for row in 0 ..< raster.height {
            for column in 0 ..< raster.width {
                image[(top + row) * side + left + column] = raster.pixels[row * raster.width + column]
            }
        }
        return image
    }

    /// `image` shifted by whole pixels so its centre of mass is as close as possible to (14, 14).
    static func centredByMass(_ image: [Float]) -> [Float] {
        guard let centre = centreOfMass(image) else { return image }
        let middle = Double(side) / 2
        let shiftX = Int((middle - centre.x).rounded()), shiftY = Int((middle - centre.y).rounded())
        var shifted = [Float](repeating: 0, count: side * side)
        for row in 0 ..< side {
            let sourceRow = row - shiftY
            guard sourceRow >= 0 && sourceRow < side else { continue }
            for column in 0 ..< side {
                let sourceColumn = column - shiftX
                guard sourceColumn >= 0 && sourceColumn < side else { continue }
                shifted[row * side + column] = image[sourceRow * side + sourceColumn]
            }
        }
        return shifted
    }

    /// The intensity-weighted mean of the pixel centres, nil for a blank image.
    /// - Parameter image: [28, 28] row-major, at least 0 everywhere.
    public static func centreOfMass(_ image: [Float]) -> (x: Double, y: Double)? {
        var mass = 0.0, sumX = 0.0, sumY = 0.0
        for row in 0 ..< side {
            for column in 0 ..< side {
                let value = Double(image[row * side + column])
                mass += value
                sumX += value * (Double(column) + 0.5)
                sumY += value * (Double(row) + 0.5)
            }
        }
        return mass > 0 ? (sumX / mass, sumY / mass) : nil
    }

    /// Inclusive pixel bounds of the ink on the pad.
    struct InkBounds: Equatable {
        var top: Int, bottom: Int, left: Int, right: Int
    }

    /// A small row-major image of any size.
    struct Raster {
        var width: Int, height: Int
        /// [height, width] row-major.
        var pixels: [Float]
    }
}
