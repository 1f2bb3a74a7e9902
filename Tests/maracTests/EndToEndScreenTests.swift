import Foundation
import Testing

/// The built program in tmux at 120x40, driven as a person would drive it.
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"))
struct EndToEndScreenTests {
    @Test func theDemoOpensAndEachPaneShowsItsDataThenQQuitsToTheShell() throws {
        let scratch = Scratch()
        let tmux = try TmuxSession([maracBinary, "demo", "--store", scratch.path + "/store", "--cases", "60", "--seed", "2"])
        let attention = try tmux.wait(for: "the screen of what needs attention") { $0.contains("Needs your attention, coordinator") }
        #expect(attention.contains("awaiting triage (1)"))
        #expect(attention.contains("overdue action"))
        tmux.send("Enter")
        let first = try tmux.wait(for: "the referral queue with its status bar") { screen in
            screen.contains("awaiting triage") && screen.contains("Referral queue │")
        }.components(separatedBy: "\n")
        #expect(first[0].contains("1 Referrals"))
        #expect(first.contains { $0.contains("marac │ store") && $0.contains("user coordinator") && $0.contains("Referral queue") })

        tmux.send("2")
        try tmux.wait(for: "No case is open")
        tmux.send("3")
        try tmux.wait(for: "Outstanding actions from earlier meetings")
        #expect(tmux.capture().contains("Adult-only cases"))
        tmux.send("4")
        try tmux.wait(for: "open actions, by due date")
        tmux.send("Enter")
        let caseScreen = try tmux.wait(for: "the case view") { $0.contains("Referred by") && $0.contains("│ Case view") }
        #expect(caseScreen.contains("People"))
        tmux.send("G")
        try tmux.wait(for: "the case's actions") { $0.contains("Actions (") }
        tmux.send("1")
        try tmux.wait(for: "awaiting triage")

        tmux.send("q")
        let after = try tmux.wait(for: "[exited 0]")
        // The terminal is back as it was: the program's screen is gone, the shell's is shown.
        #expect(!after.contains("awaiting triage"))
        #expect(!after.contains("marac │ store"))
    }

    @Test func resizingRedrawsCleanlyAndASmallWindowSaysSo() throws {
        let scratch = Scratch()
        let tmux = try TmuxSession([maracBinary, "demo", "--store", scratch.path + "/store", "--cases", "40"])
        try tmux.wait(for: "awaiting triage")
        tmux.resize(rows: 30, columns: 100)
        let smaller = try tmux.wait(for: "the status bar on row 30") { screen in
            let lines = screen.components(separatedBy: "\n")
            return lines.count >= 30 && lines[29].contains("marac │ store")
        }
        let lines = smaller.components(separatedBy: "\n")
        #expect(lines[0].hasPrefix(" 1 Referrals"))
        #expect(lines.prefix(30).allSatisfy { $0.count <= 100 })

        tmux.resize(rows: 20, columns: 70)
        try tmux.wait(for: "Terminal too small: 70x20")
        tmux.resize(rows: 40, columns: 120)
        let back = try tmux.wait(for: "the full screen again") { screen in
            !screen.contains("too small") && screen.contains("awaiting triage")
        }
        #expect(back.components(separatedBy: "\n")[39].contains("marac │ store"))
        tmux.send("q")
        try tmux.wait(for: "[exited 0]")
    }
}
