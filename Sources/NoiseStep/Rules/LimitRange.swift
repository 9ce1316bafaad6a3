/// The values a setting may take: an interval whose ends are each included or not.
///
/// Values are compared as `Double`, which is exact for every integer limit here (all are
/// below 2^53). NaN is inside no range.
public struct LimitRange: Sendable, Equatable, CustomStringConvertible {
    public let lower: Double
    public let upper: Double
    public let includesLower: Bool
    public let includesUpper: Bool
    /// Whether the setting takes whole numbers; then the range reads "1...65536".
    public let isIntegral: Bool

    /// The whole numbers `range`.
    public init(_ range: ClosedRange<Int>) {
        lower = Double(range.lowerBound)
        upper = Double(range.upperBound)
        includesLower = true
        includesUpper = true
        isIntegral = true
    }

    /// The real numbers from `lower` to `upper`, each end included or not.
    public init(real lower: Double, _ upper: Double, includesLower: Bool, includesUpper: Bool) {
        self.lower = lower
        self.upper = upper
        self.includesLower = includesLower
        self.includesUpper = includesUpper
        isIntegral = false
    }

    public func contains(_ value: Double) -> Bool {
        (includesLower ? value >= lower : value > lower) && (includesUpper ? value <= upper : value < upper)
    }

    public func contains(_ value: Int) -> Bool { contains(Double(value)) }

    /// The whole number in this range nearest `value`.
    /// - Precondition: a whole-number range.
    public func clamped(_ value: Int) -> Int {
        precondition(isIntegral)
        return min(max(value, Int(lower)), Int(upper))
    }

    /// Interval notation: "1...65536" for whole numbers, "(0, 1)", "[0, 1)", "(0, 1000]".
    public var description: String {
        if isIntegral { return "\(Int(lower))...\(Int(upper))" }
        return (includesLower ? "[" : "(") + NumberFormat.plain(lower) + ", " + NumberFormat.plain(upper)
            + (includesUpper ? "]" : ")")
    }
}
