/// What trained a model file's opening weights, when it was not noise_step from the
/// header's seed: stored in an origin section (kind 0x80) right after that weights
/// section. Readers of older versions skip it (kinds from 0x80 are optional) and see a
/// plain model file.
///
/// An Adam-STE model file keeps only the ternary weights: the fp32 latent weights and
/// Adam's moments are not saved, so it can be evaluated and exported but neither
/// replayed nor continued (`StepLogWriter.resume` refuses it).
public enum ModelOrigin: Sendable, Equatable {
    /// `train --optimizer adam-ste`, with these settings.
    case adamSTE(AdamSettings)

    /// The optimizer as the command line names it.
    public var optimizer: Optimizer {
        switch self {
        case .adamSTE: .adamSTE
        }
    }

    /// Body bytes: the optimizer code (1: Adam-STE), then learning rate, β1, β2, ε and
    /// the latent limit as f64.
    static let bodyBytes = 1 + 5 * 8

    var body: [UInt8] {
        switch self {
        case .adamSTE(let settings):
            var bytes: [UInt8] = [1]
            for value in [settings.learningRate, settings.beta1, settings.beta2, settings.epsilon, settings.latentLimit] {
                bytes.appendLittleEndian(value)
            }
            return bytes
        }
    }

    /// Decodes an origin section's body (its length already checked).
    static func decode(_ body: ByteReader) throws(SectionProblem) -> ModelOrigin {
        var reader = body
        guard let code = reader.uint8(), code == 1 else { throw .unknownOrigin(body.bytes[body.offset]) }
        var values = [Double]()
        while let value = reader.float64() { values.append(value) }
        guard values.count == 5, values.allSatisfy({ $0.isFinite && $0 >= 0 }) else { throw .invalidOrigin }
        var settings = AdamSettings(learningRate: values[0])
        (settings.beta1, settings.beta2, settings.epsilon, settings.latentLimit) = (values[1], values[2], values[3], values[4])
        return .adamSTE(settings)
    }
}
