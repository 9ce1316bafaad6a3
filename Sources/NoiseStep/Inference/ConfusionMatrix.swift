/// What a model predicted for each true class of a data set: counts[truth, predicted].
/// Its diagonal is what it got right; a row is one true class, so a row's diagonal share
/// is that class's accuracy.
public struct ConfusionMatrix: Sendable, Equatable, Codable {
    public let classes: Int
    /// [classes, classes] row-major: the examples of class `truth` predicted as `predicted`
    /// are at truth · classes + predicted.
    public private(set) var counts: [Int]

    /// An empty matrix.
    public init(classes: Int = Dataset.classes) {
        precondition(classes > 0)
        self.classes = classes
        counts = Array(repeating: 0, count: classes * classes)
    }

    /// A matrix of `counts` laid out as `counts[truth · classes + predicted]`.
    /// - Precondition: `counts.count == classes · classes`, none negative.
    public init(classes: Int, counts: [Int]) {
        precondition(classes > 0 && counts.count == classes * classes && counts.allSatisfy { $0 >= 0 })
        self.classes = classes
        self.counts = counts
    }

    public subscript(truth: Int, predicted: Int) -> Int { counts[truth * classes + predicted] }

    /// Counts one example; labels outside 0..<classes are ignored.
    public mutating func record(truth: Int, predicted: Int) {
        guard (0 ..< classes).contains(truth), (0 ..< classes).contains(predicted) else { return }
        counts[truth * classes + predicted] += 1
    }

    /// Adds another matrix of the same size.
    public mutating func add(_ other: ConfusionMatrix) {
        precondition(other.classes == classes)
        for index in counts.indices { counts[index] += other.counts[index] }
    }

    public var total: Int { counts.reduce(0, +) }
    /// Examples predicted as their true class.
    public var correct: Int { (0 ..< classes).reduce(0) { $0 + self[$1, $1] } }
    /// correct / total; 0 when empty.
    public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }
    /// Examples whose true class is `truth`.
    public func examples(of truth: Int) -> Int { (0 ..< classes).reduce(0) { $0 + self[truth, $1] } }
    /// The share of class `truth` predicted right; nil when it has no examples.
    public func accuracy(of truth: Int) -> Double? {
        let count = examples(of: truth)
        return count == 0 ? nil : Double(self[truth, truth]) / Double(count)
    }
}
