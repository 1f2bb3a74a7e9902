import Foundation
import MARACCore
import Testing
@testable import MARACExchange

/// Importing a referrals spreadsheet: every row checked first, every problem reported with its
/// row and column, then all of the file or none of it.
@Suite struct ReferralImportTests {
    static let header = ["Reference", "Referral Date", "Referring Agency", "Victim Name", "Victim DOB", "Victim Gender",
                         "Victim Address", "Perpetrator Name", "Perpetrator DOB", "Perpetrator Relationship", "Children Count",
                         "DASH Score", "Professional Judgement", "Escalation Incidents", "Victim Aware", "Summary"]

    /// `count` good rows with invented people, dated in UK style as spreadsheets show them.
    static func rows(_ count: Int, seed: UInt64, on day: Day, prefix: String = "XL") -> [[String]] {
        var names = FakeNames(seed: seed)
        return (1...count).map { i in
            let received = day.adding(days: -(i % 20))
            return ["\(prefix)-\(1000 + i)", received.british, i % 3 == 0 ? "Testshire Homes" : "Testshire Police", names.name(),
                    names.birth(age: 18...70, on: day).british, i % 7 == 0 ? "male" : "F",
                    "\(i) Mill Lane, Eastfold, NB3 4QT", names.name(), names.birth(age: 18...70, on: day).iso,
                    i % 5 == 0 ? "Ex-husband" : "partner", "\(i % 4)", "\(14 + i % 11)", i % 2 == 0 ? "Threats to kill" : "",
                    "", i % 2 == 0 ? "yes" : "N", "Incident on \(received.british), said \"I'll find you\"\nSecond line, with a comma"]
        }
    }

    static func plan(_ data: Data, desk: Desk, createAgencies: Bool = false) -> ImportPlan {
        var importer = ReferralImporter(state: desk.state, today: desk.today, actor: desk.actor)
        importer.createAgencies = createAgencies
        return importer.plan(data, fileName: "referrals.csv")
    }

    @Test func anExcelFileWithByteOrderMarkCRLFQuotedLineBreaksAndUKDatesImports() throws {
        var desk = Desk.area()
        let rows = Self.rows(12, seed: 1, on: desk.today)
        let plan = Self.plan(Spreadsheet.excel([Self.header] + rows), desk: desk)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        #expect(plan.rows == 12)
        #expect(plan.referrals.map(\.reference) == rows.map { $0[0] })
        let first = try #require(plan.referrals.first)
        #expect(first.receivedOn == DayParsing.parse(rows[0][1]))
        #expect(first.receivedOn.british == rows[0][1])
        #expect(first.victim.name == rows[0][3])
        #expect(first.summary == rows[0][15], "the quoted line break, quotes and comma survive")
        #expect(first.victim.address?.postcode == "NB3 4QT")
        #expect(first.assessment?.score == Int(rows[0][11]))
        #expect(plan.referrals[4].perpetrators.first?.relationship == .exPartner)

        desk.must(plan.command)
        #expect(desk.state.referrals.count == 12)
        #expect(desk.state.referrals.allSatisfy { $0.status == .awaitingTriage })
    }

    @Test func aLibreOfficeFileReadsTheSameAsTheExcelOne() {
        let desk = Desk.area()
        let rows = Self.rows(9, seed: 2, on: desk.today)
        let excel = Self.plan(Spreadsheet.excel([Self.header] + rows), desk: desk)
        let libre = Self.plan(Spreadsheet.libreOffice([Self.header] + rows), desk: desk)
        #expect(libre.problems.isEmpty, "\(libre.problems)")
        #expect(libre.referrals == excel.referrals)
        #expect(libre.referrals.count == 9)
    }

    @Test func headersMatchWhateverTheirCaseSpacesUnderscoresOrHyphens() {
        let desk = Desk.area()
        let header = ["REFERENCE", "referral_date", "Referring-Agency", "victim name", "Victim_DOB", "dash score"]
        let row = ["H-1", desk.today.iso, "testshire police", "Zoë Varga", "1990-02-03", "18"]
        let plan = Self.plan(Spreadsheet.excel([header, row]), desk: desk)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        #expect(plan.referrals.first?.agency == desk.agency("Testshire Police"))
        #expect(plan.referrals.first?.victim.dateOfBirth == Day(year: 1990, month: 2, day: 3))
    }

