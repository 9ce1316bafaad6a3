import NoiseStep

extension DensitySchedule {
    /// The schedule the `a` key switches to: the next case, after the last the first.
    var afterKeyA: DensitySchedule {
        let all = Self.allCases
        let index = all.firstIndex(of: self) ?? all.startIndex
        return all[(index + 1) % all.count]
    }
}
