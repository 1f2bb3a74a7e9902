import CSV
import Foundation
import MARACCore
import Testing
@testable import MARACExchange

/// `marac list`: what scripts rely on (Docs/cli.md).
@Suite struct ListingTests {
    static func json(_ kind: Listing.Kind, _ desk: Desk, overdue: Bool = false, agency: AgencyID? = nil) throws -> [[String: Any]] {
        let text = Listing.render(kind, state: desk.state, options: .init(today: desk.today, overdue: overdue, agency: agency), format: .json)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func eachKindIsAnArrayOfObjectsWithTheDocumentedFields() throws {
        let desk = Desk.demo()
        let documented: [Listing.Kind: [String]] = [
            .referrals: ["id", "reference", "date", "agency", "criteria", "repeat", "status"],
            .cases: ["id", "victim", "risk", "repeat_of", "status"],
            .meetings: ["id", "date", "venue", "chair"],
            .actions: ["id", "case", "agency", "description", "due", "status"],
        ]
        for (kind, fields) in documented {
            let objects = try Self.json(kind, desk)
            #expect(!objects.isEmpty)
            for object in objects {
                for field in fields { #expect(object.keys.contains(field), "\(kind) has \(field)") }
            }
        }
        let referrals = try Self.json(.referrals, desk)
        #expect(referrals.count == desk.state.referrals.count)
        #expect(referrals.allSatisfy { $0["repeat"] is Bool })
        let cases = try Self.json(.cases, desk)
        let victim = try #require(cases.first?["victim"] as? [String: Any])
        #expect(victim["name"] is String && victim.keys.contains("dob"))
        #expect(cases.filter { !($0["repeat_of"] is NSNull) }.count == desk.state.cases.filter { $0.repeatOf != nil }.count)
    }

    /// A script can redo the quarterly return's diversity counts from the listings alone:
    /// `list meetings` says which cases each meeting heard, and `list cases` gives each victim's
    /// gender, ethnicity, disability, LGBT+ and age, and the perpetrators' ages on the referral
    /// date. White minorities count as minority ethnic (SafeLives).
    @Test func aScriptCanRecountTheReturnsDiversityFiguresFromTheCasesListing() throws {
        let desk = Desk.demo(cases: 120)
        let cases = Dictionary(uniqueKeysWithValues: try Self.json(.cases, desk).map { ($0["id"] as! String, $0) })
        let meetings = try Self.json(.meetings, desk)
        let minoritised: Set<String> = ["mixed", "asian", "black", "other", "gypsy-or-irish-traveller", "roma", "other-white"]
        var checked = 0
        for quarter in [Quarter(year: 2026, number: 3)!, Quarter(year: 2026, number: 4)!] {
            let official = desk.state.dataReturn(for: quarter)
            var male = 0, young = 0, bame = 0, lgbt = 0, disabled = 0, youngPerpetrators = 0, discussed = 0
            let held = meetings.filter { m in
                (m["date"] as? String).flatMap { DayParsing.parse($0) }.map(quarter.contains) == true && m["status"] as? String != "cancelled"
            }
            for id in held.flatMap({ $0["heard"] as? [String] ?? [] }) {
                let c = try #require(cases[id])
                guard c["status"] as? String != "recorded-in-error" else { continue }
                discussed += 1
                let victim = try #require(c["victim"] as? [String: Any])
                if victim["gender"] as? String == "male" { male += 1 }
                if let age = victim["age_at_referral"] as? Int, age == 16 || age == 17 { young += 1 }
                if minoritised.contains(victim["ethnicity"] as? String ?? "") { bame += 1 }
                if victim["lgbt"] as? String == "yes" { lgbt += 1 }
                if victim["disability"] as? String == "yes" { disabled += 1 }
                let perpetrators = try #require(c["perpetrators"] as? [[String: Any]])
                youngPerpetrators += perpetrators.filter { ($0["age_at_referral"] as? Int ?? 99) <= 17 }.count
                checked += 1
            }
            #expect(discussed == official.casesDiscussed)
            #expect(male == official.maleVictims)
            #expect(young == official.victimsAged16to17)
            #expect(bame == official.raciallyMinoritisedVictims)
            #expect(lgbt == official.lgbtVictims)
            #expect(disabled == official.disabledVictims)
            #expect(youngPerpetrators == official.perpetratorsAged17OrUnder)
            #expect(bame + disabled + male > 0, "the demo has victims these figures count in \(quarter)")
        }
        #expect(checked > 10)
    }

    /// A referral names its possible repeats with the reasons the screen gives, and its
    /// children and perpetrators by name and date of birth.
    @Test func referralsCarryTheirPossibleRepeatsChildrenAndPerpetrators() throws {
        let desk = Desk.demo()
        let referrals = try Self.json(.referrals, desk)
        for (object, r) in zip(referrals, desk.state.referrals) {
            let candidates = try #require(object["repeat_candidates"] as? [[String: Any]])
            let expected = r.status.key == "recorded-in-error" ? [] : desk.state.repeatCandidates(for: r.details, excluding: r.id)
            #expect(candidates.map { $0["case"] as? String } == expected.map { $0.caseID.description })
            #expect(candidates.map { $0["reasons"] as? [String] ?? [] } == expected.map(\.reasons))
            let children = try #require(object["children_detail"] as? [[String: Any]])
            #expect(children.map { $0["name"] as? String } == r.details.children.map(\.name))
            #expect(children.map { $0["dob"] as? String } == r.details.children.map { $0.dateOfBirth?.iso })
            let perpetrators = try #require(object["perpetrators"] as? [[String: Any]])
            #expect(perpetrators.map { $0["dob"] as? String } == r.details.perpetrators.map { $0.person.dateOfBirth?.iso })
        }
        #expect(referrals.contains { ($0["repeat_candidates"] as? [Any])?.isEmpty == false }, "the demo has possible repeats")
        #expect(referrals.contains { ($0["children_detail"] as? [Any])?.isEmpty == false }, "and children named")
    }

    /// Issue 20, 2: children the referral did not give are null in JSON and empty in CSV, as
    /// Docs/cli.md says of a missing value; none is 0.
    @Test func childrenNotKnownAreNullNotZero() throws {
        var desk = Desk.area()
        let header = ["reference", "referral_date", "referring_agency", "victim_name", "victim_dob", "dash_score", "children_count"]
        let rows = [["N-1", desk.today.iso, "Testshire Police", "Ilse Kessler", "1980-01-01", "15", ""],
                    ["N-2", desk.today.iso, "Testshire Police", "Ana Lopes", "1981-02-02", "15", "0"],
                    ["N-3", desk.today.iso, "Testshire Police", "Mia Berg", "1982-03-03", "15", "3"]]
        var importer = ReferralImporter(state: desk.state, today: desk.today, actor: desk.actor)
        importer.createAgencies = false
        let plan = importer.plan(Spreadsheet.excel([header] + rows), fileName: "r.csv")
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        desk.must(plan.command)
        let listed = try Self.json(.referrals, desk)
        #expect(listed.map { $0["children"] is NSNull } == [true, false, false])
        #expect(listed.map { $0["children"] as? Int } == [nil, 0, 3])
        let csv = Listing.render(.referrals, state: desk.state, options: .init(today: desk.today), format: .csv)
        let reader = try CSVReader(string: csv, hasHeaderRow: true)
        var cells: [String] = []
        while reader.next() != nil { cells.append(reader["children"] ?? "missing") }
        #expect(cells == ["", "0", "3"])
    }

    @Test func overdueAndAgencyFilterActions() throws {
        let desk = Desk.demo()
        let police = try #require(desk.state.agencies.first { $0.kind == .police })
        let overdue = try Self.json(.actions, desk, overdue: true)
        let expected = desk.state.actions.filter { $0.isOverdue(on: desk.today) }
        #expect(overdue.count == expected.count)
        #expect(overdue.count > 0)
        #expect(overdue.allSatisfy { $0["overdue"] as? Bool == true && $0["status"] as? String == "open" })
        let policeActions = try Self.json(.actions, desk, agency: police.id)
        #expect(policeActions.count == desk.state.actions.filter { $0.agency == police.id && $0.inError == nil }.count)
        #expect(policeActions.allSatisfy { $0["agency"] as? String == police.name })
    }

    /// CSV written for spreadsheets reads back, cell for cell, through the same parser that
    /// reads imports, names with every script and punctuation included.
    @Test func csvReadsBackCellForCell() throws {
        let desk = Desk.demo()
        let text = Listing.render(.referrals, state: desk.state, options: .init(today: desk.today), format: .csv)
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        let expected = Listing.records(.referrals, state: desk.state, options: .init(today: desk.today)).flat
        #expect(rows.count == expected.count)
        let columns = reader.headerRow ?? []
        for (row, record) in zip(rows, expected) {
            for (i, column) in columns.enumerated() {
                var want = record[column] ?? ""
                if let first = want.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(want) == nil { want = "'" + want }
                #expect(row[i] == want)
            }
        }
    }

    @Test func aCellThatLooksLikeAFormulaIsDefused() {
        let csv = CSVText.render(headers: ["a", "b"], rows: [["=HYPERLINK(\"x\")", "-12"], ["@SUM(A1)", "Zoë, \"Z\"\nNguyễn"]])
        #expect(csv == "a,b\r\n\"'=HYPERLINK(\"\"x\"\")\",-12\r\n'@SUM(A1),\"Zoë, \"\"Z\"\"\nNguyễn\"\r\n")
    }

    /// Issue 20, 7: the case list's CSV writes ISO dates, as every other export's CSV does,
    /// so a spreadsheet in a US locale does not read 03/04/1990 as 4 March; its document keeps
    /// the British dates people read.
    @Test func theCaseListsCSVWritesISODates() throws {
        let state = DemoGenerator(seed: 3, cases: 30, today: Day(year: 2026, month: 11, day: 28)!).generate { _ in }
        let meeting = try #require(state.meetings.first { !$0.listedCases.isEmpty })
        let list = try CaseList(state: state, meeting: meeting.id)
        let births: [Day] = list.cases.compactMap { id in state.case(id).flatMap { state.referral(of: $0)?.details.victim.dateOfBirth } }
        let born = try #require(births.first)
        #expect(list.csv().contains(born.iso))
        #expect(!list.csv().contains(born.british))
        #expect(list.document().rendered(as: .markdown).contains(born.british))
    }

    /// OWASP lists a leading tab and carriage return beside = + - @: each is defused, the
    /// carriage return even when it begins a CR LF (one Character in Swift).
    @Test func aCellStartingWithATabOrACarriageReturnIsDefused() {
        let csv = CSVText.render(headers: ["a"], rows: [["\t=1+1"], ["\r=1+1"], ["\r\n=1+1"], ["\tZoë"]])
        let cells = csv.components(separatedBy: "\r\n").dropFirst().dropLast()
        #expect(Array(cells.prefix(1)) == ["'\t=1+1"])
        #expect(csv.contains("\"'\r=1+1\""))
        #expect(csv.contains("\"'\r\n=1+1\""))
        #expect(csv.contains("'\tZoë"))
    }

    @Test func tablesLineUpWhateverTheScript() {
        let table = TextTable(headers: ["Name", "Born"], rows: [["李华 王", "1990"], ["Zoë Łódź-Ashby", "1985"], ["Nguyễn Thị Lan", "1979"]])
        let lines = table.render().split(separator: "\n").filter { !$0.hasPrefix("-") }
        #expect(lines.count == 4)
        let column = lines.map { line -> Int in
            let prefix = line.prefix { $0 != "1" && $0 != "B" }
            return TextWidth.of(prefix)
        }
        #expect(Set(column).count == 1, "the second column starts at the same terminal column on every line: \(column)")
    }

    /// `marac list agenda` gives the agenda as the screen shows it: the five sections in order,
    /// empty ones too, each case once, and the lapsed windows the agenda lists.
    @Test func theAgendaListsItsSectionsInOrderWithTheirItems() throws {
        let desk = Desk.demo(cases: 120)
        let next = try #require(desk.state.nextMeeting(onOrAfter: desk.today))
        let sections = try Self.json(.agenda, desk)
        #expect(sections.map { $0["id"] as? String } == ["outstanding-actions", "cases-with-children", "adult-only-cases", "lapsed-windows", "other-business"])
        #expect(sections.allSatisfy { $0["meeting"] as? String == next.id.description })
        func ids(_ section: Int) -> [String] { (sections[section]["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        let agenda = try #require(desk.state.agenda(for: next.id))
        #expect(ids(1) + ids(2) == agenda.cases.filter(agenda.casesWithChildren.contains).map(\.description)
                + agenda.cases.filter { !agenda.casesWithChildren.contains($0) }.map(\.description))
        #expect(ids(0) == desk.state.outstandingActionsToReview(at: next).map(\.description))
        #expect(ids(3) == agenda.lapsedWindows.map(\.description))
        let children = (sections[1]["items"] as? [[String: Any]] ?? []).compactMap { $0["children"] as? Int }
        #expect(children.allSatisfy { $0 > 0 } && !children.isEmpty)
    }
}
