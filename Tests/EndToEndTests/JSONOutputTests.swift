import Foundation
import NoiseStep
import Testing

/// The one JSON encoder, read strictly (`StrictJSON`); each command's output is read the
/// same way in its own tests.
@Suite struct JSONOutputTests {
    @Test func aFigureThatIsNotANumberIsNull() throws {
        struct Figures: Encodable {
            var stepSeconds = Double.nan
            var peakGflops = Double.infinity
            var loss: Float = -.infinity
            var name = "a \"quoted\"\nname/with\u{1}controls"
            var perClass: [Double?] = [0.5, nil, .nan]
        }
        let line = try JSONOutput.line(Figures())
        #expect(line == #"{"step_seconds":null,"peak_gflops":null,"loss":null,"name":"a \"quoted\"\nname/with\u0001controls","per_class":[0.5,null,null]}"#)
        let object = try StrictJSON.object(line)
        #expect(object["name"] as? String == "a \"quoted\"\nname/with\u{1}controls")
        #expect(object["step_seconds"] is NSNull)
    }

    @Test func strictReadingRefusesWhatJSONOutputNeverWrites() {
        #expect(throws: StrictJSON.Violation.self) { try StrictJSON.parse(#"{"loss":"nan"}"#) }
        #expect(throws: StrictJSON.Violation.self) { try StrictJSON.parse(#"{"lastLoss":1}"#) }
        #expect(throws: (any Error).self) { try StrictJSON.parse(#"{"loss":NaN}"#) }
        #expect(throws: (any Error).self) { try StrictJSON.parse(#"{"loss":Infinity}"#) }
        #expect((try? StrictJSON.parse(#"{"name":"nan and Infinity in a string"}"#)) != nil)
    }
}
