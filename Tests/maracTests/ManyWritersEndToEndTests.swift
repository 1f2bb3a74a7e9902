import Foundation
import Testing
import TestSupport

/// Issue 23 as people meet it: the admin's and the coordinator's screens open on one store while
/// an import runs from the shell. Each saves, each sees the others' changes, and a triage
/// decision the other made first is explained on the second screen.
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"))
struct ManyWritersEndToEndTests {
    @Test func twoScreensAndAnImportSaveAtOnceAndAConflictingTriageIsExplained() throws {
        let desk = DemoDesk(cases: 30, seed: 4)
        // A referral the core would accept: criteria met, an adult victim.
        let waiting = try desk.list("referrals").filter { $0["status"] as? String == "awaiting-triage" }
        let target = try #require(waiting.first { r in
            let criteria = r["criteria"] as? [String] ?? []
            let born = ((r["victim"] as? [String: Any])?["dob"] as? String) ?? "2020"
            return !criteria.isEmpty && born < "2008"
        }?["id"] as? String)

        let admin = try desk.open(as: "admin")
        let coordinator = try desk.open(as: "coordinator")
        for screen in [admin, coordinator] {
            screen.send("Enter")
            try screen.wait(for: "the queue") { $0.contains("Referral queue │") }
            screen.command("referral \(target)")
            screen.send("1")
        }
        // The coordinator opens the accept form; the admin accepts the same referral first.
        coordinator.send("a")
        try coordinator.wait(for: "Accept \(target)")
        admin.send("a")
        try admin.wait(for: "Accept \(target)")
        admin.send("Enter")
        try admin.wait(for: "the admin's acceptance saved") { !$0.contains("Accept \(target)") }

        // An import from the shell at the same time: it waits milliseconds for the lock, not
        // for the screens to close.
        let csv = desk.write("new.csv", ExchangeCommandTests.header + ExchangeCommandTests.rows(3, from: 900))
        let imported = desk.run(["import", "referrals", csv], as: "admin")
        #expect(imported.status == 0, "\(imported.error)")

        // The coordinator saves: refused, saying who accepted it, the form still open.
        coordinator.send("Enter")
        let explained = try coordinator.wait(for: "the refusal naming the admin") { screen in
            let flat = screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return flat.contains("is not awaiting triage") && flat.contains("admin made accept referral")
        }
        #expect(explained.contains("Accept \(target)"), "the form stays open")
        coordinator.send("Escape")
        coordinator.send("Escape")

        // Each screen shows the imported referrals within a second or two.
        for (name, screen) in [("admin", admin), ("coordinator", coordinator)] {
            screen.send("1")
            try screen.wait(for: "the import on the \(name)'s screen", seconds: 5) { $0.contains("CLI-900") }
        }
        let accepted = try desk.list("referrals").first { $0["id"] as? String == target }
        #expect(accepted?["status"] as? String == "accepted", "accepted once, by the admin")
        for screen in [admin, coordinator] {
            screen.send("q")
            try screen.wait(for: "[exited 0]")
        }
        #expect(desk.run(["verify"]).status == 0)
    }
}
