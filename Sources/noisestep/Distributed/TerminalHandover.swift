import Foundation

/// Gives rank 0 of `mpirun -n N noisestep dashboard` the terminal `mpirun` was started in.
///
/// `mpirun` hands rank 0 a pipe for stdin, fed from its own terminal in line mode, and a
/// pseudo-terminal of its own for stdout: keys would arrive only after Enter, and the
/// mouse not at all. Rank 0 still has the terminal as its controlling terminal, so it
/// opens it, puts it on stdin and stdout, and makes its own process group the terminal's
/// foreground group, which then receives the keys, Ctrl-C and window-size changes.
/// `giveBack` undoes all three. `mpirun` must be told not to read the terminal
/// (`--stdin none`): a process that reads its terminal from outside the foreground group
/// is stopped, and the shell then takes the terminal back.
struct TerminalHandover {
    private let terminal: Int32
    private let savedInput: Int32
    private let savedOutput: Int32
    private let previousForeground: pid_t

    /// Takes the controlling terminal; nil when there is none (then stdin and stdout are
    /// left as they are, and the dashboard refuses to start as it does without a terminal).
    /// - Throws: `CLIError` when stdin is a pipe: `mpirun` forwards its input, so it
    ///   would read the keys first; it needs `--stdin none`.
    static func take() throws -> TerminalHandover? {
        var input = stat()
        if fstat(STDIN_FILENO, &input) == 0, input.st_mode & S_IFMT == S_IFIFO {
            throw CLIError("the dashboard under mpirun reads the keys from the terminal itself:"
                + " add --stdin none to mpirun's options (else mpirun reads them, and the shell stops it)")
        }
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else { return nil }
        let previous = tcgetpgrp(terminal)
        // A process outside the foreground group that changes the terminal gets SIGTTOU,
        // which would stop it.
        signal(SIGTTOU, SIG_IGN)
        fflush(nil)
        let handover = TerminalHandover(terminal: terminal, savedInput: dup(STDIN_FILENO),
                                        savedOutput: dup(STDOUT_FILENO), previousForeground: previous)
        dup2(terminal, STDIN_FILENO)
        dup2(terminal, STDOUT_FILENO)
        tcsetpgrp(terminal, getpgrp())
        return handover
    }

    /// Hands the terminal back to the group that had it (`mpirun`'s) and restores stdin
    /// and stdout. Call once, after the dashboard has restored the terminal's modes.
    func giveBack() {
        fflush(nil)
        if previousForeground > 0 { tcsetpgrp(terminal, previousForeground) }
        dup2(savedInput, STDIN_FILENO)
        dup2(savedOutput, STDOUT_FILENO)
        for descriptor in [savedInput, savedOutput, terminal] { close(descriptor) }
    }
}
