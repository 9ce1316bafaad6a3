import Foundation

/// Drawings that are not digits, made the way `DrawnDigits` makes drawn ones: shapes
/// drawn on the pad with its brush at a random size, angle and place, then sent through
/// the pad's preprocessing. The check of what the pad says about things that are not in
/// its classes: a dot, a dash, a cross, a plus, a square, a filled block, a triangle, a
/// scribble, an asterisk, an H, a wave and a hash, in turn. Deterministic in `seed` and
/// the index.
public enum NonDigits {
    /// Each shape as strokes of points in a box from −1 to 1 (y grows downward).
    static let shapes: [[[SIMD2<Double>]]] = [
        [[SIMD2(0, 0)]],
        [[SIMD2(-1, 0), SIMD2(1, 0)]],
        [[SIMD2(-1, -1), SIMD2(1, 1)], [SIMD2(-1, 1), SIMD2(1, -1)]],
        [[SIMD2(-1, 0), SIMD2(1, 0)], [SIMD2(0, -1), SIMD2(0, 1)]],
        [[SIMD2(-1, -1), SIMD2(1, -1), SIMD2(1, 1), SIMD2(-1, 1), SIMD2(-1, -1)]],
        stride(from: -0.6, through: 0.6, by: 0.1).map { [SIMD2(-1, $0), SIMD2(1, $0)] },
        [[SIMD2(-1, 0.8), SIMD2(0, -0.9), SIMD2(1, 0.8), SIMD2(-1, 0.8)]],
        [],  // the scribble: a random walk, made per image
        (0 ..< 3).map { index in
            let angle = Double(index) * Double.pi / 3
            return [SIMD2(-cos(angle), -sin(angle)), SIMD2(cos(angle), sin(angle))]
        },
        [[SIMD2(-1, -1), SIMD2(-1, 1)], [SIMD2(1, -1), SIMD2(1, 1)], [SIMD2(-1, 0), SIMD2(1, 0)]],
        [(0 ... 24).map { SIMD2(-1 + Double($0) / 12, 0.3 * sin(Double($0) / 12 * 2 * Double.pi)) }],
        [[SIMD2(-0.4, -1), SIMD2(-0.4, 1)], [SIMD2(0.4, -1), SIMD2(0.4, 1)], [SIMD2(-1, -0.4), SIMD2(1, -0.4)],
         [SIMD2(-1, 0.4), SIMD2(1, 0.4)]],
    ]
    static let shapeNames = ["dot", "dash", "cross", "plus", "square", "block", "triangle", "scribble", "asterisk",
                             "H", "wave", "hash"]
    /// Half the drawn size, in pad pixels.
    static let sizes = 3.0 ... 10.0
    /// Largest turn from the shape's own orientation, in radians (a dash stays a dash, not a 1).
    static let maximumTurn = Double.pi / 9
    /// Largest offset from the pad's centre, in pixels.
    static let offset = 3.0
    /// How many `eval --calibration` checks (50 of each shape).
    public static let checkCount = 600

    /// The pad drawing of image `index` (shape `index` modulo the shapes), before preprocessing.
    public static func pad(index: Int, seed: UInt64) -> [Float] {
        var random = RandomStream(seed: seed, purpose: .evaluation, step: 1, index: index)
        func uniform(_ range: ClosedRange<Double>) -> Double {
            range.lowerBound + (range.upperBound - range.lowerBound) * random.nextUnitClosed()
        }
        let shape = index % shapes.count
        var strokes = shapes[shape]
        if strokes.isEmpty {
            var point = SIMD2<Double>(0, 0)
            strokes = [(0 ..< 12).map { _ in
                point = SIMD2(min(max(point.x + uniform(-0.9 ... 0.9), -1), 1), min(max(point.y + uniform(-0.9 ... 0.9), -1), 1))
                return point
            }]
        }
        let half = shape == 0 ? uniform(0.2 ... 1.2) : uniform(sizes)
        let turn = uniform(-maximumTurn ... maximumTurn)
        let centre = SIMD2(14 + uniform(-offset ... offset), 14 + uniform(-offset ... offset))
        let place = { (point: SIMD2<Double>) in
            centre + half * SIMD2(point.x * cos(turn) - point.y * sin(turn), point.x * sin(turn) + point.y * cos(turn))
        }
        var pad = [Float](repeating: 0, count: Dataset.side * Dataset.side)
        for stroke in strokes {
            let points = stroke.map(place)
            PadBrush.stamp(&pad, x: points[0].x, y: points[0].y)
            for (start, end) in zip(points, points.dropFirst()) {
                let stamps = max(1, Int((((end - start) * (end - start)).sum().squareRoot() * 4).rounded(.up)))
                for stamp in 1 ... stamps {
                    let at = start + (end - start) * (Double(stamp) / Double(stamps))
                    PadBrush.stamp(&pad, x: at.x, y: at.y)
                }
            }
        }
        return pad
    }

    /// `count` drawings, preprocessed as the pad does, with label 0 (they have no class:
    /// a report scores them by the confidence shown, which should be low).
    public static func dataset(count: Int, seed: UInt64 = 0) -> Dataset {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(count * Dataset.side * Dataset.side)
        for index in 0 ..< count {
            pixels.append(contentsOf: PadPreprocessing.mnistStyle(pad(index: index, seed: seed))
                ?? [UInt8](repeating: 0, count: Dataset.side * Dataset.side))
        }
        return Dataset(pixels: pixels, labels: [UInt8](repeating: 0, count: count))
    }
}
