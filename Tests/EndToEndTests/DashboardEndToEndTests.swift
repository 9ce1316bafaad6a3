import Foundation
import Testing

/// The dashboard run as a person would run it: the real binary in a 120 × 40 tmux pane,
/// driven by keys and mouse reports, read back from the screen.
@Suite(.serialized, .enabled(if: TmuxPane.isAvailable, "needs tmux"))
struct DashboardEndToEndTests {
    /// A tiny, fast run: it reaches its step limit in a second or two and then pauses.
    static let small = ["dashboard", "--steps", "30", "--batch", "64", "--samples", "16", "--hidden", "32",
                        "--eval-every", "10"]

    @Test func showsEveryPanelTrainsAndQuitsWithQ() throws {
        let pane = try TmuxPane(arguments: Self.small)
        defer { pane.close() }
        let screen = try pane.waitFor("reached the target, step 30")
        for panel in ["loss", "accuracy", "sparsity", "perturbations", "pad", "prediction", "PAUSED"] {
            #expect(screen.contains(panel), "no \(panel) on\n\(screen)")
        }
        #expect(screen.contains("step 30"))
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
        try pane.expectTerminalRestored()
    }

    /// The walk-through of a new user: watch it train, pause, tune, draw with the keyboard.
    @Test func pausesTunesAndDrawsWithTheKeyboard() throws {
        let pane = try TmuxPane(arguments: Self.small + ["--steps", "100000", "--schedule", "fixed"])
        defer { pane.close() }
        let first = try Self.step(on: pane.waitFor("RUNNING"))
        let running = try pane.waitUntil("the step counter to advance") { (Self.step(on: $0) ?? 0) > (first ?? 0) + 5 }
        // Each panel shows its current value.
        for value in [/loss \d/, /batch \d+\.\d%/, /\d+\.\d% of weights are 0/, /kept \d+\/16/, /\d+ weights/] {
            #expect(running.firstMatch(of: value) != nil, "a value is missing on\n\(running)")
        }

        pane.send(keys: ["Space"])
        let paused = try pane.waitFor("PAUSED")
        Thread.sleep(forTimeInterval: 0.6)
        #expect(Self.step(on: try pane.screen()) == Self.step(on: paused), "the step counter must stop while paused")

        pane.send(keys: ["]", "-"])
        let tuned = try pane.waitFor("reject quantile 0.55")
        #expect(tuned.contains("density 4.80e-05"), "density 6e-5 / 1.25 on the status line:\n\(tuned)")

        pane.send(keys: ["Tab"])
        _ = try pane.waitFor("focus pad")
        #expect(try pane.screen().contains("draw a digit"))
        // A vertical stroke: paint, move down, paint… with space and j.
        for _ in 0 ..< 10 { pane.send(keys: ["Space", "j"]) }
        let drawn = try pane.waitUntil("a prediction") { !$0.contains("draw a digit") }
        #expect(drawn.contains("prediction "))

        pane.resize(columns: 80, rows: 24)
        _ = try pane.waitFor("need 100×40")
        pane.resize(columns: 120, rows: 40)
        _ = try pane.waitFor("perturbations")
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
        try pane.expectTerminalRestored()
    }

    /// The number after "step " on the status line.
    static func step(on screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").first, let range = line.range(of: " step ") else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber || $0 == "," }.filter(\.isNumber))
    }

