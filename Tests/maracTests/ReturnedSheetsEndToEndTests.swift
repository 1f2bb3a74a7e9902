import Foundation
import Testing
import TestSupport

/// The round trip with agencies, run as a coordinator would: export a sheet, let the agency fill
/// it in (Python's csv module, in Excel's and LibreOffice's dialects, with and without a byte
/// order mark, columns moved about), import what comes back, confirm it on screen.
@Suite struct ReturnedSheetsEndToEndTests {
    static let fill = fixturesFolder + "/returned-sheets/fill_returned.py"

    /// Exports `kind` for the agency (and meeting), has Python fill it in with `options`, and
    /// returns the returned file's path.
    static func returned(_ demo: DemoDesk, _ kind: String, agency: String, meeting: String? = nil, name: String, _ options: [String]) throws -> String {
        let sent = demo.scratch.root + "/sent-\(name)"
        let exported = kind == "actions"
            ? demo.run(["export", "actions", "--agency", agency, "-o", sent])
            : demo.run(["export", "research", meeting ?? "", "--agency", agency, "-o", sent])
        #expect(exported.status == 0, "\(exported.error)")
        let back = demo.scratch.root + "/" + name
        let filled = runProcess(["/usr/bin/env", "python3", fill, kind, sent, back] + options)
        #expect(filled.status == 0, "\(filled.error)")
        return back
    }

    static func policeActions(_ demo: DemoDesk) throws -> [[String: Any]] {
        try demo.list("actions").filter { $0["agency"] as? String == "Northbridge Police" }
    }

    @Test(arguments: [["--dialect", "excel"], ["--dialect", "excel-semicolon", "--bom", "--reorder"], ["--dialect", "excel", "--bom", "--reorder", "--iso-dates"]])
    func anAgencysReturnedActionListComesInOnceAsReportsToConfirm(options: [String]) throws {
        let demo = DemoDesk(cases: 40, seed: 1)
        let open = try Self.policeActions(demo).filter { $0["status"] as? String == "open" }
        let file = try Self.returned(demo, "actions", agency: "Northbridge Police", name: "police-back.csv", options)

        let dry = demo.run(["import", "action-updates", file, "--dry-run"])
        #expect(dry.status == 0, "\(dry.error)")
        #expect(try Self.policeActions(demo).allSatisfy { ($0["reports"] as? [Any])?.isEmpty == true }, "a dry run saves nothing")

        let imported = demo.run(["import", "action-updates", file])
        #expect(imported.status == 0, "\(imported.error)")
        // Python filled four rows in every five; the fifth it left empty.
        let filled = (0..<open.count).filter { $0 % 5 != 3 }.count
        #expect(imported.output.contains("recorded \(filled) report\(filled == 1 ? "" : "s") from Northbridge Police of \(open.count) rows"), "\(imported.output)")
        if options.contains("--reorder") { #expect(imported.error.contains("ignored column marac does not read: Agency comments (internal)")) }

        let after = try Self.policeActions(demo)
        let reported = after.filter { (($0["reports"] as? [[String: Any]]) ?? []).contains { $0["decision"] as? String == "to-confirm" } }
        #expect(reported.count == filled)
        #expect(after.filter { $0["status"] as? String == "open" }.count == open.count, "nothing confirmed yet: every status stands")
        let first = try #require((reported.first?["reports"] as? [[String: Any]])?.first)
        #expect(first["status"] as? String == "done")
        #expect(first["on"] as? String == "2026-11-25")
        #expect(first["source"] as? String == "police-back.csv")
        #expect(first["imported_by"] as? String == "coordinator")
        #expect((first["note"] as? String)?.contains("\"happy\"") == true, "quotes inside a cell survive")

        let again = demo.run(["import", "action-updates", file])
        #expect(again.status == 0)
        #expect(again.output.contains("nothing new to import"))
        #expect(try Self.policeActions(demo).map { ($0["reports"] as? [Any])?.count ?? 0 } == after.map { ($0["reports"] as? [Any])?.count ?? 0 })
    }

    @Test func aSpoiledReturnedSheetIsRefusedWholeAndLeavesTheStoreByteForByteUnchanged() throws {
        let demo = DemoDesk(cases: 40, seed: 1)
        let file = try Self.returned(demo, "actions", agency: "Northbridge Police", name: "spoiled.csv", ["--dialect", "excel-semicolon", "--bom", "--mistake"])
        let housing = try #require(try demo.list("actions").first { $0["agency"] as? String == "Northbridge Homes" && $0["status"] as? String == "open" }?["id"] as? String)
        // A row for another agency's action, as a copy-and-paste slip would put it.
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let header = text.prefix { $0 != "\r\n" && $0 != "\n" }.split(separator: ";").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}")) }
        let cells: [String: String] = ["action": housing, "reported_status": "Completed", "reported_note": "Locks changed", "reported_on": "25/11/2026"]
        try (text + header.map { cells[$0] ?? "" }.joined(separator: ";") + "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
        let before = demo.files()
        let refused = demo.run(["import", "action-updates", file])
        #expect(refused.status == 1)
        #expect(refused.error.contains("spoiled.csv, row 2, reported_status: \"sort of\" is not a status"), "\(refused.error)")
        #expect(refused.error.contains("is Northbridge Homes's action, not Northbridge Police's"))
        #expect(refused.error.contains("nothing was imported"))
        #expect(demo.files() == before)
    }

    @Test func researchComesBackTickedWithWhatTheAgencyFound() throws {
        let demo = DemoDesk(cases: 40, seed: 1)
        let meeting = try #require(try demo.list("meetings").first { $0["status"] as? String == "scheduled" }?["id"] as? String)
        let file = try Self.returned(demo, "research", agency: "Northbridge Homes", meeting: meeting, name: "homes-research.csv",
                                     ["--dialect", "excel-semicolon", "--bom", "--reorder"])
        let imported = demo.run(["import", "research", file])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.output.contains("research returns from Northbridge Homes") || imported.output.contains("research return from Northbridge Homes"), "\(imported.output)")
        let again = demo.run(["import", "research", file])
        #expect(again.output.contains("nothing new to import"), "\(again.output)")

        let spoiled = try Self.returned(demo, "research", agency: "Northbridge Homes", meeting: meeting, name: "spoiled.csv", ["--mistake"])
        let before = demo.files()
        let refused = demo.run(["import", "research", spoiled])
        #expect(refused.status == 1)
        #expect(refused.error.contains("spoiled.csv, row 2, known_to_agency: \"perhaps\" is not yes or no"), "\(refused.error)")
        #expect(demo.files() == before)
    }

