/// Options are stored as JSON in every step log. A field added in a later version is
/// optional when reading, with the value that reproduces what older files meant.
extension TrainingOptions {
    enum CodingKeys: String, CodingKey {
        case hidden, input, batch, samples, density, schedule, rejectQuantile, alignment, seed, threads
        case augmentation, temperature, layers
    }

    /// Options a header may leave out, and what leaving them out means: `layers` absent is
    /// the MLP of `hidden`.
    static let optionalKeys = [CodingKeys.layers.rawValue]

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
        temperature = try container.decodeIfPresent(Double.self, forKey: .temperature) ?? 1
        layers = try container.decodeIfPresent(LayerList.self, forKey: .layers)
    }
}
