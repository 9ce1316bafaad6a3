extension Dataset {
    /// The indices of a fixed, stratified hold-out set, ascending.
    ///
    /// For each class with `n` examples, `m = min(perClass, n)` of them are held out:
    /// the ⌊(2k + 1)·n / 2m⌋-th example of that class in index order, for k in 0..<m,
    /// i.e. evenly spread over the class and centred in each stride. The choice depends
    /// only on `labels` and `perClass` — no random numbers — so it is the same in
    /// every run and on every machine.
    public static func stratifiedHoldoutIndices(labels: [UInt8], perClass: Int) -> [Int] {
        var byClass = [[Int]](repeating: [], count: 256)
        for (index, label) in labels.enumerated() { byClass[Int(label)].append(index) }
        var held = [Int]()
        for members in byClass where !members.isEmpty {
            let n = members.count
            let m = min(max(perClass, 0), n)
            for k in 0..<m { held.append(members[(2 * k + 1) * n / (2 * m)]) }
        }
        held.sort()
        return held
    }

    /// This data set cut into a training part and a fixed, stratified validation part
    /// of `validationPerClass` examples per class (see `stratifiedHoldoutIndices`).
    ///
    /// Both parts keep the examples in ascending original index order; together they
    /// hold every example exactly once.
    public func stratifiedSplit(validationPerClass: Int) -> (train: Dataset, validation: Dataset) {
        let held = Self.stratifiedHoldoutIndices(labels: labels, perClass: validationPerClass)
        var isHeld = [Bool](repeating: false, count: count)
        for index in held { isHeld[index] = true }
        let kept = (0..<count).filter { !isHeld[$0] }
        return (train: subset(kept), validation: subset(held))
    }
}
