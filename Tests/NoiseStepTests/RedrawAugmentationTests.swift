import Foundation
import Testing
@testable import NoiseStep

/// `--redraw`: training images drawn again as on the pad.
@Suite struct RedrawAugmentationTests {
    static let digits = try! BundledData.load().train

    /// Without redrawing, a distortion takes its four draws and no more, so that every run
    /// before `redraw` existed draws the same numbers after it.
    @Test func withoutRedrawingADistortionTakesFourDraws() {
        var random = RandomStream(seed: 7, purpose: .augmentation, step: 3, index: 5)
        var reference = random
        _ = Augmentation.standard.distortion(random: &random)
        for _ in 0 ..< 4 { _ = reference.nextUnitClosed() }
        #expect(random.nextUInt64() == reference.nextUInt64())
    }

    /// A redrawn image is the pad's drawing of it at the drawn placement, after the pad's
    /// preprocessing: what `DrawnDigits` checks a model with.
    @Test func aRedrawnImageIsThePadsDrawingOfIt() throws {
        let always = Augmentation(shift: 1, redraw: 1)
        var random = RandomStream(seed: 1, purpose: .augmentation, step: 1, index: 0)
        let distortion = always.distortion(random: &random)
        let placement = try #require(distortion.redrawn)
        #expect(distortion.wholePixelShift == nil)
        var image = Array(Self.digits.image(0))
        distortion.apply(to: &image)
        let expected = try #require(PadPreprocessing.mnistStyle(DrawnDigits.pad(drawing: Self.digits.image(0), at: placement)))
        #expect(image == expected)
        #expect(image != Array(Self.digits.image(0)))
    }

    /// About the asked share of images is redrawn, the rest warped as before.
    @Test func theShareRedrawnIsTheOneAskedFor() {
        let some = Augmentation(shift: 1, redraw: 0.25)
        let redrawn = (0 ..< 4000).filter { index in
            var random = RandomStream(seed: 2, purpose: .augmentation, step: 1, index: index)
            return some.distortion(random: &random).redrawn != nil
        }.count
        #expect((900 ... 1100).contains(redrawn), "\(redrawn) of 4000")
    }

    /// A header stores `redraw` only when it is used, as an option of its own: an older
    /// log's bytes, and those of any run without it, stay the same, and an older program
    /// refuses a log that uses it instead of replaying it without.
    @Test func aHeaderNamesRedrawOnlyWhenUsed() throws {
        var options = TrainingOptions()
        let plain = try JSONOutput.sortedLine(options)
        #expect(!plain.contains("redraw") && plain.contains(#""augmentation":{"rotation":0,"scale":0,"shift":1}"#), "\(plain)")
        options.augmentation.redraw = 0.25
        let text = try JSONOutput.sortedLine(options)
        #expect(text.contains(#","redraw":0.25,"#) && text.contains(#""augmentation":{"rotation":0,"scale":0,"shift":1}"#))
        #expect(try OptionsDecoding.decode(Data(text.utf8), file: "f") == options)
        #expect(try OptionsDecoding.decode(Data(plain.utf8), file: "f") == TrainingOptions())
    }
}
