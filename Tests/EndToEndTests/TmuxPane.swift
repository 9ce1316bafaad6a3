import Foundation
@testable import NoiseStepBench
import Testing

/// One tmux server on a private socket with one pane running a plain shell, in which the
/// binary runs; the shell stays after it exits, so the terminal state can be checked.
struct TmuxPane {
    enum MouseAction { case press, drag, release, scrollUp, scrollDown }

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
            || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    let socket = "noisestep-e2e-\(UUID().uuidString.prefix(8))"
    let directory: URL

    /// Starts the binary with `arguments` in a `columns` × `rows` pane, saving to
    /// model.nstep when `record`; `environment` is a space-separated list of NAME=value
    /// for the binary; `program` is what runs it (e.g. `mpirun … binary`); `shell` runs in
    /// the pane's shell first (e.g. `trap '' HUP`).
    ///
    /// The server is killed by `close()`, and also by a watcher process once this test
    /// process is gone, so a test that crashes leaves no tmux server behind.
    init(arguments: [String], environment: String = "", columns: Int = 120, rows: Int = 40, record: Bool = true,
         program: [String] = [BinaryUnderTest.path], shell: String = "") throws {
        directory = try BinaryUnderTest.temporaryDirectory()
        tmux(["-f", "/dev/null", "new-session", "-d", "-x", String(columns), "-y", String(rows), "-s", "e2e",
              "env -i PATH=/usr/bin:/bin TERM=screen LANG=C.UTF-8 HOME=\(directory.path) HISTFILE=/dev/null "
              + "bash --norc --noprofile"])
        watchForExit()
        let out = record ? ["--out", "model.nstep"] : []
        let command = (program + arguments + out).map { "'\($0)'" }.joined(separator: " ")
        let line = shell + "cd '\(directory.path)'; env \(environment) sh -c 'echo $$ > pid; exec \"$@\"' noisestep \(command); "
            + "echo $? > exit"
        tmux(["send-keys", "-t", "e2e", line, "Enter"])
    }

    /// Kills the server, and so the terminal the binary runs in, but keeps the folder.
    func killServer() { tmux(["kill-server"]) }

