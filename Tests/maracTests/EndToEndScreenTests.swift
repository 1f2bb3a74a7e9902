import Foundation
import Testing
import TestSupport

/// The built program in tmux at 120x40, driven as a person would drive it.
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"))
struct EndToEndScreenTests {
    @Test func theDemoOpensAndEachPaneShowsItsDataThenQQuitsToTheShell() throws {
        let scratch = TemporaryFolder()
        let store = scratch.root + "/store"
        let tmux = try TmuxSession([maracBinary, "demo", "--store", store, "--cases", "60", "--seed", "2"])
        let attention = try tmux.wait(for: "the screen of what needs attention") { $0.contains("Needs your attention, coordinator") }
        // What the first screen counts is what the store holds on the tests' day.
        let pp = passphraseFile(in: scratch, named: "pp", "demo")
        func list(_ kind: String, _ options: [String] = []) throws -> [[String: Any]] {
            let listed = runProcess([maracBinary, "list", kind, "--format", "json", "--store", store, "--user", "chair"] + options,
                                    environment: ["MARAC_PASSPHRASE_FILE": pp])
            #expect(listed.status == 0, "\(listed.error)")
            return try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        }
        let waiting = try list("referrals").filter { $0["status"] as? String == "awaiting-triage" }.count
        let overdue = try list("actions", ["--overdue"]).count
        #expect(attention.contains("\(waiting) referral\(waiting == 1 ? "" : "s") awaiting triage"))
        #expect(attention.contains("\(overdue) overdue action\(overdue == 1 ? "" : "s") across"))
        #expect(attention.contains(screenDate()))
        tmux.send("Enter")
        let first = try tmux.wait(for: "the referral queue with its status bar") { screen in
            screen.contains("Referral queue │") && (screen.contains("awaiting triage") || screen.contains("No referrals"))
        }.components(separatedBy: "\n")
        #expect(first[0].contains("1 Referrals"))
        #expect(first.contains { $0.contains("marac │ store") && $0.contains("user coordinator") && $0.contains("Referral queue") })

        tmux.send("2")
        try tmux.wait(for: "No case is open")
        tmux.send("3")
        try tmux.wait(for: "Outstanding actions from earlier meetings")
        let agenda = tmux.capture()
        #expect(agenda.contains("Adult-only cases") || agenda.contains("in the coordinator's order"))
        tmux.send("4")
        try tmux.wait(for: "open actions, by due date")
        tmux.send("Enter")
        let caseScreen = try tmux.wait(for: "the case view") { $0.contains("Referred by") && $0.contains("│ Case view") }
        #expect(caseScreen.contains("People"))
        tmux.send("G")
        try tmux.wait(for: "the case's actions") { $0.contains("Actions (") }
        tmux.send("1")
        try tmux.wait(for: "the referral queue again") { $0.contains("Referral queue │") }

        tmux.send("q")
        let after = try tmux.wait(for: "[exited 0]")
        // The terminal is back as it was: the program's screen is gone, the shell's is shown.
        #expect(!after.contains("Referral queue"))
        #expect(!after.contains("marac │ store"))
    }

    @Test func resizingRedrawsCleanlyAndASmallWindowSaysSo() throws {
        let desk = DemoDesk(cases: 40, seed: 1)
        let tmux = try desk.open(as: "coordinator")
        tmux.send("Enter")
        try tmux.waitForFrame("the referral queue")
        tmux.resize(rows: 30, columns: 100)
        let lines = try tmux.waitForFrame("the referral queue redrawn")
        #expect(lines[0].hasPrefix(" 1 Referrals"))
        #expect(lines.prefix(30).allSatisfy { $0.count <= 100 })

        tmux.resize(rows: 20, columns: 70)
        try tmux.wait(for: "Terminal too small: 70x20")
        tmux.resize(rows: 40, columns: 120)
        let back = try tmux.waitForFrame("the full screen again")
        #expect(!back.joined().contains("too small"))
        #expect(back[39].contains("marac │ store"))
        tmux.send("q")
        try tmux.wait(for: "[exited 0]")
    }

    /// The first screen is drawn from the summary the last writer left (before the store is
    /// read) or, without one, from the store read first: the same screen either way, and a key
    /// typed at once is handled.
    @Test func theFirstScreenIsTheSameFromTheSummaryAsFromTheWholeStore() throws {
        let desk = DemoDesk(cases: 200, seed: 5)
        #expect(desk.files()["opening.bin"] != nil, "the demo's writer left a summary when it let the store go")
        func firstScreen(_ from: String) throws -> [String] {
            let tmux = try TmuxSession([maracBinary, "--store", desk.store, "--user", "chair"],
                                       environment: desk.environment.merging(["MARAC_FIRST_SCREEN": from]) { $1 })
            let lines = try tmux.waitForFrame("the attention screen, the store read") { $0.contains { $0.contains("│ Attention │") } }
            tmux.send("4")
            try tmux.wait(for: "the action tracker") { $0.contains("│ Action tracker") }
            tmux.send("q")
            try tmux.wait(for: "[exited 0]")
            return lines.filter { !$0.contains("marac │ store") }
        }
        let fromSummary = try firstScreen("")
        try FileManager.default.removeItem(atPath: desk.store + "/opening.bin")
        let fromStore = try firstScreen("store")
        #expect(fromSummary == fromStore)
        #expect(fromStore.contains { $0.contains("overdue action") })
        #expect(desk.files()["opening.bin"] != nil, "the chair's screen left one again")
    }
}