    /// Spreadsheets often shorten years: a date of birth `14/9/88` is 1988 (the nearest past
    /// year), not 2088, and each such cell is named so the admin can check it.
    @Test func twoDigitYearsAreReadAsPeopleMeanThemAndEachCellIsNamed() throws {
        let desk = Desk.area()
        let header = ["reference", "referral_date", "referring_agency", "victim_name", "victim_dob", "perpetrator_name", "perpetrator_dob", "dash_score"]
        let received = desk.today.adding(days: -3)
        let shortReceived = String(received.british.dropLast(4)) + String(received.british.suffix(2))
        let rows = [header, ["Y-1", shortReceived, "Testshire Police", "Ilse Kessler", "14/9/88", "Tam Ross", "2/2/85", "15"],
                    ["Y-2", desk.today.iso, "Testshire Police", "Mira Lind", "1988-09-14", "Jo Bell", "1985-02-02", "15"]]
        let plan = Self.plan(Spreadsheet.excel(rows), desk: desk)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        let first = try #require(plan.referrals.first)
        #expect(first.victim.dateOfBirth == Day(year: 1988, month: 9, day: 14))
        #expect(first.perpetrators.first?.person.dateOfBirth == Day(year: 1985, month: 2, day: 2))
        #expect(first.receivedOn == received)
        #expect(plan.twoDigitYears.map { "\($0.row) \($0.column)" } == ["2 referral_date", "2 victim_dob", "2 perpetrator_dob"])
        #expect(plan.twoDigitYears.map(\.readAs) == [received, Day(year: 1988, month: 9, day: 14)!, Day(year: 1985, month: 2, day: 2)!])
    }

    @Test func unknownColumnsAreReportedAndIgnored() {
        let desk = Desk.area()
        let header = ["reference", "referral_date", "referring_agency", "victim_name", "victim_dob", "dash_score", "Favourite colour", "Notes 2"]
        let plan = Self.plan(Spreadsheet.excel([header, ["U-1", desk.today.iso, "Testshire Police", "Ilse Kessler", "1980-01-01", "15", "blue", "x"]]), desk: desk)
        #expect(plan.unknownColumns == ["Favourite colour", "Notes 2"])
        #expect(plan.referrals.count == 1)
    }

    /// Issue 20, 2: a tracker's own headings are read under the names coordinators use, and a
    /// heading that looks like a known column is refused with "did you mean", never dropped.
    @Test func headingsTrackersUseAreReadAndOnesThatLookLikeAColumnAreRefused() throws {
        let desk = Desk.area()
        let header = ["Ref", "Date of referral", "Referrer", "Victim name", "DOB", "No. of Children", "DASH RIC score"]
        let plan = Self.plan(Spreadsheet.excel([header, ["T-1", desk.today.iso, "Testshire Police", "Ilse Kessler", "1980-01-01", "3", "15"]]), desk: desk)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        #expect(plan.unknownColumns.isEmpty)
        #expect(try #require(plan.referrals.first).childrenCount == 3, "the children column is read, not lost")

        for heading in ["Childs", "Perpetrator Nmae", "Total children (under 18)"] {
            let header = ["reference", "referral_date", "referring_agency", "victim_name", "victim_dob", "dash_score", heading]
            let refused = Self.plan(Spreadsheet.excel([header, ["T-2", desk.today.iso, "Testshire Police", "Ilse Kessler", "1980-01-01", "15", "2"]]), desk: desk)
            #expect(!refused.canImport, "\(heading)")
            #expect(refused.problems.contains { $0.column == heading && $0.message.contains("did you mean") }, "\(heading): \(refused.problems)")
        }
        let childs = Self.plan(Spreadsheet.excel([["reference", "referral_date", "referring_agency", "victim_name", "victim_dob", "Childs"],
                                                  ["T-3", desk.today.iso, "Testshire Police", "Ilse Kessler", "1980-01-01", "2"]]), desk: desk)
        #expect(childs.problems.first?.message.contains("did you mean children_count?") == true, "\(childs.problems)")
    }