    /// The coordinator opens the tracker after the import, shows the reported actions, confirms
    /// one with y, tags two more and confirms them together, rejects one with its reason.
    @Test func importedReportsAreConfirmedInTheActionTracker() throws {
        let demo = DemoDesk(cases: 40, seed: 1)
        let file = try Self.returned(demo, "actions", agency: "Northbridge Police", name: "police-back.csv", ["--bom"])
        #expect(demo.run(["import", "action-updates", file]).status == 0)
        let waiting = try Self.policeActions(demo).filter { (($0["reports"] as? [[String: Any]]) ?? []).contains { $0["decision"] as? String == "to-confirm" } }.count
        let tmux = try demo.open(as: "coordinator")
        try tmux.wait(for: "\(waiting) actions reported by agencies, to confirm")
        tmux.send("4")
        try tmux.wait(for: "reported, to confirm (y)")
        tmux.send("f", "f", "f")
        try tmux.wait(for: "\(waiting) reported actions")
        tmux.send("y")
        try tmux.wait(for: "report confirmed. u undoes.")
        try tmux.wait(for: "\(waiting - 1) reported actions")
        tmux.send("g", " ", " ", "y")
        try tmux.wait(for: "2 reports confirmed")
        try tmux.wait(for: "\(waiting - 3) reported actions")
        tmux.send("r")
        try tmux.wait(for: "Reject A-")
        tmux.type("The disclosure is not on the system yet")
        tmux.send("C-s")
        try tmux.wait(for: "rejected; the status stays")
        try tmux.wait(for: "\(waiting - 4) reported actions")
        tmux.send("q")

        let records = try Self.policeActions(demo).flatMap { ($0["reports"] as? [[String: Any]]) ?? [] }
        #expect(records.filter { $0["decision"] as? String == "confirmed" }.count == 3)
        let rejected = try #require(records.first { $0["decision"] as? String == "rejected" })
        #expect(rejected["reason"] as? String == "The disclosure is not on the system yet")
        #expect(rejected["decided_by"] as? String == "coordinator")
    }
}
