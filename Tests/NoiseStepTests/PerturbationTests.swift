import Testing
@testable import NoiseStep

@Suite struct PerturbationTests {
    @Test func regeneratesFromItsKeyAlone() {
        let first = Perturbation(seed: 42, step: 913, index: 77, density: 6e-5, parameterCount: 269_322)
        // Drawing many others in between changes nothing: the key is all that matters.
        for index in 0 ..< 50 {
            _ = Perturbation(seed: 42, step: 913, index: index, density: 6e-5, parameterCount: 269_322)
        }
        let again = Perturbation(seed: 42, step: 913, index: 77, density: 6e-5, parameterCount: 269_322)
        #expect(first == again)
        #expect(first != Perturbation(seed: 42, step: 914, index: 77, density: 6e-5, parameterCount: 269_322))
    }

    @Test func positionsAreSortedUniqueAndInRange() {
        for index in 0 ..< 200 {
            let nu = Perturbation(seed: 1, step: 1, index: index, density: 0.01, parameterCount: 5000)
            #expect(zip(nu.positions, nu.positions.dropFirst()).allSatisfy { $0 < $1 })
            #expect(nu.positions.allSatisfy { $0 >= 0 && $0 < 5000 })
            #expect(nu.signs.allSatisfy { $0 == 1 || $0 == -1 })
        }
    }

    /// The number of nonzeros is Binomial(n, p), every position is equally likely and
    /// signs are fair.
    @Test(arguments: [6e-5, 1e-3, 0.05])
    func densityStatistics(density: Double) {
        let parameters = 269_322, draws = 400
        var total = 0, positive = 0
        var firstHalf = 0
        for index in 0 ..< draws {
            let nu = Perturbation(seed: 9, step: 2, index: index, density: density, parameterCount: parameters)
            total += nu.positions.count
            positive += nu.signs.filter { $0 > 0 }.count
            firstHalf += nu.positions.filter { $0 < parameters / 2 }.count
        }
        let expected = Double(parameters * draws) * density
        let deviation = (expected * (1 - density)).squareRoot()
        #expect(abs(Double(total) - expected) < 5 * deviation, "nonzeros \(total), expected \(expected)")
        let half = Double(total) / 2, halfDeviation = (Double(total) / 4).squareRoot()
        #expect(abs(Double(positive) - half) < 5 * halfDeviation, "positive signs \(positive) of \(total)")
        #expect(abs(Double(firstHalf) - half) < 5 * halfDeviation, "first-half positions \(firstHalf) of \(total)")
    }

    @Test func perturbationsAreSparseNotPerParameter() {
        let nu = Perturbation(seed: 3, step: 1, index: 0, density: 6e-5, parameterCount: 269_322)
        #expect(nu.positions.count < 60)
    }
}