    /// Issue 20, 2: children left empty or written "not known" are stored as not known, not 0,
    /// and a number is kept as it is.
    @Test func childrenNotKnownAreStoredAsNotKnownNotNone() throws {
        let desk = Desk.area()
        let header = ["reference", "referral_date", "referring_agency", "victim_name", "victim_dob", "dash_score", "children_count"]
        let cells = ["", "not known", "Unknown", "N/K", "0", "2"]
        let rows = cells.enumerated().map { i, c in ["K-\(i)", desk.today.iso, "Testshire Police", "Ilse Kessler", "1980-01-0\(i + 1)", "15", c] }
        let plan = Self.plan(Spreadsheet.excel([header] + rows), desk: desk)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        #expect(plan.referrals.map(\.childrenKnown) == [nil, nil, nil, nil, 0, 2])
        #expect(plan.referrals.map(\.childrenInWords) == ["not known", "not known", "not known", "not known", "none", "2"])
        let bad = Self.plan(Spreadsheet.excel([header, ["K-9", desk.today.iso, "Testshire Police", "Ilse Kessler", "1980-01-01", "15", "two"]]), desk: desk)
        #expect(bad.problems.first?.message.contains("not known") == true, "the refusal says not known is accepted: \(bad.problems)")
    }

    /// Issue 20, 7: "Prefer not to say" on a monitoring form is recorded as not known, and a
    /// refusal of a yes/no/not-known answer names "not known" among what it takes.
    @Test func preferNotToSayIsNotKnownAndRefusalsNameNotKnown() throws {
        let desk = Desk.area()
        let header = ["reference", "referral_date", "referring_agency", "victim_name", "victim_dob", "dash_score", "victim_gender",
                      "victim_ethnicity", "victim_disability", "victim_lgbt", "victim_aware"]
        let said = ["15", "Prefer not to say", "Prefer not to say", "Prefer not to say", "prefer not to say", "Not stated"]
        let plan = Self.plan(Spreadsheet.excel([header, ["P-1", desk.today.iso, "Testshire Police", "Ilse Kessler", "1980-01-01"] + said]), desk: desk)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        let victim = try #require(plan.referrals.first).victim
        #expect(victim.gender == .notKnown && victim.diversity.ethnicity == .notKnown)
        #expect(victim.diversity.disability == .notKnown && victim.diversity.lgbt == .notKnown)
        #expect(plan.referrals.first?.victimAware == .notKnown)
        let refused = Self.plan(Spreadsheet.excel([header, ["P-2", desk.today.iso, "Testshire Police", "Ilse Kessler", "1980-01-01",
                                                            "15", "F", "White", "sometimes", "", ""]]), desk: desk)
        let message = try #require(refused.problems.first { $0.column == "victim_disability" }).message
        #expect(message.contains("not known") && message.contains("prefer not to say"), "\(message)")
    }

    /// Issue 20, 7: a title (or blank rows) above the headings is named as that, with the row
    /// the headings are on, not as every required column missing.
    @Test(arguments: [[["Northbridge MARAC referrals - November 2026", "", "", "", ""]],
                      [["Northbridge MARAC referrals"]],
                      [["Referrals", "", "", "", ""], ["", "", "", "", ""]]])
    func aTitleRowAboveTheHeadingsIsNamed(above: [[String]]) throws {
        let desk = Desk.area()
        let header = ["reference", "referral_date", "referring_agency", "victim_name", "victim_dob"]
        let plan = Self.plan(Spreadsheet.excel(above + [header, ["T-1", desk.today.iso, "Testshire Police", "Ilse Kessler", "1980-01-01"]]), desk: desk)
        #expect(!plan.canImport)
        let problem = try #require(plan.problems.first)
        #expect(problem.row == 1)
        #expect(problem.message.contains("row 1 should be the headings, but they are on row \(above.count + 1)"), "\(problem.message)")
        #expect(!problem.message.contains("required column"))
    }

