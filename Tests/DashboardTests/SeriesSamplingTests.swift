@testable import Dashboard
import Testing

@Suite struct SeriesSamplingTests {
    @Test func shortSeriesComeBackUnchanged() {
        #expect(SeriesSampling.bucketMeans([1, nil, 3], buckets: 5) == [1, nil, 3])
    }

    @Test func longSeriesAreAveragedPerBucket() {
        let values: [Double?] = [1, 3, 5, 7, nil, nil, 2, 4]
        #expect(SeriesSampling.bucketMeans(values, buckets: 4) == [2, 6, nil, 3])
        #expect(SeriesSampling.bucketMeans(values, buckets: 3) == [2, 6, 3])
        #expect(SeriesSampling.bucketMeans(values, buckets: 0) == [])
    }

    @Test func extentIgnoresNilsAndNonFinite() {
        #expect(SeriesSampling.extent([nil, 3, .infinity, -1, .nan]) == -1 ... 3)
        #expect(SeriesSampling.extent([nil]) == nil)
    }
}
