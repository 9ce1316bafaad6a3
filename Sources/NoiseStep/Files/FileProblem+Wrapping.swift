extension FileProblem {
    /// `body`'s result, or the `FileProblem` it throws turned into the caller's own error
    /// by `wrap` (which adds the path the user gave).
    static func wrapping<Result, Failure: Error>(_ wrap: (FileProblem) -> Failure,
                                                 _ body: () throws(FileProblem) -> Result) throws(Failure) -> Result {
        do throws(FileProblem) {
            return try body()
        } catch {
            throw wrap(error)
        }
    }
}