    /// Kills the server and removes its socket file, which tmux leaves behind.
    func close() {
        tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: Self.socketPath(socket))
        try? FileManager.default.removeItem(at: directory)
    }

    /// Where tmux keeps the socket named `name`: $TMUX_TMPDIR (or /tmp)/tmux-UID/name.
    static func socketPath(_ name: String) -> String {
        let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return "\(base)/tmux-\(getuid())/\(name)"
    }

    func send(keys: [String]) { tmux(["send-keys", "-t", "e2e"] + keys) }

    /// An X10 mouse report for a left-button event, as a terminal sends one.
    func sendMouse(_ action: MouseAction, column: Int, row: Int) {
        sendMouseBurst([(action, column, row)])
        Thread.sleep(forTimeInterval: 0.1)
    }

    /// X10 reports for several events, all in one write, as a fast stroke arrives.
    func sendMouseBurst(_ events: [(action: MouseAction, column: Int, row: Int)]) {
        let bytes = events.flatMap { event in
            let button = switch event.action {
            case .press: 0
            case .drag: 32
            case .release: 3
            case .scrollUp: 64
            case .scrollDown: 65
            }
            return [0x1b, 0x5b, 0x4d, 32 + button, 33 + event.column, 33 + event.row]
        }
        tmux(["send-keys", "-t", "e2e", "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// The mouse modes the program in the pane asked tmux for: standard, button-event and
    /// any-event tracking, and SGR reports, each 0 or 1.
    func mouseModes() -> String {
        tmux(["display", "-p", "-t", "e2e", "#{mouse_standard_flag} #{mouse_button_flag} #{mouse_any_flag} #{mouse_sgr_flag}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The JSON object the dashboard wrote to `name` (its `--stats` file) on exit.
    func statistics(_ name: String = "stats.json") throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func resize(columns: Int, rows: Int) {
        tmux(["resize-window", "-t", "e2e", "-x", String(columns), "-y", String(rows)])
    }

    func screen() throws -> String { tmux(["capture-pane", "-p", "-t", "e2e"]) }

    /// The screen with lines the terminal wrapped joined again, as they were printed.
    func joinedScreen() throws -> String { tmux(["capture-pane", "-J", "-p", "-t", "e2e"]) }

    /// The screen with its colours and attributes as escape sequences (SGR).
    func screenWithColors() throws -> String { tmux(["capture-pane", "-e", "-p", "-t", "e2e"]) }

    /// Polls the screen until it contains `text`; returns that screen.
    func waitFor(_ text: String, seconds: Double = 60) throws -> String {
        try waitUntil("\"\(text)\"", seconds: seconds) { $0.contains(text) }
    }

    /// Polls the screen until `condition` holds; returns that screen.
    func waitUntil(_ what: String, seconds: Double = 60, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let current = try screen()
            if condition(current) { return current }
            if Date() > deadline { throw PaneError("no \(what) within \(seconds) s on screen:\n\(current)") }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    /// The binary's exit status, once it has exited.
    func waitForExit(seconds: Double = 30) throws -> Int32 {
        let file = directory.appendingPathComponent("exit")
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw PaneError("the dashboard did not exit within \(seconds) s; screen:\n\(try screen())")
    }

    func processID() -> pid_t? {
        (try? String(contentsOf: directory.appendingPathComponent("pid"), encoding: .utf8))
            .flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The pane's alternate-screen and three mouse-mode flags, "0 0 0 0" when all are off.
    func modes() throws -> String {
        tmux(["display", "-p", "-t", "e2e", "#{alternate_on} #{mouse_standard_flag} #{mouse_button_flag} #{mouse_any_flag}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// After exit: normal screen, no mouse reporting, and the shell's line discipline back.
    func expectTerminalRestored() throws {
        #expect(try modes() == "0 0 0 0", "alternate screen and mouse modes")
        send(keys: ["stty -a > stty.txt", "Enter"])
        let file = directory.appendingPathComponent("stty.txt")
        let deadline = Date().addingTimeInterval(10)
        while (try? String(contentsOf: file, encoding: .utf8))?.contains("icanon") != true && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
        }
        let settings = try String(contentsOf: file, encoding: .utf8)
        #expect(settings.contains(" icanon") && settings.contains(" echo "), "cooked mode with echo:\n\(settings)")
    }

    /// Starts a shell that kills this pane's server once the test process has exited,
    /// however it exited. It is not waited for: it outlives the test process by design,
    /// so it must hold no descriptor of another test's child (`Spawning`).
    private func watchForExit() {
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; tmux -L \(socket) kill-server;"
            + " rm -f '\(Self.socketPath(socket))'"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let words: [String] = ["sh", "-c", script], path: [String] = ["PATH=/usr/local/bin:/usr/bin:/bin"]
        let argv = words.map { strdup($0) } + [nil], envp = path.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        Spawning.serialized {
            ChildProcess.closeInheritedDescriptors(&actions)
            _ = posix_spawnp(&pid, "sh", &actions, nil, argv, envp)
        }
    }

    /// Runs tmux on this pane's socket and returns what it printed.
    ///
    /// Spawned and reaped directly: Foundation's `Process` learns of an exit when every
    /// holder of a descriptor it passes down has closed it, and the tmux server that the
    /// first call starts would hold it for ever. For the same reason tmux gets no
    /// descriptor above stderr (`Spawning`). The test thread blocks most signals;
    /// tmux and everything it runs get an empty mask and default actions instead, as
    /// from a login shell (else the dashboard would never hear of a resize).
    @discardableResult
    private func tmux(_ arguments: [String]) -> String {
        let outputPath = directory.appendingPathComponent("tmux-\(UUID().uuidString.prefix(8)).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // tmux reads and writes the screen as UTF-8 only under a UTF-8 locale.
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = Spawning.serialized {
            ChildProcess.closeInheritedDescriptors(&actions)
            return posix_spawnp(&pid, "tmux", &actions, &attributes, argv, envp)
        }
        guard spawned == 0 else { return "" }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    struct PaneError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
