import NoiseStep
import Testing

@Suite struct NumberFormatTests {
    @Test func significantFigures() {
        #expect(NumberFormat.significant(2.302585) == "2.30")
        #expect(NumberFormat.significant(0.05123) == "0.0512")
        #expect(NumberFormat.significant(123.4) == "123")
        #expect(NumberFormat.significant(999.7) == "1000")
        #expect(NumberFormat.significant(-0.0049) == "-4.9e-3")
        #expect(NumberFormat.significant(0) == "0")
        #expect(NumberFormat.significant(4.5e-5) == "4.5e-5")
        #expect(NumberFormat.significant(12345) == "1.2e4")
        #expect(NumberFormat.significant(.nan) == "nan")
    }

    @Test func groupingPercentFixedScientificDuration() {
        #expect(NumberFormat.grouped(1234567) == "1,234,567")
        #expect(NumberFormat.grouped(-999) == "-999")
        #expect(NumberFormat.percent(0.9123) == "91.2%")
        #expect(NumberFormat.percent(0.5, digits: 0) == "50%")
        #expect(NumberFormat.fixed(2.3456, 2) == "2.35")
        #expect(NumberFormat.fixed(-.infinity, 2) == "-inf")
        #expect(NumberFormat.scientific(6e-5) == "6.00e-05")
        #expect(NumberFormat.duration(59.4) == "0:59")
        #expect(NumberFormat.duration(59.6) == "1:00")
        #expect(NumberFormat.duration(3725) == "1:02:05")
        #expect(NumberFormat.duration(-3) == "0:00")
        #expect(NumberFormat.duration(.infinity) == "0:00")
    }
}
