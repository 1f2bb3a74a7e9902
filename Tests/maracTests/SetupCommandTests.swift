import Foundation
import Testing
import TestSupport

/// Setting a real MARAC up from `marac init` on the command line: its settings, its agencies
/// and their people, and meetings from its pattern; every change in the audit trail.
@Suite struct SetupCommandTests {
    static func settings(_ s: NewStore) throws -> [String: String] {
        let list = try #require(try s.json(["area", "show"]) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["setting"] as! String, $0["value"] as! String) })
    }

    /// Issue 20, 6: a mistyped command is named with the nearest one, not answered with the
    /// screen's usage; usage errors exit 64, as Docs/cli.md says.
    @Test func aMistypedCommandIsNamedWithTheNearestOne() {
        let typo = runProcess([maracBinary, "lsit", "referrals"])
        #expect(typo.status == 64)
        #expect(typo.error.contains("there is no command \"lsit\"; did you mean marac list?"), "\(typo.error)")
        #expect(!typo.error.contains("USAGE: marac open"))
        let nothingNear = runProcess([maracBinary, "frobnicate"])
        #expect(nothingNear.status == 64 && !nothingNear.error.contains("did you mean"))
        #expect(runProcess([maracBinary, "list", "--frob"]).status == 64)
    }

    /// Issue 20, 8: the store's default place follows XDG_DATA_HOME only when it is an absolute
    /// path (the XDG Base Directory spec), and --help says so.
    @Test func aRelativeXDGDataHomeIsIgnored() {
        let scratch = TemporaryFolder()
        let home = scratch.root + "/home"
        let relative = runProcess([maracBinary, "user", "list"], environment: ["HOME": home, "XDG_DATA_HOME": "data", "MARAC_STORE": ""])
        #expect(relative.error.contains("\(home)/.local/share/marac"), "\(relative.error)")
        let absolute = runProcess([maracBinary, "user", "list"], environment: ["HOME": home, "XDG_DATA_HOME": scratch.root + "/data", "MARAC_STORE": ""])
        #expect(absolute.error.contains("\(scratch.root)/data/marac"), "\(absolute.error)")
        #expect(runProcess([maracBinary, "user", "list", "--help"]).output.contains("XDG_DATA_HOME"))
    }

    /// Issue 20, 1: a first run with no store is told how to make one, before any passphrase
    /// is asked for, by the screen and by every subcommand alike.
    @Test(arguments: [[], ["list", "referrals"], ["verify"], ["repair"], ["user", "list"], ["area", "show"]])
    func aFolderWithNoStoreIsToldHowToMakeOneBeforeAnyPassphrase(arguments: [String]) {
        let scratch = TemporaryFolder()
        for store in [scratch.root + "/missing", scratch.root] {
            let run = runProcess([maracBinary] + arguments + ["--store", store], environment: ["MARAC_PASSPHRASE_FILE": ""])
            #expect(run.status == 1)
            #expect(run.error.contains("marac init --store \(store)") && run.error.contains("marac demo"), "\(run.error)")
            #expect(!run.error.lowercased().contains("passphrase"), "\(run.error)")
        }
    }

    @Test func aKnowsleyLikeAreaIsSetByNameAndEveryChangeIsAudited() throws {
        let s = NewStore(name: "Knowsley MARAC")
        s.ok(["area", "set", "risk-tool", "merit"])
        s.ok(["area", "set", "threshold", "72"])
        s.ok(["area", "set", "bands", "Bronze 0, Silver 36, Gold 72"])
        s.ok(["area", "set", "meetings", "twice-monthly 1st,3rd thursday 09:30"])
        s.ok(["area", "set", "bank-holidays", "england-and-wales"])
        s.ok(["area", "set", "adult-female-population", "62,400"])
        s.ok(["area", "set", "postcodes", "L32,L33,L34,L35,L36"])
        s.ok(["area", "set", "escalation", "3 in 12 months"])
        s.ok(["area", "set", "repeat-anchor", "last-referral"])
        s.ok(["area", "set", "minimum-age", "16"])
        s.ok(["area", "set", "retention-months", "72"])
        s.ok(["area", "set", "idle-lock-minutes", "15"])
        let statement = s.write("statement.txt", "Everything said here stays here.\nIt is shared only as the ISP allows.\n")
        s.ok(["area", "set", "confidentiality-statement-file", statement])
        let set = try Self.settings(s)
        #expect(set["risk-tool"] == "merit" && set["threshold"] == "72")
        #expect(set["meetings"] == "twice-monthly 1st,3rd thursday 09:30")
        #expect(set["adult-female-population"] == "62400")
        #expect(set["postcodes"] == "L32,L33,L34,L35,L36")
        #expect(set["confidentiality-statement"] == "Everything said here stays here. It is shared only as the ISP allows.")
        #expect(set["idle-lock-minutes"] == "15")
        let audit = s.ok(["audit"])
        #expect(audit.components(separatedBy: "set area profile").count - 1 >= 13, "each setting changed is one entry")
        #expect(audit.contains("cora"))
    }

