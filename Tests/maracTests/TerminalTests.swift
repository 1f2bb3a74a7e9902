import Foundation
import Testing

/// The screen on the terminals people have, and the terminal left usable however marac ends.
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"))
struct TerminalTests {
    static func demoStore(_ scratch: Scratch) -> String {
        let store = scratch.path + "/store"
        _ = runProcess([maracBinary, "demo", "--store", store, "--cases", "30", "--seed", "4", "--no-tui"])
        return store
    }

    static func passphrase(_ scratch: Scratch) -> String {
        let path = scratch.path + "/passphrase"
        FileManager.default.createFile(atPath: path, contents: Data("demo\n".utf8))
        chmod(path, 0o600)
        return path
    }

    /// Runs a shell script in tmux: marac as a job with job control, so Ctrl-Z can stop it.
    static func script(_ scratch: Scratch, _ body: String) -> [String] {
        let path = scratch.path + "/run.sh"
        FileManager.default.createFile(atPath: path, contents: Data(body.utf8))
        return ["/bin/sh", path]
    }

    @Test(arguments: ["xterm-256color", "screen-256color", "tmux-256color", "linux", "vt100"])
    func theScreenWorksOnEachTerminalType(term: String) throws {
        let scratch = Scratch()
        let store = Self.demoStore(scratch)
        let tmux = try TmuxSession([maracBinary, "--store", store, "--user", "coordinator"], term: term,
                                   environment: ["MARAC_PASSPHRASE_FILE": Self.passphrase(scratch)])
        let ascii = term == "vt100"
        let bar = ascii ? "marac | store" : "marac │ store"
        try tmux.wait(for: "the queue on \(term)") { $0.contains("awaiting triage") && $0.contains(bar) }
        for (key, text) in [("3", "Outstanding actions"), ("4", "open actions, by due date"), ("1", "awaiting triage")] {
            tmux.send(key)
            try tmux.wait(for: text)
        }
        let screen = tmux.capture()
        #expect(screen.contains(ascii ? " > " : " ▶ "), "the selected row is marked")
        if ascii { #expect(!screen.contains("│") && !screen.contains("─"), "vt100 gets plain ASCII lines") }
        tmux.send("q")
        try tmux.wait(for: "[exited 0]")
    }

    @Test func aStormOfResizesEndsWithACorrectScreen() throws {
        let scratch = Scratch()
        let store = Self.demoStore(scratch)
        let tmux = try TmuxSession([maracBinary, "--store", store, "--user", "coordinator"],
                                   environment: ["MARAC_PASSPHRASE_FILE": Self.passphrase(scratch)])
        try tmux.wait(for: "awaiting triage")
        tmux.send("4")
        try tmux.wait(for: "open actions, by due date")
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            tmux.resize(rows: Int.random(in: 18...50, using: &rng), columns: Int.random(in: 60...160, using: &rng))
        }
        tmux.resize(rows: 30, columns: 100)
        let screen = try tmux.wait(for: "the screen redrawn at 100x30") { screen in
            let lines = screen.components(separatedBy: "\n")
            return lines.count >= 30 && lines[29].contains("marac │ store") && lines[0].hasPrefix(" 1 Referrals")
                && screen.contains("open actions, by due date")
        }
        let lines = screen.components(separatedBy: "\n")
        #expect(lines.prefix(30).allSatisfy { $0.count <= 100 })
        #expect(!screen.contains("too small"))
        // Every table row ends where the table does: no debris of wider frames.
        #expect(lines[3...27].allSatisfy { !$0.hasSuffix("│") })
        tmux.send("q")
        try tmux.wait(for: "[exited 0]")
    }

    @Test func ctrlZStopsMaracWithTheTerminalRestoredAndFgBringsItBack() throws {
        let scratch = Scratch()
        let store = Self.demoStore(scratch)
        let tmux = try TmuxSession(Self.script(scratch, """
            set -m
            '\(maracBinary)' --store '\(store)' --user coordinator
            echo "[stopped $?]"
            stty -a | grep -o -e '-\\?icanon' -e '-\\?echo '
            fg
            """), environment: ["MARAC_PASSPHRASE_FILE": Self.passphrase(scratch)])
        try tmux.wait(for: "awaiting triage")
        tmux.send("C-z")
        // Stopped, the shell runs on, then fg brings marac back, which draws itself again.
        try tmux.wait(for: "marac back after fg", seconds: 20) { $0.contains("awaiting triage") && $0.contains("marac │ store") }
        tmux.send("4")
        try tmux.wait(for: "open actions, by due date")
        tmux.send("q")
        let after = try tmux.wait(for: "[exited 0]")
        #expect(after.contains("[stopped 148]"))
        #expect(after.contains("icanon") && !after.contains("-icanon"), "the terminal was back in line mode while marac was stopped")
        #expect(!after.contains("-echo"))
    }

    @Test func ctrlCLeavesTheTerminalUsable() throws {
        let scratch = Scratch()
        let store = Self.demoStore(scratch)
        let tmux = try TmuxSession(Self.script(scratch, """
            set -m
            '\(maracBinary)' --store '\(store)' --user coordinator
            echo "[ended $?]"
            stty -a | grep -o -e '-\\?icanon' -e '-\\?echo '
            """), environment: ["MARAC_PASSPHRASE_FILE": Self.passphrase(scratch)])
        try tmux.wait(for: "awaiting triage")
        tmux.send("C-c")
        let after = try tmux.wait(for: "[ended")
        let shown = try tmux.wait(for: "the terminal's modes") { $0.contains("echo") }
        #expect(!after.contains("awaiting triage"), "the program's screen is gone")
        #expect(shown.contains("icanon") && !shown.contains("-icanon"))
        #expect(!shown.contains("-echo"))
    }

    @Test func aCrashRestoresTheTerminal() throws {
        let scratch = Scratch()
        let store = Self.demoStore(scratch)
        let tmux = try TmuxSession(Self.script(scratch, """
            set -m
            sh -c 'echo $$ > "\(scratch.path)/pid"; exec "\(maracBinary)" --store "\(store)" --user coordinator'
            echo "[ended $?]"
            stty -a | grep -o -e '-\\?icanon' -e '-\\?echo '
            """), environment: ["MARAC_PASSPHRASE_FILE": Self.passphrase(scratch)])
        let pidFile = scratch.path + "/pid"
        let deadline = Date().addingTimeInterval(15)
        while !FileManager.default.fileExists(atPath: pidFile) && Date() < deadline { usleep(10_000) }
        let pid = Int32((try? String(contentsOfFile: pidFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        #expect(pid > 0)
        try tmux.wait(for: "awaiting triage")
        kill(pid, SIGSEGV)
        let after = try tmux.wait(for: "[ended")
        #expect(after.contains("[ended 139]"), "it died of the signal, after restoring the terminal")
        let shown = try tmux.wait(for: "the terminal's modes") { $0.contains("echo") }
        #expect(!shown.contains("awaiting triage"), "the program's screen is gone")
        #expect(shown.contains("icanon") && !shown.contains("-icanon"))
        #expect(!shown.contains("-echo"))
    }
}
