/// What a stream of random numbers is used for; part of every draw's coordinates so that
/// streams for different purposes never overlap.
public enum RandomPurpose: UInt32, Sendable {
    case initialWeights = 1
    case batch = 2
    case perturbation = 3
    case augmentation = 4
    case evaluation = 5
}
