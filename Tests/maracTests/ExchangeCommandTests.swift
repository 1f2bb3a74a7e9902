import Foundation
import Testing
import TestSupport

/// Import, list, export and report, run from a shell as an admin or a script would.
@Suite struct ExchangeCommandTests {
    static let header = "Reference,Referral Date,Referring Agency,Victim Name,Victim DOB,DASH Score,Summary\r\n"

    /// Invented people; every summary holds a quoted line break and doubled quotes.
    static func rows(_ count: Int, from: Int = 1, seed: UInt64 = 5) -> String {
        let given = ["Zoë", "Aoife", "Thị Lan", "李华", "Siân", "Mårten"], family = ["Łódź-Ashby", "Nguyễn", "O'Rourke", "Żmuda", "Kessler"]
        return (from..<(from + count)).map { i in
            "CLI-\(i),0\(1 + i % 9)/10/2026,Northbridge Police,\(given[(i + Int(seed)) % given.count]) \(family[i % family.count]),1\(i % 10)/0\(1 + i % 9)/198\(i % 10),\(14 + i % 10),\"Said \"\"leave\"\",\r\nthen left\"\r\n"
        }.joined()
    }

    @Test func aFileWithErrorsIsRefusedWholeAndLeavesTheStoreByteForByteUnchanged() {
        let demo = DemoDesk(cases: 40, seed: 1)
        let before = demo.files()
        let bad = demo.write("bad.csv", Self.header + Self.rows(5) + "CLI-99,31/02/2026,Nowhere Council,,01/01/1990,99,\r\n" + Self.rows(3, from: 6))
        let refused = demo.run(["import", "referrals", bad])
        #expect(refused.status == 1)
        #expect(refused.error.contains("bad.csv, row 7, referral_date: \"31/02/2026\" is not a date"))
        #expect(refused.error.contains("bad.csv, row 7, referring_agency: no agency called \"Nowhere Council\""))
        #expect(refused.error.contains("bad.csv, row 7, victim_name: is empty"))
        #expect(refused.error.contains("bad.csv, row 7, dash_score: 99 is more than 24"))
        #expect(refused.error.contains("nothing was imported"))
        #expect(demo.files() == before)
    }

    /// Issue 20, 8: an installed program has no Docs/ folder, so `marac import referrals --help`
    /// names every column it reads with its other names, and Docs/import.md names the same.
    @Test func theImportHelpAndDocsImportListEveryColumnAndItsOtherNames() throws {
        let help = runProcess([maracBinary, "import", "referrals", "--help"]).output
        let doc = try String(contentsOfFile: repositoryRoot + "/Docs/import.md", encoding: .utf8)
        let flatHelp = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for column in ["reference", "referral_date", "referring_agency", "victim_name", "victim_dob", "children_count", "dash_score", "victim_aware"] {
            #expect(help.contains("  \(column)"), "--help names \(column)")
            #expect(doc.contains("| `\(column)` |"), "Docs/import.md names \(column)")
        }
        for other in ["no. of children", "date of referral", "referrer", "dob", "relationship to victim", "reason for referral"] {
            #expect(flatHelp.contains("\"\(other)\""), "--help names \(other)")
            #expect(doc.contains("`\(other)`"), "Docs/import.md names \(other)")
        }
        #expect(help.contains("victim_dob (required)"))
        let columns = try #require(help.components(separatedBy: "the other headings read as it):\n").last?.components(separatedBy: "\n\n").first)
        #expect(columns.split(separator: "\n").allSatisfy { $0.count <= 80 && $0.hasPrefix("  ") }, "nothing is wrapped by the help's own wrapping")
    }

    @Test func aGoodFileImportsOnceAndAgainAddsNothing() throws {
        let demo = DemoDesk(cases: 40, seed: 1)
        let before = try demo.list("referrals").count
        let good = demo.write("good.csv", Self.header + Self.rows(30))
        let dry = demo.run(["import", "referrals", good, "--dry-run"])
        #expect(dry.status == 0, "\(dry.error)")
        #expect(dry.output.contains("would import 30 referrals"))
        #expect(try demo.list("referrals").count == before)

        let imported = demo.run(["import", "referrals", good])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.output.contains("imported 30 referrals of 30 rows"))
        #expect(!imported.error.contains("rows checked"), "no progress line when not on a terminal")
        let referrals = try demo.list("referrals")
        #expect(referrals.count == before + 30)
        let first = try #require(referrals.first { $0["reference"] as? String == "CLI-1" })
        #expect(first["status"] as? String == "awaiting-triage")
        #expect(first["date"] as? String == "2026-10-02")

