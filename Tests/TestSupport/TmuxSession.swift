import Foundation

/// The real program in a real terminal: a tmux server of its own (a unique socket), one
/// window running `marac`, keys sent as a person would type them, and the screen read back.
public final class TmuxSession {
    public let socket: String
    public private(set) var rows: Int
    public private(set) var columns: Int

    public struct Timeout: Error, CustomStringConvertible {
        public let waitingFor: String
        public let screen: String
        public var description: String { "timed out waiting for \(waitingFor); the screen was:\n\(screen)" }
    }

    /// Starts `command` in a new window of `columns`x`rows`. When the program ends, the window
    /// shows `[exited N]` and stays open, so the last screen and the exit status can be read.
    public init(_ command: [String], rows: Int = 40, columns: Int = 120, term: String = "tmux-256color",
         environment: [String: String] = [:]) throws {
        socket = "marac-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        self.rows = rows
        self.columns = columns
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        var args = ["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)",
                    "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8", "-e", "TERM=\(term)", "-e", "MARAC_TODAY=\(testToday)"]
        for (k, v) in environment { args += ["-e", "\(k)=\(v)"] }
        // tmux gives its panes its own TERM; the program is started with the one asked for.
        args += ["/bin/sh", "-c", "TERM='\(term)' \(quoted); echo \"[exited $?]\"; exec sleep 600"]
        let result = runProcess(args, captureOutput: false)
        guard result.status == 0 else { throw Timeout(waitingFor: "tmux to start (exit \(result.status))", screen: "") }
        _ = runProcess(["tmux", "-L", socket, "set-option", "-g", "remain-on-exit", "on"])
    }

    deinit { _ = runProcess(["tmux", "-L", socket, "kill-server"], captureOutput: false) }

    /// Sends keys by tmux name: "q", "Enter", "Tab", "BTab", "Escape", "Down", "C-c".
    public func send(_ keys: String...) {
        _ = runProcess(["tmux", "-L", socket, "send-keys"] + keys)
    }

    /// Sends bytes as they are: an escape sequence as one terminal or another sends it.
    public func send(bytes: [UInt8]) {
        _ = runProcess(["tmux", "-L", socket, "send-keys", "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// Types text literally.
    public func type(_ text: String) {
        _ = runProcess(["tmux", "-L", socket, "send-keys", "-l", text])
    }

    /// A line typed at marac's command line (`:`), then Enter.
    public func command(_ line: String) {
        send(":")
        type(line)
        send("Enter")
    }

    /// The program's process: the child of the window's shell (read from /proc, so nothing
    /// beyond tmux is needed).
    public func programPID() -> pid_t? {
        let shell = runProcess(["tmux", "-L", socket, "display-message", "-p", "#{pane_pid}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8) else { return nil }
        return children.split(separator: " ").first.flatMap { pid_t($0) }
    }

    public func capture() -> String {
        runProcess(["tmux", "-L", socket, "capture-pane", "-p"]).output
    }

    public var lines: [String] { capture().components(separatedBy: "\n") }

    public func resize(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        _ = runProcess(["tmux", "-L", socket, "resize-window", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Polls the screen every 10 ms until `condition` holds of two captures in a row that are
    /// the same, up to `seconds`. One capture can catch marac half way through writing a frame
    /// (the top rows new, the rest old); a frame that stays put for 10 ms is whole.
    @discardableResult
    public func wait(for description: String, seconds: Double = 15, until condition: (String) -> Bool) throws -> String {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        var previous: String?
        var screen = capture()
        while !(screen == previous && condition(screen)) {
            if DispatchTime.now().uptimeNanoseconds > deadline { throw Timeout(waitingFor: description, screen: screen) }
            usleep(10_000)
            previous = screen
            screen = capture()
        }
        return screen
    }

    /// Waits until marac has drawn a whole frame at the window's present size, and returns its
    /// lines. On a resize tmux at once reflows the old frame, which can hold any text the new
    /// one will; only marac's repaint puts the header's date one column from the new right
    /// edge and the status bar on the new last row.
    @discardableResult
    public func waitForFrame(_ description: String, seconds: Double = 15, until condition: ([String]) -> Bool = { _ in true }) throws -> [String] {
        let date = screenDate()
        let screen = try wait(for: "\(description) at \(columns)x\(rows)", seconds: seconds) { screen in
            let lines = screen.components(separatedBy: "\n")
            guard lines.count >= rows else { return false }
            var header = lines[0]
            while header.hasSuffix(" ") { header.removeLast() }
            return header.hasSuffix(date) && header.count == columns - 1
                && lines[rows - 1].hasPrefix(" marac ") && condition(lines)
        }
        return screen.components(separatedBy: "\n")
    }

    @discardableResult
    public func wait(for text: String, seconds: Double = 15) throws -> String {
        try wait(for: "\"\(text)\"", seconds: seconds) { $0.contains(text) }
    }
}

/// tmux is needed for these tests; `.ci/run` installs it.
public let tmuxAvailable = runProcess(["tmux", "-V"]).status == 0
