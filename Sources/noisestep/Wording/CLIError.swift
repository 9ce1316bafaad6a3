/// A command-line failure with a one-line message and the exit status it ends with.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    /// 1 when a file, the data or the terminal cannot be used; 64 for a command line the
    /// program cannot take (EX_USAGE), as ArgumentParser's own validation errors.
    let status: Int32

    init(_ description: String, status: Int32 = 1) {
        self.description = description
        self.status = status
    }

    /// A value or option the command line cannot take.
    static func usage(_ description: String) -> CLIError { CLIError(description, status: 64) }
}
