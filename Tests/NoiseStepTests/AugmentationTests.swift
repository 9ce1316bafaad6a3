import Foundation
import Testing
@testable import NoiseStep
@testable import NoiseStepKernels

@Suite struct AugmentationTests {
    /// A 28×28 image with one pixel of ink at (x, y).
    static func dot(x: Int, y: Int, value: UInt8 = 255) -> [UInt8] {
        var image = [UInt8](repeating: 0, count: Dataset.pixelsPerImage)
        image[y * Dataset.side + x] = value
        return image
    }

    /// The inked pixels as (x, y), in row-major order.
    static func ink(_ image: [UInt8]) -> [(x: Int, y: Int)] {
        image.indices.filter { image[$0] != 0 }.map { ($0 % Dataset.side, $0 / Dataset.side) }
    }

    @Test func aPositiveShiftMovesInkRightAndDown() {
        var image = Self.dot(x: 10, y: 12)
        Augmentation.translate(&image, dx: 2, dy: -3)
        #expect(Self.ink(image).map { [$0.x, $0.y] } == [[12, 9]])
        // The bilinear path moves the same way as the whole-pixel one.
        var warped = Self.dot(x: 10, y: 12)
        Augmentation.warp(&warped, cosine: 1, sine: 0, dx: 2, dy: -3)
        #expect(Self.ink(warped).map { [$0.x, $0.y] } == [[12, 9]])
    }

    /// A drawn translation moves by its own dx along x and dy along y.
    @Test func aDrawnTranslationShiftsEachAxisByItsOwnAmount() {
        let distortion = Augmentation.Distortion(angle: 0, zoom: 1, dx: 2, dy: -3, isTranslation: true)
        #expect(distortion.wholePixelShift.map { [$0.x, $0.y] } == [2, -3])
        var image = Self.dot(x: 10, y: 12)
        distortion.apply(to: &image)
        #expect(Self.ink(image).map { [$0.x, $0.y] } == [[12, 9]])
    }

    @Test func inkShiftedOffTheImageIsGone() {
        var image = Self.dot(x: 27, y: 0)
        Augmentation.translate(&image, dx: 1, dy: 0)
        #expect(Self.ink(image).isEmpty)
    }

    @Test func aQuarterTurnMapsThePixelsAsTheFormulaSays() {
        // Output p samples the source at R·(p − c) + c with R = [[cos, sin], [−sin, cos]]:
        // at 90° output (x, y) takes source (y, 27 − x), so source (3, 10) lands on (17, 3).
        var image = Self.dot(x: 3, y: 10)
        let angle = Float.pi / 2
        Augmentation.warp(&image, cosine: cos(angle), sine: sin(angle), dx: 0, dy: 0)
        #expect(Self.ink(image).map { [$0.x, $0.y] } == [[17, 3]])
    }

    @Test func zoomingInSpreadsInkAwayFromTheCentre() {
        // A bar on row 13 from x = 9 to 18; zoom 2 (cosine 1/2): output x samples the
        // source at (x − 13.5)/2 + 13.5, which is inside the bar's bilinear reach (8, 19)
        // for x = 3...24; rows likewise spread from 13 to 11...14.
        var image = [UInt8](repeating: 0, count: Dataset.pixelsPerImage)
        for x in 9 ... 18 { image[13 * Dataset.side + x] = 255 }
        Augmentation.warp(&image, cosine: 0.5, sine: 0, dx: 0, dy: 0)
        let ink = Self.ink(image)
        #expect(ink.map(\.x).min() == 3 && ink.map(\.x).max() == 24, "\(ink)")
        #expect(ink.map(\.y).min() == 11 && ink.map(\.y).max() == 14, "\(ink)")
    }

    @Test func shiftOnlyAugmentationMovesByWholePixelsWithinTheLimit() {
        let augmentation = Augmentation(shift: 2)
        var moves = Set<[Int]>()
        for index in 0 ..< 200 {
            var image = Self.dot(x: 14, y: 14)
            var random = RandomStream(seed: 1, purpose: .augmentation, step: 1, index: index)
            augmentation.apply(to: &image, random: &random)
            let ink = Self.ink(image)
            #expect(ink.count == 1)
            if let moved = ink.first { moves.insert([moved.x - 14, moved.y - 14]) }
        }
        // Both directions on both axes, never further than the limit.
        #expect(moves.contains { $0[0] < 0 } && moves.contains { $0[0] > 0 })
        #expect(moves.contains { $0[1] < 0 } && moves.contains { $0[1] > 0 })
        #expect(moves.allSatisfy { abs($0[0]) <= 2 && abs($0[1]) <= 2 })
    }

    /// Example k of a batch is augmented with the numbers of (step, k), wherever its chunk
    /// and slot are: slot 0 of chunk 1 is example 64, not example 0.
    @Test func augmentationIsDrawnPerStepAndExampleNotPerSlot() {
        let data = Dataset(pixels: Self.dot(x: 14, y: 14, value: 200), labels: [3])
        var options = TrainingOptions()
        options.hidden = [8]
        options.augmentation = Augmentation(shift: 3)
        let shape = ModelShape(hidden: options.hidden)
        let runner = BatchRunner(shape: shape, threads: 1)
        runner.refresh(from: TernaryModel(shape: shape, seed: 1))
        let workspace = ChunkWorkspace(stages: runner.stages, shape: shape)
        let batch = [Int](repeating: 0, count: 2 * Kernels.chunk)
        func expected(example: Int, step: Int) -> [Float] {
            var image = data.pixels
            var random = RandomStream(seed: options.seed, purpose: .augmentation, step: step, index: example)
            options.augmentation.apply(to: &image, random: &random)
            return image.map { options.input.encode($0) }
        }
        func loaded(slot: Int) -> [Float] {  // column `slot` of the feature-major inputs
            (0 ..< Dataset.pixelsPerImage).map { workspace.pixelsByFeature.pointer[$0 * Kernels.chunk + slot] }
        }
        _ = workspace.trainingPass(batch: batch, chunk: 1, step: 7, data: data, options: options)
        #expect(loaded(slot: 0) == expected(example: 64, step: 7))
        #expect(loaded(slot: 5) == expected(example: 69, step: 7))
        let slotNumbers = (0 ..< 8).filter { loaded(slot: $0) == expected(example: $0, step: 7) }
        #expect(slotNumbers.count < 8, "chunk 1 must not reuse the draws of examples 0...7")
        _ = workspace.trainingPass(batch: batch, chunk: 1, step: 8, data: data, options: options)
        #expect(loaded(slot: 0) == expected(example: 64, step: 8))
    }
}
