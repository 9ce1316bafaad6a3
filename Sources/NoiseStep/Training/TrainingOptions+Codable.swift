/// Options are stored as JSON in every step log. A field added in a later version is
/// optional when reading, with the value that reproduces what older files meant.
extension TrainingOptions {
    enum CodingKeys: String, CodingKey {
        case hidden, input, batch, samples, density, schedule, rejectQuantile, alignment, seed, threads
        case augmentation, redraw, temperature, layers
        case keepBy, keepFloor, ramp
    }

    /// Options a header may leave out, and what leaving them out means: `layers` absent is
    /// the MLP of `hidden`.
    static let optionalKeys = [CodingKeys.layers.rawValue]

    /// Options a log may lack: written by an older program, which trained without them.
    static let keysAddedLater: Set<String> = [CodingKeys.keepBy, .keepFloor, .ramp, .redraw].map(\.stringValue)
        .reduce(into: []) { $0.insert($1) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        hidden = try container.decode([Int].self, forKey: .hidden)
        input = try container.decode(InputEncoding.self, forKey: .input)
        batch = try container.decode(Int.self, forKey: .batch)
        samples = try container.decode(Int.self, forKey: .samples)
        density = try container.decode(Double.self, forKey: .density)
        schedule = try container.decode(DensitySchedule.self, forKey: .schedule)
        rejectQuantile = try container.decode(Double.self, forKey: .rejectQuantile)
        alignment = try container.decode(AlignmentEngine.self, forKey: .alignment)
        seed = try container.decode(UInt64.self, forKey: .seed)
        threads = try container.decode(Int.self, forKey: .threads)
        // Files written before these existed trained without them.
        augmentation = try container.decodeIfPresent(Augmentation.self, forKey: .augmentation) ?? .none
        augmentation.redraw = try container.decodeIfPresent(Double.self, forKey: .redraw) ?? 0
        temperature = try container.decodeIfPresent(Double.self, forKey: .temperature) ?? 1
        keepBy = try container.decodeIfPresent(KeepRanking.self, forKey: .keepBy) ?? .magnitude
        keepFloor = try container.decodeIfPresent(Double.self, forKey: .keepFloor) ?? 0
        ramp = try container.decodeIfPresent(Ramp.self, forKey: .ramp)
        layers = try container.decodeIfPresent(LayerList.self, forKey: .layers)
    }

    /// Every option in the order of `CodingKeys`; `redraw` only when used, `layers` and
    /// `ramp` only when there are any, so that a run without them has the header it had
    /// before they existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hidden, forKey: .hidden)
        try container.encode(input, forKey: .input)
        try container.encode(batch, forKey: .batch)
        try container.encode(samples, forKey: .samples)
        try container.encode(density, forKey: .density)
        try container.encode(schedule, forKey: .schedule)
        try container.encode(rejectQuantile, forKey: .rejectQuantile)
        try container.encode(alignment, forKey: .alignment)
        try container.encode(seed, forKey: .seed)
        try container.encode(threads, forKey: .threads)
        try container.encode(augmentation, forKey: .augmentation)
        if augmentation.redraw != 0 { try container.encode(augmentation.redraw, forKey: .redraw) }
        try container.encode(temperature, forKey: .temperature)
        try container.encodeIfPresent(layers, forKey: .layers)
        try container.encode(keepBy, forKey: .keepBy)
        try container.encode(keepFloor, forKey: .keepFloor)
        try container.encodeIfPresent(ramp, forKey: .ramp)
    }
}