    /// Issue 20, 7: an agency the store does not have is answered with the nearest names, not
    /// a list of every agency; on a new store with none, with how to add them.
    @Test func anUnknownAgencyIsAnsweredWithTheNearestNames() {
        let names = ["Northbridge Police", "Northbridge Homes", "Haven Women's Aid", "Children's Social Care", "Probation Service"]
        #expect(ReferralImporter.unknownAgency("Northbrige Police", among: names).contains("did you mean \"Northbridge Police\"?"))
        #expect(ReferralImporter.unknownAgency("Police", among: names).contains("did you mean \"Northbridge Police\"?"))
        let far = ReferralImporter.unknownAgency("Fire Service", among: names)
        #expect(!far.contains("did you mean") && far.contains("marac agency list names the 5 there are"), "\(far)")
        let none = ReferralImporter.unknownAgency("Police", among: [])
        #expect(none.contains("this store has no agencies yet") && !none.contains("(known: )"))
    }

    @Test func missingRequiredColumnsAreNamedAndNoRowIsRead() {
        let desk = Desk.area()
        let plan = Self.plan(Spreadsheet.excel([["reference", "victim_name", "dash_score"], ["M-1", "Ilse Kessler", "20"]]), desk: desk)
        #expect(!plan.canImport)
        #expect(plan.problems.count == 1)
        #expect(plan.problems[0].row == 1)
        #expect(plan.problems[0].message.contains("referral_date, referring_agency, victim_dob"))
    }

    /// Errors in many rows: every one is reported with its row (as the spreadsheet numbers
    /// them, counting records, not lines) and its column, and nothing is planned.
    @Test func everyProblemInEveryRowIsReportedWithItsRowAndColumn() {
        let desk = Desk.area()
        var rows = Self.rows(200, seed: 3, on: desk.today)
        var rng = SeededGenerator(seed: 99)
        var expected: Set<ImportProblemPlace> = []
        // Spreadsheet row numbers: the header is row 1.
        for index in rng.sample(Array(rows.indices), 40) {
            let row = index + 2
            switch rng.int(0...4) {
            case 0: rows[index][1] = "31/02/2026"; expected.insert(.init(row: row, column: "referral_date"))
            case 1: rows[index][3] = ""; expected.insert(.init(row: row, column: "victim_name"))
            case 2: rows[index][11] = "twenty"; expected.insert(.init(row: row, column: "dash_score"))
            case 3: rows[index][2] = "Nowhere Council"; expected.insert(.init(row: row, column: "referring_agency"))
            default: rows[index][14] = "perhaps"; expected.insert(.init(row: row, column: "victim_aware"))
            }
        }
        let plan = Self.plan(Spreadsheet.excel([Self.header] + rows), desk: desk)
        #expect(!plan.canImport)
        let reported = Set(plan.problems.map { ImportProblemPlace(row: $0.row, column: $0.column ?? "") })
        #expect(reported == expected)
        #expect(plan.problems.allSatisfy { !$0.message.isEmpty && $0.description.hasPrefix("row \($0.row), ") })
    }

    @Test func aRowAfterQuotedLineBreaksIsNumberedAsTheSpreadsheetShowsIt() {
        let desk = Desk.area()
        var rows = Self.rows(3, seed: 4, on: desk.today)
        rows[2][4] = "not a date"
        let plan = Self.plan(Spreadsheet.excel([Self.header] + rows), desk: desk)
        // Each earlier row's summary holds a line break, so row 4 starts on line 6 of the file.
        #expect(plan.problems.map(\.row) == [4])
        #expect(plan.problems.first?.column == "victim_dob")
        #expect(plan.problems.first?.message.contains("\"not a date\" is not a date") == true)
    }

