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

    /// The editing and paging keys as each terminal sends them: by tmux's own key names, and as
    /// the raw sequences of the terminal's terminfo entry and of xterm over ssh (normal and
    /// application mode), which ncurses does not all know for every TERM.
    @Test(arguments: ["xterm-256color", "screen-256color", "tmux-256color", "linux", "vt100"])
    func homeEndDeleteAndPageDownWorkOnEachTerminalType(term: String) throws {
        let desk = DemoDesk(cases: 30, seed: 4)
        let tmux = try TmuxSession([maracBinary, "--store", desk.store, "--user", "coordinator"], term: term,
                                   environment: desk.environment)
        try tmux.wait(for: "awaiting triage")
        func terminfo(_ capability: String) -> [UInt8] {
            Array(runProcess(["tput", "-T", term, capability]).output.utf8)
        }
        let esc: UInt8 = 0x1b
        // (home, end, delete) as sent: tmux's names first, then raw bytes.
        var variants: [(String, () -> Void, () -> Void, () -> Void)] = [
            ("tmux key names", { tmux.send("Home") }, { tmux.send("End") }, { tmux.send("DC") }),
            ("xterm normal mode", { tmux.send(bytes: [esc, 0x5b, 0x48]) }, { tmux.send(bytes: [esc, 0x5b, 0x46]) }, { tmux.send(bytes: [esc, 0x5b, 0x33, 0x7e]) }),
            ("xterm application mode", { tmux.send(bytes: [esc, 0x4f, 0x48]) }, { tmux.send(bytes: [esc, 0x4f, 0x46]) }, { tmux.send(bytes: [esc, 0x5b, 0x33, 0x7e]) }),
            ("vt220 and the console", { tmux.send(bytes: [esc, 0x5b, 0x31, 0x7e]) }, { tmux.send(bytes: [esc, 0x5b, 0x34, 0x7e]) }, { tmux.send(bytes: [esc, 0x5b, 0x33, 0x7e]) }),
        ]
        let home = terminfo("khome"), end = terminfo("kend"), delete = terminfo("kdch1")
        if !home.isEmpty && !end.isEmpty && !delete.isEmpty {
            variants.append(("\(term)'s terminfo", { tmux.send(bytes: home) }, { tmux.send(bytes: end) }, { tmux.send(bytes: delete) }))
        }
        for (name, sendHome, sendEnd, sendDelete) in variants {
            tmux.send(":")
            tmux.type("hello")
            sendHome()
            tmux.type("X")
            sendEnd()
            tmux.type("Y")
            try tmux.wait(for: "Home and End (\(name)) on \(term)") { $0.split(separator: "\n").contains { $0.hasPrefix(":XhelloY") } }
            sendHome()
            sendDelete()
            try tmux.wait(for: "Delete (\(name)) on \(term)") { $0.split(separator: "\n").contains { $0.hasPrefix(":helloY ") || $0 == ":helloY" } }
            tmux.send("Escape")
            try tmux.wait(for: "the command line closed") { !$0.contains(":helloY") }
        }
        tmux.send("4")
        try tmux.wait(for: "open actions, by due date")
        let marker = term == "vt100" ? " > " : " ▶ "
        func selected(_ screen: String) -> String? { screen.split(separator: "\n").first { $0.hasPrefix(marker) }.map(String.init) }
        let first = selected(tmux.capture())
        for pageDown in [{ tmux.send("NPage") }, { tmux.send(bytes: [esc, 0x5b, 0x36, 0x7e]) }] {
            let before = try #require(selected(tmux.capture()))
            pageDown()
            try tmux.wait(for: "PgDn on \(term) moved the selection") { selected($0).map { $0 != before } ?? false }
        }
        #expect(selected(tmux.capture()) != first)
        tmux.send("F1")
        try tmux.wait(for: "F1 opens the help on \(term)") { $0.contains("Keys (press ? or Esc to close") }
        tmux.send("Escape")
        tmux.send("q")
        try tmux.wait(for: "[exited 0]")
    }

    /// Issue 20, 9: a sequence the terminal sends for a key marac has no use for (Ctrl-Left,
    /// Insert, Shift-Up, F11, one no terminal sends) is dropped whole: it neither closes the
    /// command line as an Esc nor types `[1;5D` into it, and on a pane its digits switch no pane.
    @Test(arguments: ["xterm-256color", "linux", "vt100"])
    func sequencesMaracHasNoKeyForAreDroppedWhole(term: String) throws {
        let desk = DemoDesk(cases: 30, seed: 4)
        let tmux = try TmuxSession([maracBinary, "--store", desk.store, "--user", "coordinator"], term: term,
                                   environment: desk.environment)
        try tmux.wait(for: "awaiting triage")
        let sequences = ["[1;5D", "[2~", "[1;2A", "[23~", "[3;5~", "[99~", "Ox", "[?1;2c"]
        func sendAll() {
            for sequence in sequences { tmux.send(bytes: [0x1b] + Array(sequence.utf8)) }
        }
        tmux.send(":")
        tmux.type("hello")
        sendAll()
        tmux.type("Y")
        try tmux.wait(for: "the command line with only what was typed on \(term)") { $0.split(separator: "\n").contains { $0.hasPrefix(":helloY") } }
        tmux.send("Escape")
        try tmux.wait(for: "the command line closed") { !$0.contains(":helloY") }
        tmux.send("4")
        try tmux.wait(for: "open actions, by due date")
        sendAll()
        // The help opens and closes after every sequence has been read; then the pane is the same.
        tmux.send("?")
        try tmux.wait(for: "the help") { $0.contains("Keys (press ? or Esc to close") }
        tmux.send("Escape")
        let after = try tmux.waitForFrame("the action tracker again") { lines in
            !lines.joined().contains("Keys (press ?") && lines.contains { $0.hasPrefix(" marac ") }
        }
        let bar = try #require(after.last { $0.hasPrefix(" marac ") })
        #expect(bar.contains("Action tracker"), "no sequence's digits switched the pane: \(bar)")
        tmux.send("q")
        try tmux.wait(for: "[exited 0]")
    }

    /// Issue 20, 8: a terminal that cannot move its cursor is refused with what to use
    /// instead, not given a blank screen.
    @Test func aDumbTerminalIsRefusedWithWhatToUseInstead() throws {
        let desk = DemoDesk(cases: 10)
        let tmux = try TmuxSession([maracBinary, "--store", desk.store, "--user", "coordinator"], term: "dumb",
                                   environment: desk.environment)
        let screen = try tmux.wait(for: "[exited 1]")
        #expect(screen.contains("TERM=dumb cannot draw marac's screen"), "\(screen)")
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
