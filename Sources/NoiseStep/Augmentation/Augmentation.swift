import Foundation

/// Random distortions of training images, drawn from the run's seeded PRNG so that a run
/// stays reproducible: example slot `b` of step `t` is always distorted the same way.
///
/// Each image gets one random affine warp (rotation, scale, shift) resampled bilinearly.
/// All amounts are maxima; each is drawn uniformly in [−max, +max]. With `redraw`, some
/// images are instead drawn again as on the pad. Zero everywhere (the default of `none`)
/// leaves images untouched.
public struct Augmentation: Sendable, Equatable {
    /// Largest shift in pixels, along each axis.
    public var shift: Double
    /// Largest rotation in degrees.
    public var rotation: Double
    /// Largest relative change of size, e.g. 0.1 for ±10%.
    public var scale: Double
    /// The share of images drawn again as on the pad instead (`DrawnDigits`): the strokes
    /// stamped with the pad's brush at a random size and place, then the pad's MNIST-style
    /// preprocessing, so that the model learns the thick, rescaled strokes a person draws.
    public var redraw: Double = 0

    public init(shift: Double = 0, rotation: Double = 0, scale: Double = 0, redraw: Double = 0) {
        self.shift = shift
        self.rotation = rotation
        self.scale = scale
        self.redraw = redraw
    }

    public static let none = Augmentation()
    /// The default: whole-pixel shifts of up to ±1 px. Rotation and scaling (±10°, ±15%)
    /// add about a point on drawn digits but cost a bilinear warp per image and lose two
    /// points on Fashion-MNIST, whose pictures are never rotated.
    public static let standard = Augmentation(shift: 1)

    public var isNone: Bool { shift == 0 && rotation == 0 && scale == 0 && redraw == 0 }

    /// Warps a 28×28 image in place, using the numbers of `random`.
    public func apply(to image: inout [UInt8], random: inout RandomStream) {
        guard !isNone else { return }
        distortion(random: &random).apply(to: &image)
    }

    /// The warp `apply` makes with the numbers of `random`: four draws, always in the same
    /// order (rotation, scale, shift x, shift y), so that a run's images are reproducible;
    /// with `redraw`, a fifth says whether to redraw instead, and three more where.
    public func distortion(random: inout RandomStream) -> Distortion {
        func symmetric(_ limit: Double) -> Float {
            Float(limit * (2 * random.nextUnitClosed() - 1))
        }
        let angle = symmetric(rotation) * .pi / 180
        let zoom = 1 + symmetric(scale)
        let dx = symmetric(shift), dy = symmetric(shift)
        var distortion = Distortion(angle: angle, zoom: zoom, dx: dx, dy: dy, isTranslation: rotation == 0 && scale == 0)
        if redraw > 0, random.nextUnitClosed() < redraw { distortion.redrawn = DrawnDigits.Placement(random: &random) }
        return distortion
    }

    /// One image's warp: rotation by `angle` (radians), scaling by `zoom`, shift by
    /// (dx, dy) pixels. A pure translation moves by whole pixels, without resampling.
    public struct Distortion: Sendable, Equatable {
        public var angle: Float, zoom: Float, dx: Float, dy: Float
        public var isTranslation: Bool
        /// Where the image is drawn again as on the pad, instead of warped; nil: it is warped.
        public var redrawn: DrawnDigits.Placement?

        public init(angle: Float, zoom: Float, dx: Float, dy: Float, isTranslation: Bool,
                    redrawn: DrawnDigits.Placement? = nil) {
            (self.angle, self.zoom, self.dx, self.dy) = (angle, zoom, dx, dy)
            self.isTranslation = isTranslation
            self.redrawn = redrawn
        }

        /// The whole-pixel shift of a pure translation; nil for a warp that resamples or a redrawing.
        public var wholePixelShift: (x: Int, y: Int)? {
            isTranslation && redrawn == nil ? (Int(dx.rounded()), Int(dy.rounded())) : nil
        }

        /// Warps a 28×28 image in place (or redraws it; a drawing with no ink keeps the image).
        public func apply(to image: inout [UInt8]) {
            if let redrawn {
                if let drawn = PadPreprocessing.mnistStyle(DrawnDigits.pad(drawing: image[...], at: redrawn)) { image = drawn }
            } else if let shift = wholePixelShift {
                Augmentation.translate(&image, dx: shift.x, dy: shift.y)
            } else {
                Augmentation.warp(&image, cosine: cos(angle) / zoom, sine: sin(angle) / zoom, dx: dx, dy: dy)
            }
        }
    }