    /// A cell no person typed (a NUL byte, a name of 100,000 characters, a 50 MB summary) is
    /// refused with its row and column, and nothing is imported.
    @Test func aCellBeyondWhatAFieldMayHoldIsNamedByRowAndColumn() {
        let desk = Desk.area()
        var rows = Self.rows(4, seed: 6, on: desk.today)
        rows[0][3] = "Alex\u{0}Example"
        rows[1][3] = String(repeating: "N", count: 100_000)
        rows[2][15] = String(repeating: "s", count: 50 << 20)
        let plan = Self.plan(Spreadsheet.excel([Self.header] + rows), desk: desk)
        #expect(!plan.canImport)
        let places = plan.problems.map { "\($0.row) \($0.column ?? "-")" }
        #expect(places.contains("2 victim_name") && places.contains("3 victim_name"), "\(places)")
        #expect(plan.problems.contains { $0.row == 4 && $0.message.contains("summary") && $0.message.contains("20000") },
                "\(plan.problems.map(\.description))")
        #expect(plan.problems.first { $0.row == 2 }?.message.contains("U+0000") == true)
    }

    @Test func importingTheSameFileAgainAddsNothing() {
        var desk = Desk.area()
        let file = Spreadsheet.excel([Self.header] + Self.rows(15, seed: 5, on: desk.today))
        desk.must(Self.plan(file, desk: desk).command)
        let again = Self.plan(file, desk: desk)
        #expect(again.referrals.isEmpty)
        #expect(again.alreadyImported.count == 15)
        #expect(again.problems.isEmpty)
        #expect(!again.canImport)
        #expect(desk.state.referrals.count == 15)
    }

    @Test func theSameReferenceTwiceInOneFileIsAProblemOnTheSecond() {
        let desk = Desk.area()
        var rows = Self.rows(4, seed: 6, on: desk.today)
        rows[3][0] = rows[1][0].lowercased()
        let plan = Self.plan(Spreadsheet.excel([Self.header] + rows), desk: desk)
        #expect(plan.problems.map(\.row) == [5])
        #expect(plan.problems.first?.message.contains("row 3") == true)
    }

    @Test func aFileThatIsNotUTF8IsRefusedNamingTheLine() {
        let desk = Desk.area()
        var data = Data("reference,referral_date,referring_agency,victim_name,victim_dob\r\nW-1,01/03/2026,Testshire Police,Zo".utf8)
        data.append(0xEB) // ë in Windows-1252
        data.append(Data(" Varga,01/01/1990\r\n".utf8))
        let plan = Self.plan(data, desk: desk)
        #expect(plan.problems.count == 1)
        #expect(plan.problems[0].message.contains("not UTF-8 from line 2"))
        // Issue 20, 7: the likely encoding is named, and how to save it in more than Excel.
        #expect(plan.problems[0].message.contains("Windows-1252") && plan.problems[0].message.contains("LibreOffice Calc"))
        #expect(!plan.problems[0].message.contains("referrals.csv"), "the file is named once, by the line's prefix")
        let utf16 = Self.plan(Data([0xFF, 0xFE]) + "reference".data(using: .utf16LittleEndian)!, desk: desk)
        #expect(utf16.problems.first?.message.contains("UTF-16") == true)
    }

    /// Issue 20, 7: a workbook imported as it is (.xlsx, .ods, .xls) is named as one, with how
    /// to save it as CSV, not taken for text that is not UTF-8.
    @Test(arguments: [[0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1]] as [[UInt8]])
    func aWorkbookIsNamedAsOneWithHowToSaveItAsCSV(magic: [UInt8]) {
        let plan = Self.plan(Data(magic + Array(repeating: 0x9C, count: 40)), desk: Desk.area())
        #expect(plan.problems.count == 1)
        #expect(plan.problems.first?.message.contains("spreadsheet workbook (.xlsx, .xls or .ods), not CSV") == true, "\(plan.problems)")
        #expect(plan.problems.first?.message.contains("CSV UTF-8") == true)
    }

    @Test func anUnknownAgencyIsRefusedUnlessAgenciesMayBeCreated() {
        var desk = Desk.area()
        var rows = Self.rows(3, seed: 7, on: desk.today)
        rows[0][2] = "Eastfold Women's Refuge"
        rows[2][2] = "Eastfold Women's Refuge"
        let refused = Self.plan(Spreadsheet.excel([Self.header] + rows), desk: desk)
        #expect(refused.problems.map(\.row) == [2, 4])
        #expect(refused.problems.allSatisfy { $0.message.contains("--create-agencies") })

        let created = Self.plan(Spreadsheet.excel([Self.header] + rows), desk: desk, createAgencies: true)
        #expect(created.problems.isEmpty, "\(created.problems)")
        #expect(created.newAgencies == [NewAgency(name: "Eastfold Women's Refuge", kind: .specialistDAService)])
        desk.must(created.command)
        let refuge = try! #require(desk.state.agency(named: "Eastfold Women's Refuge"))
        #expect(desk.state.referrals.filter { $0.details.agency == refuge.id }.count == 2)
    }

    @Test func aVictimWhoMatchesAnEarlierCaseIsFlaggedAsAPossibleRepeat() throws {
        var desk = Desk.area()
        let meeting = desk.must(.scheduleMeeting(date: desk.today.adding(days: 14), startTime: "10:00", venue: "Room 1", chair: "DI Test"))
        guard case .meetingScheduled(let m) = meeting[0] else { return }
        let earlier = Self.rows(1, seed: 8, on: desk.today, prefix: "OLD")
        desk.must(Self.plan(Spreadsheet.excel([Self.header] + earlier), desk: desk).command)
        desk.must(.acceptReferral(desk.state.referrals[0].id, onto: m.id))
        desk.today = desk.today.adding(days: 30)
        var again = Self.rows(2, seed: 9, on: desk.today, prefix: "NEW")
        again[1][3] = earlier[0][3]
        again[1][4] = earlier[0][4]
        let plan = Self.plan(Spreadsheet.excel([Self.header] + again), desk: desk)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        #expect(plan.possibleRepeats.count == 1)
        #expect(plan.possibleRepeats.first?.row == 3)
        #expect(plan.possibleRepeats.first?.cases == [desk.state.cases[0].id])
    }

    @Test func progressIsReportedForEveryRowChecked() {
        let desk = Desk.area()
        var importer = ReferralImporter(state: desk.state, today: desk.today, actor: desk.actor)
        let seen = Counter()
        importer.progress = { done, total in seen.record(done, total) }
        _ = importer.plan(Spreadsheet.excel([Self.header] + Self.rows(25, seed: 10, on: desk.today)), fileName: "r.csv")
        #expect(seen.values.map(\.0) == Array(1...25))
        #expect(seen.values.allSatisfy { $0.1 == 25 })
    }

    /// The core refuses an import with any bad referral whole: nothing of it is applied.
    @Test func anImportIsOneChangeAllOrNothing() {
        var desk = Desk.area()
        var referrals = Self.plan(Spreadsheet.excel([Self.header] + Self.rows(5, seed: 11, on: desk.today)), desk: desk).referrals
        referrals[3].victim.name = " "
        let before = desk.state
        #expect(throws: DomainError.self) { try desk.run(.importReferrals(newAgencies: [], referrals: referrals)) }
        #expect(desk.state == before)
    }
}

