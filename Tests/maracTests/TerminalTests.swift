import Foundation
import Testing
import TestSupport

/// The screen on the terminals people have, and the terminal left usable however marac ends.
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"))
struct TerminalTests {
    /// Runs a shell script in tmux: marac as a job with job control, so Ctrl-Z can stop it.
    static func script(_ desk: DemoDesk, _ body: String) -> [String] {
        let path = desk.scratch.root + "/run.sh"
        FileManager.default.createFile(atPath: path, contents: Data(body.utf8))
        return ["/bin/sh", path]
    }

    @Test(arguments: ["xterm-256color", "screen-256color", "tmux-256color", "linux", "vt100"])
    func theScreenWorksOnEachTerminalType(term: String) throws {
        let desk = DemoDesk(cases: 30, seed: 4)
        let tmux = try TmuxSession([maracBinary, "--store", desk.store, "--user", "coordinator"], term: term,
                                   environment: desk.environment)
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
        let desk = DemoDesk(cases: 30, seed: 4)
        let tmux = try TmuxSession([maracBinary, "--store", desk.store, "--user", "coordinator"],
                                   environment: desk.environment)
        try tmux.wait(for: "awaiting triage")
        tmux.send("4")
        try tmux.wait(for: "open actions, by due date")
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            tmux.resize(rows: Int.random(in: 18...50, using: &rng), columns: Int.random(in: 60...160, using: &rng))
        }
        tmux.resize(rows: 30, columns: 100)
        let lines = try tmux.waitForFrame("the action tracker redrawn") { lines in
            lines[0].hasPrefix(" 1 Referrals") && lines.contains { $0.contains("open actions, by due date") }
        }
        let screen = lines.joined(separator: "\n")
        #expect(lines.prefix(30).allSatisfy { $0.count <= 100 })
        #expect(!screen.contains("too small"))
        // Every table row ends where the table does: no debris of wider frames.
        #expect(lines[3...27].allSatisfy { !$0.hasSuffix("│") })
        tmux.send("q")
        try tmux.wait(for: "[exited 0]")
    }

    @Test func ctrlZStopsMaracWithTheTerminalRestoredAndFgBringsItBack() throws {
        let desk = DemoDesk(cases: 30, seed: 4)
        let tmux = try TmuxSession(Self.script(desk, """
            set -m
            '\(maracBinary)' --store '\(desk.store)' --user coordinator
            echo "[stopped $?]"
            stty -a | grep -o -e '-\\?icanon' -e '-\\?echo '
            fg
            """), environment: desk.environment)
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
        let desk = DemoDesk(cases: 30, seed: 4)
        let tmux = try TmuxSession(Self.script(desk, """
            set -m
            '\(maracBinary)' --store '\(desk.store)' --user coordinator
            echo "[ended $?]"
            stty -a | grep -o -e '-\\?icanon' -e '-\\?echo '
            """), environment: desk.environment)
        try tmux.wait(for: "awaiting triage")
        tmux.send("C-c")
        let after = try tmux.wait(for: "[ended")
        let shown = try tmux.wait(for: "the terminal's modes") { $0.contains("echo") }
        #expect(!after.contains("awaiting triage"), "the program's screen is gone")
        #expect(shown.contains("icanon") && !shown.contains("-icanon"))
        #expect(!shown.contains("-echo"))
    }

    @Test func aCrashRestoresTheTerminal() throws {
        let desk = DemoDesk(cases: 30, seed: 4)
        let tmux = try TmuxSession(Self.script(desk, """
            set -m
            sh -c 'echo $$ > "\(desk.scratch.root)/pid"; exec "\(maracBinary)" --store "\(desk.store)" --user coordinator'
            echo "[ended $?]"
            stty -a | grep -o -e '-\\?icanon' -e '-\\?echo '
            """), environment: desk.environment)
        let pidFile = desk.scratch.root + "/pid"
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