    @Test func recordsSavesAndShowsAValidationImage() throws {
        let pane = try TmuxPane(arguments: Self.small + ["--out", "model.nstep"])
        defer { pane.close() }
        _ = try pane.waitFor("reached the target, step 30")
        pane.send(keys: ["s"])
        _ = try pane.waitFor("saved: model.nstep holds steps 1...30")
        let info = try BinaryUnderTest.run(["info", pane.directory.appendingPathComponent("model.nstep").path])
        #expect(info.status == 0 && info.stdout.contains("30 steps") && info.stdout.contains("saved at step 30"),
                "\(info.stdout)\(info.stderr)")
        pane.send(keys: ["r"])
        let screen = try pane.waitFor("true ")
        #expect(screen.contains("validation image"))
        #expect(screen.contains("✓ right") || screen.contains("✗ wrong"))
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    @Test func mouseDragDrawsOnThePadAndThePredictionFollows() throws {
        let pane = try TmuxPane(arguments: Self.small)
        defer { pane.close() }
        _ = try pane.waitFor("reached the target, step 30")
        #expect(try pane.screen().contains("draw a digit"))
        // Pad pixels start at screen column 63, row 3; a vertical stroke down pixel column 14.
        pane.sendMouse(.press, column: 91, row: 8)
        pane.sendMouse(.drag, column: 91, row: 26)
        pane.sendMouse(.release, column: 91, row: 26)
        let screen = try pane.waitUntil("a prediction") { !$0.contains("draw a digit") }
        #expect(screen.contains("focus pad"))
        #expect(screen.contains("██"))
        #expect(!screen.contains("draw a digit"))
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    @Test func shrinkingShowsTheNeededSizeAndRecovers() throws {
        let pane = try TmuxPane(arguments: Self.small)
        defer { pane.close() }
        _ = try pane.waitFor("reached the target, step 30")
        pane.resize(columns: 80, rows: 24)
        _ = try pane.waitFor("need 100×40")
        pane.resize(columns: 120, rows: 40)
        _ = try pane.waitFor("perturbations")
        pane.resize(columns: 80, rows: 24)
        _ = try pane.waitFor("need 100×40")
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
        try pane.expectTerminalRestored()
    }

    @Test func controlCRestoresTheTerminal() throws {
        let pane = try TmuxPane(arguments: Self.small + ["--steps", "100000"])
        defer { pane.close() }
        _ = try pane.waitFor("RUNNING")
        pane.send(keys: ["?"])
        _ = try pane.waitFor("every change applies from the next step")
        pane.send(keys: ["C-c"])
        #expect(try pane.waitForExit() == 130)
        try pane.expectTerminalRestored()
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let pane = try TmuxPane(arguments: Self.small)
        defer { pane.close() }
        _ = try pane.waitFor("reached the target, step 30")
        let pid = try #require(pane.processID())
        kill(pid, SIGTERM)
        #expect(try pane.waitForExit() == 143)
        try pane.expectTerminalRestored()
    }

    @Test func aCrashRestoresTheTerminal() throws {
        // Without the runtime's backtracer a SIGSEGV sent from outside ends the process as
        // a real fault would (the backtracer resumes after an external one).
        let pane = try TmuxPane(arguments: Self.small, environment: "SWIFT_BACKTRACE=enable=no")
        defer { pane.close() }
        _ = try pane.waitFor("reached the target, step 30")
        let pid = try #require(pane.processID())
        kill(pid, SIGSEGV)
        #expect(try pane.waitForExit() == 128 + SIGSEGV)
        try pane.expectTerminalRestored()
    }
}

/// One tmux server on a private socket with one pane running a plain shell, in which the
/// binary runs; the shell stays after it exits, so the terminal state can be checked.
struct TmuxPane {
    enum MouseAction { case press, drag, release }

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
            || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    let socket = "noisestep-e2e-\(UUID().uuidString.prefix(8))"
    let directory: URL

    /// Starts the binary with `arguments` in a 120 × 40 pane, saving to model.nstep;
    /// `environment` is a space-separated list of NAME=value for the binary; `program`
    /// is what runs it (e.g. `mpirun … binary`).
    init(arguments: [String], environment: String = "", program: [String] = [BinaryUnderTest.path]) throws {
        directory = try BinaryUnderTest.temporaryDirectory()
        tmux(["-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-s", "e2e",
              "env -i PATH=/usr/bin:/bin TERM=screen LANG=C.UTF-8 HOME=\(directory.path) HISTFILE=/dev/null "
              + "bash --norc --noprofile"])
        let command = (program + arguments + ["--out", "model.nstep"]).map { "'\($0)'" }.joined(separator: " ")
        let line = "cd '\(directory.path)'; env \(environment) sh -c 'echo $$ > pid; exec \"$@\"' noisestep \(command); "
            + "echo $? > exit"
        tmux(["send-keys", "-t", "e2e", line, "Enter"])
    }

    func close() {
        tmux(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    func send(keys: [String]) { tmux(["send-keys", "-t", "e2e"] + keys) }

    /// An X10 mouse report (what ncurses reads under TERM=screen) for a left-button event.
    func sendMouse(_ action: MouseAction, column: Int, row: Int) {
        let button = switch action { case .press: 0; case .drag: 32; case .release: 3 }
        let bytes = [0x1b, 0x5b, 0x4d, 32 + button, 33 + column, 33 + row]
        tmux(["send-keys", "-t", "e2e", "-H"] + bytes.map { String($0, radix: 16) })
        Thread.sleep(forTimeInterval: 0.1)
    }

    func resize(columns: Int, rows: Int) {
        tmux(["resize-window", "-t", "e2e", "-x", String(columns), "-y", String(rows)])
    }

    func screen() throws -> String { tmux(["capture-pane", "-p", "-t", "e2e"]) }

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

    /// After exit: normal screen, no mouse reporting, and the shell's line discipline back.
    func expectTerminalRestored() throws {
        let modes = tmux(["display", "-p", "-t", "e2e",
                          "#{alternate_on} #{mouse_standard_flag} #{mouse_button_flag} #{mouse_any_flag}"])
        #expect(modes.trimmingCharacters(in: .whitespacesAndNewlines) == "0 0 0 0", "alternate screen and mouse modes")
        send(keys: ["stty -a > stty.txt", "Enter"])
        let file = directory.appendingPathComponent("stty.txt")
        let deadline = Date().addingTimeInterval(10)
        while (try? String(contentsOf: file, encoding: .utf8))?.contains("icanon") != true && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
        }
        let settings = try String(contentsOf: file, encoding: .utf8)
        #expect(settings.contains(" icanon") && settings.contains(" echo "), "cooked mode with echo:\n\(settings)")
    }

    /// Runs tmux on this pane's socket and returns what it printed.
    ///
    /// Spawned and reaped directly: Foundation's `Process` learns of an exit when every
    /// holder of a descriptor it passes down has closed it, and the tmux server that the
    /// first call starts would hold it for ever. The test thread blocks most signals;
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
        guard posix_spawnp(&pid, "tmux", &actions, &attributes, argv, envp) == 0 else { return "" }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    struct PaneError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
