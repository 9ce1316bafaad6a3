extension Dataset {
    /// How many stratified folds `stratifiedHoldoutIndices` chooses among.
    public static let holdoutFolds = 10
    /// The fold every run holds out unless told otherwise: the centre of each stride.
    public static let defaultHoldoutFold = 5

    /// The indices of a fixed, stratified hold-out set, ascending.
    ///
    /// For each class with `n` examples, `m = min(perClass, n)` of them are held out:
    /// the ⌊(10k + fold)·n / 10m⌋-th example of that class in index order, for k in
    /// 0..<m, i.e. evenly spread over the class at phase `fold`/10 of each stride. The
    /// default fold 5 takes the centre of each stride, ⌊(2k + 1)·n / 2m⌋. Folds 0…9 are
    /// disjoint when every class has at least 10·m members (the bundled subset has
    /// exactly that: 500 per digit, 50 held out), so they give a 10-fold
    /// cross-validation. The choice depends only on `labels`, `perClass` and `fold` — no
    /// random numbers — so it is the same in every run and on every machine.
    /// - Precondition: `fold` in 0..<`holdoutFolds`.
    public static func stratifiedHoldoutIndices(labels: [UInt8], perClass: Int,
                                                fold: Int = defaultHoldoutFold) -> [Int] {
        precondition(fold >= 0 && fold < holdoutFolds, "fold \(fold) is outside 0..<\(holdoutFolds)")
        var byClass = [[Int]](repeating: [], count: 256)
        for (index, label) in labels.enumerated() { byClass[Int(label)].append(index) }
        var held = [Int]()
        for members in byClass where !members.isEmpty {
            let n = members.count
            let m = min(max(perClass, 0), n)
            for k in 0..<m { held.append(members[(holdoutFolds * k + fold) * n / (holdoutFolds * m)]) }
        }
        held.sort()
        return held
    }

    /// This data set cut into a training part and a fixed, stratified validation part
    /// of `validationPerClass` examples per class from fold `fold` (see
    /// `stratifiedHoldoutIndices`).
    ///
    /// Both parts keep the examples in ascending original index order; together they
    /// hold every example exactly once.
    public func stratifiedSplit(validationPerClass: Int,
                                fold: Int = defaultHoldoutFold) -> (train: Dataset, validation: Dataset) {
        let held = Self.stratifiedHoldoutIndices(labels: labels, perClass: validationPerClass, fold: fold)
        var isHeld = [Bool](repeating: false, count: count)
        for index in held { isHeld[index] = true }
        let kept = (0..<count).filter { !isHeld[$0] }
        return (train: subset(kept), validation: subset(held))
    }
}
