import Foundation
import Testing
import TestSupport

/// The live meeting as the coordinator runs it on a laptop in the room: a long case at 80x24
/// read back to the end and opened in full, and a meeting that sits idle without the screen
/// locking in front of everyone.
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"))
struct MeetingAtRealSizesEndToEndTests {
    /// Starts the next scheduled meeting on a screen of `rows`x`columns` and goes on to its
    /// first case; returns the session, the meeting and the case being heard.
    static func hearFirstCase(_ desk: DemoDesk, rows: Int = 24, columns: Int = 80, lockAfter: Int? = nil) throws -> (TmuxSession, String, String) {
        let (tmux, id) = try desk.startNextMeeting(rows: rows, columns: columns, options: lockAfter.map { ["--lock-after", "\($0)"] } ?? [])
        tmux.send("n")
        try tmux.wait(for: "records it read")
        tmux.send("n")
        let next = try tmux.wait(for: "the outstanding actions or the first case") {
            $0.contains("Outstanding actions from earlier meetings") || DemoDesk.caseBeingHeard($0) != nil
        }
        if DemoDesk.caseBeingHeard(next) == nil { tmux.send("n") }
        let screen = try tmux.wait(for: "the first case") { DemoDesk.caseBeingHeard($0) != nil }
        return (tmux, id, try #require(DemoDesk.caseBeingHeard(screen)))
    }

    /// The queue keeps its flags at 80x24; then a case with twelve agencies sharing and eight
    /// actions scrolls to its last action, opens in the case view and comes back to where it was.
    @Test func aLongCaseAt80x24ScrollsToItsLastActionOpensAndComesBack() throws {
        // The demo as `marac demo` makes it: its queue has referrals that may repeat.
        let desk = DemoDesk(cases: 160, seed: 1)
        let referrals = try desk.list("referrals").filter { $0["status"] as? String == "awaiting-triage" }
        func mayRepeat(_ r: [String: Any]) -> Bool {
            r["repeat_of"] is NSNull && ((r["repeat_candidates"] as? [[String: Any]]) ?? []).contains { $0["within_window"] as? Bool == true }
        }
        #expect(referrals.contains(where: mayRepeat), "the demo has a referral that may repeat an earlier case")
        let (tmux, _, caseID) = try Self.hearFirstCase(desk)

        tmux.send("1")
        let queue = try tmux.wait(for: "awaiting triage").split(separator: "\n")
        var seen = 0
        for r in referrals {
            let reference = try #require(r["reference"] as? String)
            // A narrow Reference column keeps the end, which tells references apart.
            guard let row = queue.first(where: { $0.contains(reference.suffix(8)) }) else { continue }
            seen += 1
            let flagged = row.contains("repeat?") || row.contains("REP?")
            #expect(flagged == mayRepeat(r), "\(reference): \(row)")
        }
        #expect(seen >= 5, "the queue shows its referrals at 80x24")

        tmux.send("3")
        try tmux.wait(for: "back at the case") { DemoDesk.caseBeingHeard($0) == caseID }
        for n in 1...12 {
            tmux.send("i")
            try tmux.wait(for: "Information shared on \(caseID)")
            tmux.type(["pol", "idva", "homes", "gp"][n % 4])
            tmux.send("Tab")
            tmux.type("Line \(n) of what the agency knows.")
            tmux.send("C-s")
            try tmux.wait(for: "information line \(n) in view") { $0.contains("Line \(n) of what") && !$0.contains("Information shared on") }
        }
        for n in 1...8 {
            tmux.send("a")
            try tmux.wait(for: "Action on \(caseID)")
            tmux.type("id")
            tmux.send("Tab", "Tab")
            tmux.type("Plan \(n).")
            tmux.send("C-s")
            try tmux.wait(for: "action \(n) in view once agreed") { $0.contains("Plan \(n).") && !$0.contains("Action on \(caseID)") }
        }
        tmux.send("g")
        try tmux.wait(for: "the top of the case, more below") { $0.contains("more below (j, PgDn)") && !$0.contains("Plan 8.") }
        for _ in 0..<12 {
            if !tmux.capture().contains("more below") { break }
            let before = tmux.capture()
            tmux.send("NPage")
            try tmux.wait(for: "a page on") { $0 != before }
        }
        let end = try tmux.wait(for: "the last action") { $0.contains("Plan 8.") && !$0.contains("more below") }
        #expect(end.contains("above (k, PgUp)"))
        tmux.send("Enter")
        try tmux.wait(for: "the case view of \(caseID)") { $0.contains(caseID) && DemoDesk.caseBeingHeard($0) == nil }
        tmux.send("3")
        let back = try tmux.wait(for: "the walk at the same place") { DemoDesk.caseBeingHeard($0) == caseID }
        #expect(back.contains("Plan 8.") && !back.contains("more below"), "back where it was:\n\(back)")

        let actions = try desk.list("actions").filter { $0["case"] as? String == caseID && ($0["description"] as? String ?? "").hasPrefix("Plan ") }
        #expect(actions.count == 8)
        #expect(actions.allSatisfy { $0["agency"] as? String == "Northbridge IDVA Service" })
    }

    /// With the screen set to lock after a minute, a meeting that sits idle for longer stays on
    /// screen (the passphrase is not typed in front of the room); once the meeting ends, the
    /// lock comes back.
    @Test func aMeetingIdleForMoreThanTheLockTimeDoesNotLockAndTheScreenLocksAfterItEnds() throws {
        let desk = DemoDesk(cases: 30, seed: 4)
        let (tmux, id, caseID) = try Self.hearFirstCase(desk, rows: 40, columns: 120, lockAfter: 1)
        let idleSince = Date()
        while Date().timeIntervalSince(idleSince) < 70 {
            let screen = tmux.capture()
            #expect(!screen.contains("marac is locked"), "locked during the meeting")
            if screen.contains("marac is locked") { return }
            #expect(DemoDesk.caseBeingHeard(screen) == caseID)
            Thread.sleep(forTimeInterval: 2)
        }
        tmux.send("E")
        try tmux.wait(for: "End \(id)")
        tmux.send("y")
        try tmux.wait(for: "Minutes of \(id)")
        tmux.send("Escape")
        let endedAt = Date()
        try tmux.wait(for: "marac is locked", seconds: 100)
        #expect(Date().timeIntervalSince(endedAt) >= 55, "the lock waited a minute after the meeting")
        #expect(try desk.list("meetings").first { $0["id"] as? String == id }?["status"] as? String == "ended")
    }
}