struct ImportProblemPlace: Hashable {
    var row: Int
    var column: String
}

final class Counter: @unchecked Sendable {
    var values: [(Int, Int)] = []
    func record(_ a: Int, _ b: Int) { values.append((a, b)) }
}

/// Files from spreadsheets set up for other countries and programs.
@Suite struct SpreadsheetDialectTests {
    @Test func semicolonAndTabSeparatedFilesAreReadAsWell() {
        let desk = Desk.area()
        let rows = ReferralImportTests.rows(4, seed: 12, on: desk.today)
        let comma = ReferralImportTests.plan(Spreadsheet.excel([ReferralImportTests.header] + rows), desk: desk)
        for separator in [";", "\t"] {
            let text = ([ReferralImportTests.header] + rows).map { row in
                row.map { $0.contains(where: { "\"\n;\t".contains($0) }) ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                    .joined(separator: separator)
            }.joined(separator: "\r\n")
            let plan = ReferralImportTests.plan(Data(text.utf8), desk: desk)
            #expect(plan.problems.isEmpty, "\(separator): \(plan.problems)")
            #expect(plan.referrals == comma.referrals)
        }
    }

    @Test func excelsSepLineIsObeyedAndNotTakenForTheHeader() {
        let desk = Desk.area()
        let text = "sep=;\r\nreference;referral_date;referring_agency;victim_name;victim_dob;dash_score\r\nS-1;01/03/2026;Testshire Police;Mårten Kessler;02/01/1979;17\r\n"
        let plan = ReferralImportTests.plan(Data(text.utf8), desk: desk)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        #expect(plan.referrals.first?.victim.name == "Mårten Kessler")
        #expect(plan.referrals.first?.receivedOn == Day(year: 2026, month: 3, day: 1))
    }
}
