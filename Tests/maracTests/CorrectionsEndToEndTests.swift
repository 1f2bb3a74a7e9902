import Foundation
import Testing
import TestSupport

/// Correcting the record in the real program, in tmux: a meeting agrees an action with a
/// misspelt owner and records a line against the wrong case; afterwards the coordinator finds
/// the victim by a misremembered name, corrects the action, marks the line in error, returns a
/// referral and brings it back, and signs the minutes off. The store is then read back.
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"))
struct CorrectionsEndToEndTests {
    @Test func aCoordinatorFindsACaseAndCorrectsItsRecordAfterTheMeeting() throws {
        let desk = DemoDesk()
        let (tmux, meeting) = try desk.startNextMeeting()
        tmux.send("n", "n", "n")
        let screen = try tmux.wait(for: "the first case heard") { $0.contains("of 12:00") }
        let heard = try #require(DemoDesk.caseBeingHeard(screen))
        tmux.send("i")
        try tmux.wait(for: "Information shared on")
        tmux.type("pol")
        tmux.send("Tab")
        tmux.type("Two call-outs in October, one arrest.")
        tmux.send("C-s")
        try DemoDesk.saved(tmux, "recorded.")
        tmux.send("a")
        try tmux.wait(for: "Action on \(heard)")
        tmux.type("idva")
        tmux.send("Tab")
        tmux.type("Jo Smiht")
        tmux.send("Tab")
        tmux.type("Refer to the sanctuary scheme.")
        tmux.send("C-s")
        try DemoDesk.saved(tmux, "agreed.")
        let action = try #require(try desk.list("actions").first { $0["case"] as? String == heard && $0["meeting"] as? String == meeting })
        let actionID = try #require(action["id"] as? String)
        // A week later than agreed, whatever the day the tests run on.
        let later = try #require(Self.day(action["due"] as? String ?? "", plus: 7))
        #expect(action["owner"] as? String == "Jo Smiht")
        tmux.send("E")
        try tmux.wait(for: "End \(meeting)")
        tmux.send("y")
        try tmux.wait(for: "Minutes of \(meeting)")
        tmux.send("Escape")

        // Found from anywhere by the name as someone half-remembers it: family name first, a
        // letter short, without its accents.
        let victim = try #require(try desk.list("cases").first { $0["id"] as? String == heard }?["victim"] as? [String: Any])
        let name = try #require(victim["name"] as? String)
        let remembered = name.split(separator: " ").reversed().map { word in
            String(word.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }.map(Character.init))
        }
        let longest = try #require(remembered.indices.max { remembered[$0].count < remembered[$1].count })
        let typed = remembered.enumerated().map { $0.offset == longest && $0.element.count >= 4 ? String($0.element.dropLast()) : $0.element }
        tmux.send("C-f")
        try tmux.wait(for: "Find a person or case")
        tmux.type(typed.joined(separator: " "))
        try tmux.wait(for: "\(heard) among the matches") { $0.contains("▶ \(name)") && $0.contains(heard) }
        tmux.send("Enter")
        try tmux.wait(for: "the case view of \(heard)") { $0.split(separator: "\n").dropFirst().first?.contains("\(heard) \(name)") == true }

        tmux.command("edit action \(actionID)")
        try tmux.wait(for: "Correct \(actionID)")
        tmux.send("C-u")
        tmux.type("Jo Smith")
        tmux.send("Tab", "Tab", "C-u")
        tmux.type(later.split(separator: "-").reversed().joined(separator: "/"))
        tmux.send("Tab")
        tmux.type("Sanctuary scheme assessor on leave until the 18th.")
        tmux.send("C-s")
        try DemoDesk.saved(tmux, "\(actionID) corrected")

        tmux.command("error info 1 Entered against the wrong case")
        try DemoDesk.saved(tmux, "Marked recorded in error")
        #expect(tmux.capture().contains("[recorded in error: Entered against the wrong case]"))

        tmux.send("1")
        try tmux.wait(for: "awaiting triage, oldest first")
        tmux.send("r")
        try tmux.wait(for: "for more information")
        tmux.type("No DASH attached.")
        tmux.send("C-s")
        let returned = try tmux.wait(for: "the referral returned") { $0.split(separator: "\n").last?.contains("to the referrer") == true }
        let referral = try #require(returned.split(separator: "\n").last.flatMap { line in
            line.split(separator: " ").first { $0.hasPrefix("R-") }.map(String.init)
        })
        #expect(try desk.list("referrals").first { $0["id"] as? String == referral }?["status"] as? String == "returned")
        tmux.command("reopen referral \(referral) DASH arrived by email")
        try DemoDesk.saved(tmux, "\(referral) is back in the queue")

        tmux.command("sign off \(meeting)")
        try tmux.wait(for: "Sign off the minutes of \(meeting)")
        tmux.send("y")
        try DemoDesk.saved(tmux, "Minutes of \(meeting) signed off")
        tmux.send("q")
        try tmux.wait(for: "[exited 0]")

        let corrected = try #require(try desk.list("actions").first { $0["id"] as? String == actionID })
        #expect(corrected["owner"] as? String == "Jo Smith")
        #expect(corrected["due"] as? String == later)
        let history = try #require(corrected["history"] as? [[String: Any]])
        #expect((history.last?["note"] as? String)?.contains("Sanctuary scheme assessor on leave") == true)
        #expect(try desk.list("referrals").first { $0["id"] as? String == referral }?["status"] as? String == "awaiting-triage")
        #expect(try desk.list("meetings").first { $0["id"] as? String == meeting }?["minutes_signed_off"] as? Bool == true)
        let file = try #require(try JSONSerialization.jsonObject(with: Data(desk.run(["show", "case", heard, "--format", "json"]).output.utf8)) as? [String: Any])
        let heardAt = try #require((file["meetings"] as? [[String: Any]])?.first { $0["id"] as? String == meeting })
        let information = try #require(heardAt["information"] as? [[String: Any]])
        #expect(information.first?["in_error"] as? String == "Entered against the wrong case")

        // Every correction is in the audit trail, by whom, against what.
        let audit = desk.run(["audit"]).output.split(separator: "\n").map(String.init)
        for (label, subject) in [("change action", actionID), ("move action due date", actionID), ("mark recorded in error", heard),
                                 ("return referral", referral), ("reopen triage", referral), ("sign off minutes", meeting)] {
            #expect(audit.contains { $0.contains("coordinator") && $0.contains(label) && $0.hasSuffix(subject) }, "\(label) \(subject)")
        }
    }

    /// `iso` (YYYY-MM-DD) moved by `days`, as YYYY-MM-DD.
    static func day(_ iso: String, plus days: Int) -> String? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              let moved = calendar.date(byAdding: .day, value: days, to: date) else { return nil }
        let c = calendar.dateComponents([.year, .month, .day], from: moved)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