    /// Moves the image by whole pixels; what moves in from outside is background.
    static func translate(_ image: inout [UInt8], dx: Int, dy: Int) {
        guard dx != 0 || dy != 0 else { return }
        let side = Dataset.side, source = image
        for y in 0 ..< side {
            for x in 0 ..< side {
                let sx = x - dx, sy = y - dy
                image[y * side + x] = sx < 0 || sy < 0 || sx >= side || sy >= side ? 0 : source[sy * side + sx]
            }
        }
    }

    /// Output pixel p takes the bilinear sample of the source at R·(p − c − d) + c, where
    /// R = [[cosine, sine], [−sine, cosine]] (rotation and 1/zoom) and c is the centre.
    /// Samples that land outside the source's ink box are background without a lookup.
    static func warp(_ image: inout [UInt8], cosine: Float, sine: Float, dx: Float, dy: Float) {
        let side = Dataset.side, centre = Float(side - 1) / 2
        let source = image
        var low = (x: side, y: side), high = (x: -1, y: -1)
        for y in 0 ..< side {
            for x in 0 ..< side where source[y * side + x] != 0 {
                low = (min(low.x, x), min(low.y, y))
                high = (max(high.x, x), max(high.y, y))
            }
        }
        guard high.x >= 0 else { return }
        let minX = Float(low.x - 1), maxX = Float(high.x + 1), minY = Float(low.y - 1), maxY = Float(high.y + 1)
        // Only output pixels whose source lands in the ink box can be nonzero: map the box's
        // corners forward, p = M·(s − c) + c + d with M the inverse of R, and visit that box.
        let determinant = cosine * cosine + sine * sine
        var out = (minX: Float(side), maxX: Float(-1), minY: Float(side), maxY: Float(-1))
        for (x, y) in [(minX, minY), (maxX, minY), (minX, maxY), (maxX, maxY)] {
            let u = x - centre, v = y - centre
            let px = (cosine * u - sine * v) / determinant + centre + dx
            let py = (sine * u + cosine * v) / determinant + centre + dy
            out = (min(out.minX, px), max(out.maxX, px), min(out.minY, py), max(out.maxY, py))
        }
        let firstX = max(0, Int(out.minX.rounded(.down))), lastX = min(side - 1, Int(out.maxX.rounded(.up)))
        let firstY = max(0, Int(out.minY.rounded(.down))), lastY = min(side - 1, Int(out.maxY.rounded(.up)))
        for index in image.indices { image[index] = 0 }
        guard firstX <= lastX, firstY <= lastY else { return }
        source.withUnsafeBufferPointer { src in
            image.withUnsafeMutableBufferPointer { out in
                for y in firstY ... lastY {
                    let v = Float(y) - centre - dy, u0 = Float(firstX) - centre - dx
                    var sx = cosine * u0 + sine * v + centre
                    var sy = -sine * u0 + cosine * v + centre
                    for x in firstX ... lastX {
                        if sx > minX && sx < maxX && sy > minY && sy < maxY { out[y * side + x] = bilinear(src, x: sx, y: sy) }
                        sx += cosine
                        sy -= sine
                    }
                }
            }
        }
    }

    /// The image sampled at a fractional position; outside the image is background.
    @inline(__always)
    static func bilinear(_ image: UnsafeBufferPointer<UInt8>, x: Float, y: Float) -> UInt8 {
        let side = Dataset.side
        guard x > -1, y > -1, x < Float(side), y < Float(side) else { return 0 }
        let fx0 = x.rounded(.down), fy0 = y.rounded(.down)
        let x0 = Int(fx0), y0 = Int(fy0)
        let fx = x - fx0, fy = y - fy0
        @inline(__always) func pixel(_ px: Int, _ py: Int) -> Float {
            px < 0 || py < 0 || px >= side || py >= side ? 0 : Float(image[py * side + px])
        }
        let top = pixel(x0, y0) * (1 - fx) + pixel(x0 + 1, y0) * fx
        let bottom = pixel(x0, y0 + 1) * (1 - fx) + pixel(x0 + 1, y0 + 1) * fx
        return UInt8(min(255, max(0, (top * (1 - fy) + bottom * fy).rounded())))
    }
}

/// Stored in every step log's options as its shift, rotation and scale; `redraw` is an
/// option of its own there (`TrainingOptions`), so that a program that does not know it
/// refuses the log instead of replaying it without.
extension Augmentation: Codable {
    enum CodingKeys: String, CodingKey { case shift, rotation, scale }
}