        let again = demo.run(["import", "referrals", good])
        #expect(again.status == 0)
        #expect(again.output.contains("nothing to import"))
        #expect(try demo.list("referrals").count == before + 30)
    }

    @Test func exportsAreOwnerOnlyAndRecordedInTheAuditTrail() throws {
        let demo = DemoDesk(cases: 40, seed: 1)
        let meetings = try demo.list("meetings")
        let ended = try #require(meetings.last { $0["status"] as? String == "ended" }?["id"] as? String)
        let file = demo.scratch.root + "/minutes.html"
        let exported = demo.run(["export", "minutes", ended, "-o", file])
        #expect(exported.status == 0, "\(exported.error)")
        #expect(exported.error.contains("readable by you only"))
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.contains("RESTRICTED"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        let audit = demo.run(["audit", "--by", "coordinator"])
        #expect(audit.output.contains("exported minutes \(ended)"))

        let csv = demo.run(["export", "actions", "--agency", "police"])
        #expect(csv.status == 0, "\(csv.error)")
        // Issue 20, 7: a byte-order mark first, so Excel on Windows reads the names as UTF-8.
        #expect(Array(csv.output.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv.output.hasPrefix("\u{FEFF}action,case,meeting,meeting_date,agency,owner,description,due,status,overdue,last_update,reported_status,reported_note\r\n"))
        #expect(csv.output.split(separator: "\r\n").dropFirst().allSatisfy { $0.contains(",Northbridge Police,") })
        #expect(demo.run(["audit"]).output.contains("exported action list for Northbridge Police"))

        let calendar = demo.scratch.root + "/marac.ics"
        #expect(demo.run(["export", "calendar", "-o", calendar]).status == 0)
        #expect(try String(contentsOfFile: calendar, encoding: .utf8).hasPrefix("BEGIN:VCALENDAR"))

        let notHeld = try #require(meetings.first { $0["status"] as? String == "scheduled" }?["id"] as? String)
        let refused = demo.run(["export", "minutes", notHeld])
        #expect(refused.status == 1)
        #expect(refused.error.contains("has not started yet"))
    }

    @Test func theQuarterlyReportIsReadableByScripts() throws {
        let demo = DemoDesk(cases: 40, seed: 1)
        let report = demo.run(["report", "quarterly", "2026-Q4", "--format", "json"])
        #expect(report.status == 0, "\(report.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any])
        #expect(object["quarter"] as? String == "2026-Q4")
        #expect((object["figures"] as? [[String: Any]])?.isEmpty == false)
        let wrong = demo.run(["report", "quarterly", "2026-Q5"])
        #expect(wrong.status == 1)
        #expect(wrong.error.contains("is not a quarter"))
    }

    @Test func anAgencyNameThatMatchesNothingSaysWhatItMightMean() {
        let demo = DemoDesk(cases: 5, seed: 1)
        let listed = demo.run(["list", "actions", "--agency", "Atlantis"])
        #expect(listed.status == 1)
        #expect(listed.error.contains("no agency matches \"Atlantis\""))
        #expect(listed.error.contains("marac agency list names the"), "\(listed.error)")
        let slip = demo.run(["list", "actions", "--agency", "Nortbridge Polise"])
        #expect(slip.status == 1)
        #expect(slip.error.contains("did you mean \"Northbridge Police\"?"), "\(slip.error)")
    }

    /// `marac show case` prints one case whole, by case, referral or reference, and records the
    /// viewing in the audit trail as opening it on screen does; while someone holds the write
    /// lock it still shows the case and says that the viewing was not recorded.
    @Test func showCasePrintsOneCaseWholeAndRecordsTheViewing() throws {
        let demo = DemoDesk(cases: 40, seed: 1)
        let heard = try #require(try demo.list("cases").first { $0["status"] as? String == "heard" })
        let id = try #require(heard["id"] as? String), reference = try #require(heard["reference"] as? String)
        let victim = try #require((heard["victim"] as? [String: Any])?["name"] as? String)

        let text = demo.run(["show", "case", reference], as: "chair")
        #expect(text.status == 0, "\(text.error)")
        #expect(text.output.contains("case \(id), \(victim)"))
        #expect(text.output.contains("RESTRICTED"))
        let audit = demo.run(["audit", "--case", id])
        #expect(audit.output.contains("chair") && audit.output.contains("viewed"), "\(audit.output)")

        let json = demo.run(["show", "case", id, "--format", "json"], as: "chair")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((object["case"] as? [String: Any])?["id"] as? String == id)
        #expect(!((object["actions"] as? [Any]) ?? []).isEmpty)

        let missing = demo.run(["show", "case", "C-9999"])
        #expect(missing.status == 1)
        #expect(missing.error.contains("there is no case C-9999"))

        // A screen open on the store takes its lock only for each change (issue 23), so the
        // viewing beside it is recorded too.
        let tmux = try demo.open(as: "coordinator")
        let viewingsBefore = demo.run(["audit", "--case", id]).output.components(separatedBy: "viewed").count
        let whileOpen = demo.run(["show", "case", id], as: "chair")
        #expect(whileOpen.status == 0, "\(whileOpen.error)")
        #expect(whileOpen.output.contains("case \(id)"))
        #expect(!whileOpen.error.contains("not recorded"), "\(whileOpen.error)")
        #expect(demo.run(["audit", "--case", id]).output.components(separatedBy: "viewed").count == viewingsBefore + 1)
        withExtendedLifetime(tmux) {}
    }
}
