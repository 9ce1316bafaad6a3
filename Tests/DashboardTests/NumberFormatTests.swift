@testable import Dashboard
import Testing

@Suite struct NumberFormatTests {
    @Test func significantFigures() {
        #expect(significant(2.302585) == "2.30")
        #expect(significant(0.05123) == "0.0512")
        #expect(significant(123.4) == "123")
        #expect(significant(0) == "0")
        #expect(significant(4.5e-5) == "4.5e-5")
        #expect(significant(12345) == "1.2e4")
        #expect(significant(.nan) == "nan")
    }

    @Test func groupingPercentScientificDuration() {
        #expect(grouped(1234567) == "1,234,567")
        #expect(grouped(-999) == "-999")
        #expect(percent(0.9123) == "91.2%")
        #expect(scientific(6e-5) == "6.00e-05")
        #expect(duration(59.9) == "0:59")
        #expect(duration(3725) == "1:02:05")
        #expect(duration(-3) == "0:00")
    }
}
