import Foundation
import Testing
import TestSupport

/// The three jobs typed into the real program in tmux, as an admin, a coordinator and a chair
/// would; each then reads the store back through `marac list ... --format json`.
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"))
struct JobsEndToEndTests {
    @Test func anAdminEntersAReferralSeesItFlaggedAsARepeatAndAcceptsIt() throws {
        let desk = DemoDesk()
        // A victim heard once, inside her repeat window on the tests' day, whom no other case
        // names and no other case shares a date of birth with: the one candidate the screen can offer.
        let cases = try desk.list("cases")
        func victim(_ c: [String: Any]) -> (name: String, dob: String) {
            let v = c["victim"] as? [String: Any]
            return (v?["name"] as? String ?? "", v?["dob"] as? String ?? "")
        }
        let earlier = try #require(cases.last { c in
            let v = victim(c)
            return c["status"] as? String == "heard" && c["repeat_of"] is NSNull
                && (c["repeat_window_ends"] as? String ?? "") >= testToday
                && cases.filter { victim($0).name == v.name || victim($0).dob == v.dob }.count == 1
        })
        let (name, dob) = victim(earlier)
        let british = dob.split(separator: "-").reversed().joined(separator: "/")

        let tmux = try desk.open(as: "admin")
        tmux.send("Enter")
        try tmux.wait(for: "awaiting triage, oldest first")
        tmux.send("n")
        try tmux.wait(for: "New referral")
        tmux.type("E2E-0001")
        tmux.send("Tab", "Tab")
        tmux.type("pol")
        tmux.send("Tab")
        tmux.type("DC Example")
        tmux.send("Tab")
        tmux.type(name)
        tmux.send("Tab", "Tab")
        tmux.type(british)
        tmux.send("C-s")
        try tmux.wait(for: "DASH RIC checklist")
        for _ in 0..<14 { tmux.send("y") }
        for _ in 0..<10 { tmux.send("n") }
        try tmux.wait(for: "threshold 14 reached")
        tmux.send("C-s")
        try DemoDesk.saved(tmux, "Possible repeat of \(earlier["id"] as! String)")
        let queue = tmux.capture()
        #expect(queue.contains("E2E-0001"))
        #expect(queue.contains("repeat?"))
        tmux.send("l")
        try DemoDesk.saved(tmux, "linked as a repeat of \(earlier["id"] as! String)")
        tmux.send("a")
        try tmux.wait(for: "onto a meeting")
        tmux.send("Enter")
        try DemoDesk.saved(tmux, "Accepted")
        tmux.send("q")
        try tmux.wait(for: "[exited 0]")

        let referral = try #require(try desk.list("referrals").first { $0["reference"] as? String == "E2E-0001" })
        #expect(referral["status"] as? String == "accepted")
        #expect(referral["repeat"] as? Bool == true)
        #expect(referral["repeat_of"] as? String == earlier["id"] as? String)
        #expect((referral["risk"] as? [String: Any])?["score"] as? Int == 14)
        #expect((referral["criteria"] as? [String])?.contains("visible-high-risk") == true)
        let made = try #require(try desk.list("cases").first { $0["id"] as? String == referral["case"] as? String })
        let meetings = try desk.list("meetings")
        let next = meetings.first { $0["status"] as? String == "scheduled" }
        #expect(made["meeting"] as? String == next?["id"] as? String, "accepted onto the next meeting")
    }

    /// The coordinator runs the next meeting: attendance, statement, one outstanding action, two
    /// cases with actions, the end. Then the store is checked.
    @Test func theCoordinatorRunsAMeetingToItsEnd() throws {
        let desk = DemoDesk()
        let (tmux, id) = try desk.startNextMeeting()
        tmux.send("p")
        try tmux.wait(for: ": present")
        tmux.send("Enter")
        try DemoDesk.saved(tmux, "present (")
        tmux.send("a")
        try DemoDesk.saved(tmux, "information sent; :edit attendance")
        tmux.send("x")
        try DemoDesk.saved(tmux, "absent")
        tmux.send("n")
        try tmux.wait(for: "strictly confidential")
        tmux.send("n")
        try tmux.wait(for: "Outstanding actions from earlier meetings")
        let outstanding = try #require(tmux.lines.first { $0.contains("▶ A-") }?.split(separator: " ").dropFirst().first.map(String.init))
        tmux.send("d")
        try tmux.wait(for: "Mark \(outstanding) done")
        tmux.send("C-s")
        try DemoDesk.saved(tmux, "\(outstanding) marked done")
        var heard: [String] = []
        for n in 0..<2 {
            tmux.send("n")
            // The case being heard heads the screen, with its timer: a case not heard before.
            let screen = try tmux.wait(for: "case \(n + 1)") { screen in
                screen.contains("Cases (\(n + 1)/") && DemoDesk.caseBeingHeard(screen).map { $0.hasPrefix("C-") && !heard.contains($0) } == true
            }
            heard.append(try #require(DemoDesk.caseBeingHeard(screen)))
            tmux.send("a")
            try tmux.wait(for: "Action on \(heard[n])")
            tmux.type("idva")
            tmux.send("Tab", "Tab")
            tmux.type("Safety plan for case \(n + 1), with a sanctuary assessment.")
            tmux.send("C-s")
            try DemoDesk.saved(tmux, "Action for Northbridge IDVA Service")
        }
        tmux.send("E")
        try tmux.wait(for: "End \(id)")
        tmux.send("y")
        try tmux.wait(for: "Minutes of \(id)")
        tmux.send("Escape", "q")
        try tmux.wait(for: "[exited 0]")

        let ended = try #require(try desk.list("meetings").first { $0["id"] as? String == id })
        #expect(ended["status"] as? String == "ended")
        let actions = try desk.list("actions")
        #expect(actions.first { $0["id"] as? String == outstanding }?["status"] as? String == "done")
        for (n, caseID) in heard.enumerated() {
            let agreed = actions.filter { $0["case"] as? String == caseID && $0["meeting"] as? String == id }
            #expect(agreed.map { $0["description"] as? String } == ["Safety plan for case \(n + 1), with a sanctuary assessment."])
            #expect(agreed.first?["agency"] as? String == "Northbridge IDVA Service")
        }
        let statuses = try desk.list("cases").filter { heard.contains($0["id"] as! String) }.map { $0["status"] as? String }
        #expect(statuses == ["heard", "heard"])
    }

    @Test func aMeetingKilledWithSIGKILLLosesNoSavedStep() throws {
        let desk = DemoDesk()
        let (tmux, id) = try desk.startNextMeeting()
        tmux.send("a")
        try DemoDesk.saved(tmux, "information sent; :edit attendance")
        tmux.send("n", "n")
        try tmux.wait(for: "Outstanding actions from earlier meetings")
        tmux.send("n")
        try tmux.wait(for: "of 12:00")
        tmux.send("r")
        try tmux.wait(for: "Risk on")
        tmux.type("Perpetrator released on bail yesterday.")
        tmux.send("C-s")
        try DemoDesk.saved(tmux, "Risk recorded")
        // Half a line typed and not saved, then the process is killed outright.
        tmux.send("i")
        try tmux.wait(for: "Information shared on")
        tmux.type("half a line")
        let pid = try #require(tmux.programPID())
        kill(pid, SIGKILL)
        try tmux.wait(for: "[exited 137]")

        // Reopened: the meeting is in progress at the case, with the risk and the attendance.
        let again = try desk.open(as: "coordinator")
        #expect(again.capture().contains("Meeting \(id) is in progress"))
        again.send("3")
        let screen = try again.wait(for: "the case under discussion") { $0.contains("of 12:00") }
        #expect(screen.contains("Perpetrator released on bail yesterday."))
        #expect(!screen.contains("half a line"))
        again.send("q")
        try again.wait(for: "[exited 0]")
        let m = try #require(try desk.list("meetings").first { $0["id"] as? String == id })
        #expect(m["status"] as? String == "in-progress")
    }

    @Test func theChairFiltersOverdueActionsForOneAgencyAndMarksOneDone() throws {
        let desk = DemoDesk()
        let overdue = try desk.list("actions").filter { $0["overdue"] as? Bool == true }
        let agency = try #require(overdue.first?["agency"] as? String)
        let theirs = overdue.filter { $0["agency"] as? String == agency }.sorted { ($0["due"] as! String, $0["id"] as! String) < ($1["due"] as! String, $1["id"] as! String) }
        let tmux = try desk.open(as: "chair")
        tmux.send("Enter")
        try tmux.wait(for: "open actions")
        tmux.send("f")
        try tmux.wait(for: "overdue actions")
        tmux.command("filter agency \(agency)")
        let list = try tmux.wait(for: "overdue actions for \(agency)")
        #expect(list.contains("\(theirs.count) overdue actions for \(agency)") || list.contains("\(theirs.count) overdue action for \(agency)"))
        tmux.send("d")
        try tmux.wait(for: "Mark \(theirs[0]["id"] as! String) done")
        tmux.type("Done on the 20th; confirmed by email.")
        tmux.send("C-s")
        try DemoDesk.saved(tmux, "marked done")
        tmux.send("q")
        try tmux.wait(for: "[exited 0]")

        let after = try #require(try desk.list("actions").first { $0["id"] as? String == theirs[0]["id"] as? String })
        #expect(after["status"] as? String == "done")
        let history = try #require(after["history"] as? [[String: Any]])
        #expect(history.last?["note"] as? String == "Done on the 20th; confirmed by email.")
        #expect(history.last?["by"] as? String == "chair")
    }
}

/// marac starts itself again with glibc's malloc on huge pages, where the kernel gives them
/// on request (Docs/performance.md).
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"))
struct HugePagesTests {
    @Test func theRunningProgramHasTheTunableWhenTheKernelWaitsToBeAsked() throws {
        let mode = (try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)) ?? ""
        let desk = DemoDesk()
        let tmux = try desk.open(as: "viewer")
        let pid = try #require(tmux.programPID())
        let environ = try String(contentsOfFile: "/proc/\(pid)/environ", encoding: .utf8)
        #expect(environ.contains("glibc.malloc.hugetlb=1") == mode.contains("[madvise]"))
        tmux.send("q")
        try tmux.wait(for: "[exited 0]")
    }
}
