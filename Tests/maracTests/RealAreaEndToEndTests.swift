import Foundation
import Testing
import TestSupport

/// Two real MARACs from `marac init` to their first minutes, with no demo data anywhere: one set
/// up like Knowsley (MeRIT 72, twice a month on Thursdays, an IDSVA), one like Portsmouth (DASH
/// 14, monthly). Settings and agencies on the command line, the rest on the screen as a
/// coordinator would do it.
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"))
struct RealAreaEndToEndTests {
    struct Area {
        var name: String
        var settings: [(String, String)]
        /// The day the work is done, and the day of the first meeting the pattern gives.
        var today: String
        var meetingDay: String
        var riskColumn: String
        var scores: [Int]
        var population: Int
        var idva: String
    }

    static let knowsley = Area(
        name: "Knowsley MARAC",
        settings: [("risk-tool", "merit"), ("threshold", "72"), ("meetings", "twice-monthly 1st,3rd thursday 09:30"),
                   ("bank-holidays", "england-and-wales"), ("adult-female-population", "62000"), ("minimum-age", "16"),
                   ("venue", "Huyton Police Station"), ("chair", "DI Jo Ade")],
        today: "2027-01-04", meetingDay: "2027-01-07", riskColumn: "MeRIT Score", scores: [80, 95], population: 62000,
        idva: "Knowsley IDSVA")

    static let portsmouth = Area(
        name: "Portsmouth MARAC",
        settings: [("risk-tool", "dash"), ("threshold", "14"), ("meetings", "monthly first wednesday 10:00"),
                   ("bank-holidays", "england-and-wales"), ("adult-female-population", "88500"),
                   ("venue", "Civic Offices, Guildhall Square"), ("chair", "DI Priya Shah")],
        today: "2027-02-01", meetingDay: "2027-02-03", riskColumn: "DASH Score", scores: [16, 21], population: 88500,
        idva: "Portsmouth IDVA Service")