    @Test(arguments: [
        ("threshold", "300", "threshold: \"300\" is not a whole number from 1 to 200"),
        ("meetings", "fortnightly", "meetings: \"fortnightly\" is not a pattern such as"),
        ("bank-holidays", "wales", "bank-holidays: \"wales\" is not england-and-wales, scotland, northern-ireland or none"),
        ("escalation", "three a year", "escalation: \"three a year\" is not incidents in months"),
        ("idva-agency", "Knowsley IDSVA", "no agency is called \"Knowsley IDSVA\"; add it first"),
        ("colour", "blue", "there is no setting \"colour\"; the settings are: name, risk-tool"),
    ])
    func aBadValueIsRefusedNamingTheSettingAndWhatItAccepts(setting: String, value: String, message: String) throws {
        let s = NewStore()
        if setting == "threshold" { s.ok(["area", "set", "risk-tool", "merit"]) }
        let before = try Self.settings(s)
        let refused = s.run(["area", "set", setting, value])
        #expect(refused.status == 1)
        #expect(refused.error.contains(message), "\(refused.error)")
        #expect(try Self.settings(s) == before, "nothing changed")
    }

    @Test func agenciesAreAddedChangedRetiredAndTheirPeopleKept() throws {
        let s = NewStore()
        s.ok(["agency", "add", "Testshire Police", "--kind", "police", "--isp-signed", "2025-11-20"])
        s.ok(["agency", "add", "Testshire IDVA Service", "--kind", "idva-service"])
        let duplicate = s.run(["agency", "add", "testshire police", "--kind", "police"])
        #expect(duplicate.status == 1 && duplicate.error.contains("Testshire Police"))
        let unknown = s.run(["agency", "add", "Wizards", "--kind", "wizardry"])
        #expect(unknown.status != 0 && unknown.error.contains("idva-service") && unknown.error.contains("fire-and-rescue"))
        s.ok(["agency", "update", "IDVA", "--isp-signed", "2026-01-05", "--name", "Testshire IDVA"])
        s.ok(["agency", "rep", "add", "police", "DI Siân Ó Briain", "--role", "MARAC chair", "--email", "sian@police.example"])
        s.ok(["agency", "rep", "add", "police", "DS Lan Nguyễn"])
        s.ok(["agency", "rep", "remove", "police", "DS Lan Nguyễn"])
        let bad = s.run(["agency", "rep", "add", "police", "X", "--email", "not an address"])
        #expect(bad.status == 1 && bad.error.contains("is not an e-mail address"))
        s.ok(["area", "set", "idva-agency", "Testshire IDVA"])
        let agencies = try #require(try s.json(["agency", "list"]) as? [[String: Any]])
        #expect(agencies.map { $0["name"] as? String } == ["Testshire Police", "Testshire IDVA"])
        #expect(agencies[1]["isp_signed"] as? String == "2026-01-05")
        let reps = try #require(agencies[0]["representatives"] as? [[String: Any]])
        #expect(reps.map { $0["name"] as? String } == ["DI Siân Ó Briain"])
        #expect(reps.first?["email"] as? String == "sian@police.example")

        s.ok(["agency", "retire", "Testshire IDVA"])
        #expect((try s.json(["agency", "list"]) as? [[String: Any]])?.count == 1)
        let all = try #require(try s.json(["agency", "list", "--all"]) as? [[String: Any]])
        #expect(all.count == 2 && all[1]["retired"] as? String != nil)
        let audit = s.ok(["audit"])
        for what in ["add agency", "change agency", "record ISP signature", "retire agency"] { #expect(audit.contains(what), "\(what) is audited") }
    }

    @Test func anAgenciesSpreadsheetImportsWholeOrNotAtAll() throws {
        let s = NewStore()
        let bad = s.write("bad.csv", "Agency,Type,ISP Date,Representative,Job title,Secure email\r\n"
            + "Testshire Police,police,20/11/2025,DI Ade,Chair,ade@police.example\r\n"
            + "Testshire Police,,,DS Kaur,,kaur@police.example\r\n"
            + "Hogwarts,wizards,,,,\r\n"
            + "Testshire Housing,housing,31/02/2026,,,\r\n")
        let refused = s.run(["agency", "import", bad])
        #expect(refused.status == 1)
        #expect(refused.error.contains("bad.csv, row 4, kind: \"wizards\" is not a kind"))
        #expect(refused.error.contains("bad.csv, row 5, isp_signed: \"31/02/2026\" is not a date"))
        #expect(refused.error.contains("nothing was imported"))
        #expect((try s.json(["agency", "list"]) as? [Any])?.isEmpty == true)

        let good = s.write("good.csv", "name,kind,isp_signed,representative,role,email\n"
            + "Testshire Police,police,2025-11-20,DI Ade,Chair,ade@police.example\n"
            + "Testshire Police,,,DS Kaur,,kaur@police.example\n"
            + "Testshire Housing,housing,,,,\n")
        #expect(s.ok(["agency", "import", good]).contains("imported 2 agencies"))
        let agencies = try #require(try s.json(["agency", "list"]) as? [[String: Any]])
        #expect((agencies[0]["representatives"] as? [Any])?.count == 2)
        #expect(agencies[1]["isp_signed"] is NSNull)
        #expect(s.ok(["agency", "import", good]).contains("nothing to import"), "importing again adds nothing")
    }

    @Test func meetingsAreProposedFromThePatternOffBankHolidaysAndScheduledOnlyWhenConfirmed() throws {
        let s = NewStore()
        s.ok(["area", "set", "meetings", "monthly first monday 10:00"])
        s.ok(["area", "set", "bank-holidays", "england-and-wales"])
        s.ok(["area", "set", "venue", "Civic Centre"])
        let env = ["MARAC_TODAY": "2026-03-15"]
        let shown = runProcess([maracBinary, "meeting", "schedule", "--months", "3", "--store", s.store, "--user", "cora"],
                               environment: s.environment.merging(env) { $1 })
        #expect(shown.status == 0, "\(shown.error)")
        // 6 April 2026 is Easter Monday and 4 May the early May bank holiday: the Tuesdays after.
        #expect(shown.output.contains("Tue 7 Apr 2026") && shown.output.contains("Tue 5 May 2026") && shown.output.contains("Mon 1 Jun 2026"))
        #expect(shown.output.contains("Nothing saved"))
        #expect((try s.json(["list", "meetings"]) as? [Any])?.isEmpty == true)
        let made = runProcess([maracBinary, "meeting", "schedule", "--months", "3", "--yes", "--store", s.store, "--user", "cora"],
                              environment: s.environment.merging(env) { $1 })
        #expect(made.status == 0 && made.output.contains("Scheduled 3 meetings"))
        let meetings = try #require(try s.json(["list", "meetings"]) as? [[String: Any]])
        #expect(meetings.map { $0["date"] as? String } == ["2026-04-07", "2026-05-05", "2026-06-01"])
        #expect(meetings.allSatisfy { $0["venue"] as? String == "Civic Centre" && $0["time"] as? String == "10:00" })
        s.ok(["meeting", "cancel", "M-0002", "--reason", "The venue is closed"])
        let again = runProcess([maracBinary, "meeting", "schedule", "--months", "3", "--store", s.store, "--user", "cora"],
                               environment: s.environment.merging(env) { $1 })
        #expect(again.output.contains("No new dates"), "a cancelled meeting is not proposed again")
    }
}