    @Test(arguments: ["knowsley", "portsmouth"])
    func fromInitToTheFirstMinutes(which: String) throws {
        let area = which == "knowsley" ? Self.knowsley : Self.portsmouth
        let s = NewStore(name: area.name)
        func on(_ day: String, _ arguments: [String]) -> (status: Int32, output: String, error: String) {
            runProcess([maracBinary] + arguments + ["--store", s.store, "--user", "cora"],
                       environment: s.environment.merging(["MARAC_TODAY": day]) { $1 })
        }
        func ok(_ day: String, _ arguments: [String]) -> String {
            let r = on(day, arguments)
            #expect(r.status == 0, "marac \(arguments.joined(separator: " ")): \(r.error)")
            return r.output
        }
        // Settings and agencies, from the command line.
        for (setting, value) in area.settings { _ = ok(area.today, ["area", "set", setting, value]) }
        let agencies = [("\(area.name.dropLast(6)) Police", "police", "DI Jo Ade"), (area.idva, "idva-service", "Sam Okafor"),
                        ("\(area.name.dropLast(6)) Housing", "housing", "Ffion Davies")]
        for (name, kind, rep) in agencies {
            _ = ok(area.today, ["agency", "add", name, "--kind", kind, "--isp-signed", "2026-06-01"])
            _ = ok(area.today, ["agency", "rep", "add", name, rep, "--role", "MARAC representative"])
        }
        _ = ok(area.today, ["agency", "add", "Children's Social Care", "--kind", "childrens-social-care"])  // not signed
        _ = ok(area.today, ["area", "set", "idva-agency", area.idva])
        let csv = s.write("referrals.csv", "Reference,Referral Date,Referring Agency,Victim Name,Victim DOB,\(area.riskColumn),Summary\r\n"
            + "RA-1,\(area.today),\(agencies[0].0),Zoë Łódź-Ashby,03/04/1990,\(area.scores[0]),Threats to kill\r\n"
            + "RA-2,\(area.today),\(agencies[0].0),Nguyễn Thị Lan,12/09/1985,\(area.scores[1]),Strangulation\r\n")
        #expect(ok(area.today, ["import", "referrals", csv]).contains("imported 2 referrals"))

        // On the screen: meetings from the pattern, then the referrals accepted onto the first.
        let screen = try s.screen(on: area.today)
        screen.send("Escape", ":")
        screen.type("schedule 2")
        screen.send("Enter")
        try screen.wait(for: "Schedule ")
        screen.send("y")
        try DemoDesk.saved(screen, "Scheduled ")
        screen.send("1")
        try screen.wait(for: "2 referrals awaiting triage")
        for _ in 0..<2 {
            screen.send("a")
            try screen.wait(for: "onto a meeting")
            screen.send("Enter")
            try DemoDesk.saved(screen, "Accepted ")
        }
        screen.send("q")
        try screen.wait(for: "[exited 0]")
        let meetings = try s.listed("meetings", on: area.today)
        #expect(meetings.first?["date"] as? String == area.meetingDay)
        #expect(meetings.first?["cases"] as? Int == 2)
        let cases = try s.listed("referrals", on: area.today)
        #expect(cases.allSatisfy { ($0["criteria"] as? [String])?.contains("visible-high-risk") == true }, "over the area's threshold")

        // The meeting, on its day: attendance by representative, a case, an action, the end.
        let meeting = try s.screen(on: area.meetingDay)
        meeting.send("3")
        try meeting.wait(for: "M-0001")
        meeting.send("M")
        let asked = try meeting.wait(for: "Start M-0001")
        #expect(!asked.contains("not its date") && !asked.contains("no cases"))
        meeting.send("y")
        try meeting.wait(for: "Attendance: 0 of 3 recorded")
        let attendance = meeting.capture()
        #expect(!attendance.contains("Children's Social Care"), "only agencies that signed the ISP")
        for (_, _, rep) in agencies {
            meeting.send("p")
            try meeting.wait(for: ": present")
            meeting.send("Enter")
            try DemoDesk.saved(meeting, "present (\(rep))")
        }
        try meeting.wait(for: "Attendance: 3 of 3 recorded")
        meeting.send("n")
        try meeting.wait(for: "confidentiality statement")
        meeting.send("n")
        try meeting.wait(for: "the case being heard") { $0.contains("of 12:00") }
        meeting.send("a")
        try meeting.wait(for: "Action on")
        meeting.type(String(area.idva.split(separator: " ")[1]))
        meeting.send("Tab", "Tab")
        meeting.type("Safety plan and sanctuary assessment.")
        meeting.send("C-s")
        try DemoDesk.saved(meeting, "Action for \(area.idva)")
        meeting.send("n")
        try meeting.wait(for: "the second case") { $0.contains("Cases (2/2)") && $0.contains("C-0002  ") }
        meeting.send("E")
        try meeting.wait(for: "End M-0001")
        meeting.send("y")
        try meeting.wait(for: "Minutes of M-0001")
        meeting.send("Escape", "q")
        try meeting.wait(for: "[exited 0]")

        // The minutes and the quarterly return, exported.
        let minutesFile = s.folder.root + "/minutes.md"
        _ = ok(area.meetingDay, ["export", "minutes", "M-0001", "-o", minutesFile])
        let minutes = try String(contentsOfFile: minutesFile, encoding: .utf8)
        #expect(minutes.contains(area.name))
        for (name, _, rep) in agencies { #expect(minutes.contains(name) && minutes.contains(rep), "\(name) attended by \(rep)") }
        #expect(minutes.contains("Safety plan and sanctuary assessment."))
        let quarter = "\(area.meetingDay.prefix(4))-Q1"
        let report = try #require(try JSONSerialization.jsonObject(with: Data(ok(area.meetingDay, ["report", "quarterly", quarter, "--format", "json"]).utf8)) as? [String: Any])
        let figures = try #require(report["figures"] as? [[String: Any]])
        let per10k = try #require(figures.first { $0["key"] as? String == "cases_per_10k_adult_females" })
        let heard = try #require(figures.first { $0["key"] as? String == "cases" }?["value"] as? Int)
        #expect(heard == 2)
        let expected = (Double(heard) * 10_000 / Double(area.population) * 10).rounded() / 10
        #expect(per10k["value"] as? Double == expected, "per 10,000 of the population set: \(area.population)")
        #expect(report["marac"] as? String == area.name)
    }
}
