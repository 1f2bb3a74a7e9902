import CSV
import Foundation
import MARACCore

/// A problem with an import, where the spreadsheet shows it: row (as the spreadsheet numbers
/// rows, the header being row 1), column, and what is wrong.
public struct ImportProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// 0 for a problem with the file as a whole.
    public var row: Int
    public var column: String?
    public var message: String

    public var description: String {
        var place = row > 0 ? "row \(row)" : "file"
        if let column { place += ", \(column)" }
        return "\(place): \(message)"
    }
}

/// What importing a file would do, worked out before anything is written.
public struct ImportPlan: Sendable {
    public var fileName: String
    public var rows = 0
    public var referrals: [ReferralDetails] = []
    /// References already in the store: importing the same file again adds nothing.
    public var alreadyImported: [String] = []
    public var newAgencies: [NewAgency] = []
    public var unknownColumns: [String] = []
    /// Rows whose victim matches an earlier case: flagged in the triage queue as in triage, for
    /// the admin to link or not. (row, reference, cases).
    public var possibleRepeats: [(row: Int, reference: String, cases: [CaseID])] = []
    public var problems: [ImportProblem] = []
    /// Cells whose year has two digits, with the day each was read as: said, so that a
    /// `1/3/30` read as 1930 can be checked.
    public var twoDigitYears: [(row: Int, column: String, text: String, readAs: Day)] = []

    public var canImport: Bool { problems.isEmpty && !referrals.isEmpty }

    /// The one command that imports everything, all or nothing.
    public var command: Command { .importReferrals(newAgencies: newAgencies, referrals: referrals) }
}

/// Reads a referrals spreadsheet exported as CSV (from Excel, LibreOffice or anything else):
/// UTF-8 with or without a byte-order mark, CRLF or LF, RFC 4180 quoting. Every row is checked
/// (by the same rules as a referral typed in) before anything is saved, and every problem is
/// reported at once.
public struct ReferralImporter {
    public var state: MARACState
    public var today: Day
    public var actor: Actor
    /// Add agencies the file names that the store does not have, instead of refusing the rows.
    public var createAgencies = false
    /// Called as rows are checked: (checked, total).
    public var progress: ((Int, Int) -> Void)?

    public init(state: MARACState, today: Day, actor: Actor) {
        self.state = state
        self.today = today
        self.actor = actor
    }

    public func plan(_ data: Data, fileName: String) -> ImportPlan {
        var plan = ImportPlan(fileName: fileName)
        let file: SpreadsheetFile
        switch SpreadsheetFile.read(data, fileName: fileName) {
        case .success(let f): file = f
        case .failure(let problem):
            plan.problems.append(problem)
            return plan
        }
        let hintLine = file.headerRow == 2
        let header = file.header
        var columns: [ImportColumn: Int] = [:]
        for (i, name) in header.enumerated() {
            let trimmed = name.trimmingSpaces()
            guard !trimmed.isEmpty else { continue }
            guard let column = ImportColumn.match(trimmed) else {
                // A column must never vanish in silence: one that looks like a known column is
                // refused with the name marac reads; only an unrelated one is ignored.
                if let meant = ImportColumn.resembling(trimmed), !header.contains(where: { ImportColumn.match($0.trimmingSpaces()) == meant }) {
                    plan.problems.append(ImportProblem(row: hintLine ? 2 : 1, column: trimmed, message: "marac does not know this heading; "
                        + "did you mean \(meant.name)? Rename it (Docs/import.md lists the names marac reads), or remove the column"))
                } else {
                    plan.unknownColumns.append(trimmed)
                }
                continue
            }
            if let earlier = columns[column] {
                plan.problems.append(ImportProblem(row: hintLine ? 2 : 1, column: trimmed,
                                                   message: "the column \(column.name) appears twice (columns \(earlier + 1) and \(i + 1))"))
            }
            columns[column] = i
        }
        let missing = ImportColumn.required.filter { columns[$0] == nil }
        if !missing.isEmpty {
            // A title ("Northbridge MARAC referrals, November") or blank rows above the headings
            // is the usual cause: say where the headings are rather than that they are missing.
            if let headings = file.rows.prefix(6).first(where: { row in
                let found = Set(row.cells.compactMap { ImportColumn.match($0.trimmingSpaces()) })
                return ImportColumn.required.allSatisfy(found.contains)
            }) {
                let above = headings.number - file.headerRow
                // What was said of the title's cells as headings is beside the point.
                plan.problems.removeAll { $0.row == file.headerRow }
                plan.unknownColumns = []
                plan.problems.append(ImportProblem(row: file.headerRow, column: nil, message: "row \(file.headerRow) should be the headings, "
                    + "but they are on row \(headings.number): delete the \(above == 1 ? "row" : "\(above) rows") above them (a title or blank "
                    + "row\(above == 1 ? "" : "s")) and save the file again"))
                return plan
            }
            plan.problems.append(ImportProblem(row: hintLine ? 2 : 1, column: nil,
                                               message: "required column\(missing.count == 1 ? "" : "s") missing: \(missing.map(\.name).joined(separator: ", "))"))
            return plan
        }
        let records = file.rows.map(\.cells)
        plan.rows = records.count
        var scratch = state
        let stamp = Stamp(actor: actor.name, at: Instant.noon(of: today))
        var referencesInFile: [String: Int] = [:]
        var agencyIDs: [String: AgencyID] = [:]
        for (i, record) in records.enumerated() {
            let rowNumber = i + 2 + (hintLine ? 1 : 0)
            progress?(i + 1, records.count)
            if record.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            if record.count > header.count, record[header.count...].contains(where: { !$0.trimmingSpaces().isEmpty }) {
                plan.problems.append(ImportProblem(row: rowNumber, column: nil,
                                                   message: "it has \(record.count) cells but the header has \(header.count)"))
                continue
            }
            func cell(_ c: ImportColumn) -> String {
                guard let at = columns[c], at < record.count else { return "" }
                return record[at].trimmingSpaces()
            }
            var rowProblems: [ImportProblem] = []
            func problem(_ c: ImportColumn?, _ message: String) {
                rowProblems.append(ImportProblem(row: rowNumber, column: c?.name, message: message))
            }
            func value<T>(_ c: ImportColumn, _ parse: (String) -> Parsed<T>) -> T? {
                let text = cell(c)
                if text.isEmpty {
                    if c.isRequired { problem(c, "is empty") }
                    return nil
                }
                switch parse(text) {
                case .success(let v): return v
                case .failure(let p): problem(c, p.reason); return nil
                }
            }

            let reference = cell(.reference)
            if reference.isEmpty { problem(.reference, "is empty") }
            if state.referral(withReference: reference) != nil && !reference.isEmpty {
                plan.alreadyImported.append(reference)
                continue
            }
            if let first = referencesInFile[reference.uppercased()], !reference.isEmpty {
                problem(.reference, "\(reference) is already used on row \(first)")
            }
            referencesInFile[reference.uppercased()] = rowNumber
            /// A date cell, its two-digit year read by the rule for what it is, and noted.
            func date(_ c: ImportColumn, _ kind: DayParsing.Kind) -> Day? {
                let d = value(c) { ImportValues.day($0, today: today, kind: kind) }
                if let d, DayParsing.hasTwoDigitYear(ImportValues.datePart(of: cell(c))) {
                    plan.twoDigitYears.append((rowNumber, c.name, cell(c), d))
                }
                return d
            }
            let received = date(.referralDate, .event)
            let victimBirth = date(.victimDOB, .birth)
            let agencyName = cell(.referringAgency)
            var agencyID: AgencyID?
            if agencyName.isEmpty {
                problem(.referringAgency, "is empty")
            } else if let known = scratch.agency(named: agencyName) ?? agencyIDs[NameFolding.fold(agencyName)].flatMap(scratch.agency) {
                agencyID = known.id
            } else if createAgencies {
                let kind = Self.guessKind(agencyName)
                plan.newAgencies.append(NewAgency(name: agencyName, kind: kind))
                if let events = try? scratch.decide(.registerAgency(name: agencyName, kind: kind, ispSignedOn: nil, representatives: []),
                                                    context: DecisionContext(actor: Actor(name: actor.name, role: .coordinator), now: stamp.at, today: today)),
                   case .agencyRegistered(let a)? = events.first {
                    scratch.apply(Change(stamp: stamp, events: events))
                    agencyIDs[NameFolding.fold(agencyName)] = a.id
                    agencyID = a.id
                }
            } else {
                problem(.referringAgency, Self.unknownAgency(agencyName, among: state.activeAgencies.map(\.name)))
            }
            var victim = Person(name: cell(.victimName), dateOfBirth: victimBirth)
            if victim.name.isEmpty { problem(.victimName, "is empty") }
            victim.gender = value(.victimGender, ImportValues.gender) ?? .notKnown
            if !cell(.victimAddress).isEmpty { victim.address = ImportValues.address(cell(.victimAddress)) }
            if let e = value(.victimEthnicity, ImportValues.ethnicity) {
                victim.diversity.ethnicity = e
                victim.diversity.ethnicityDetail = cell(.victimEthnicity)
            }
            victim.diversity.disability = value(.victimDisability, ImportValues.yesNoUnknown) ?? .notKnown
            victim.diversity.lgbt = value(.victimLGBT, ImportValues.yesNoUnknown) ?? .notKnown
            var perpetrators: [Perpetrator] = []
            let perpetratorName = cell(.perpetratorName)
            let perpetratorBirth = date(.perpetratorDOB, .birth)
            let relationship = value(.perpetratorRelationship, ImportValues.relationship) ?? .partner
            if !perpetratorName.isEmpty {
                perpetrators.append(Perpetrator(person: Person(name: perpetratorName, dateOfBirth: perpetratorBirth),
                                                relationship: relationship,
                                                relationshipDetail: relationship == .family ? cell(.perpetratorRelationship) : ""))
            } else if perpetratorBirth != nil {
                problem(.perpetratorName, "is empty but the perpetrator's date of birth is given")
            }
            let children = value(.childrenCount) { ImportValues.countOrNotKnown($0, maximum: 30) } ?? nil
            let dash = value(.dashScore) { ImportValues.count($0, maximum: RiskTool.dashRIC.maximumScore) }
            let merit = value(.meritScore) { ImportValues.count($0, maximum: RiskTool.merit.maximumScore) }
            let incidents = value(.escalationIncidents) { ImportValues.count($0, maximum: 1000) }
            let aware = value(.victimAware, ImportValues.yesNoUnknown) ?? .notKnown
            guard rowProblems.isEmpty, let received, let agencyID else {
                plan.problems += rowProblems
                continue
            }
            var assessment: RiskAssessment?
            if let dash, let tool = state.profile.riskTool(RiskTool.dashRIC.key) {
                assessment = .scored(tool, on: received, score: dash)
            } else if let merit, let tool = state.profile.riskTool(RiskTool.merit.key) {
                assessment = .scored(tool, on: received, score: merit)
            }
            let details = ReferralDetails(
                reference: reference, receivedOn: received, agency: agencyID, victim: victim, perpetrators: perpetrators,
                childrenCount: children, assessment: assessment, professionalJudgement: cell(.professionalJudgement),
                incidents: incidents.map { IncidentHistory(reportedCount: $0) }, victimAware: aware, summary: cell(.summary))
            // The same rules as a referral typed in, against the store with the rows before it.
            let context = DecisionContext(actor: actor, now: stamp.at, today: today)
            do {
                let candidates = scratch.repeatCandidates(for: details)
                let change = try scratch.change(for: .receiveReferral(details), context: context)
                scratch.apply(change)
                plan.referrals.append(details)
                if !candidates.isEmpty { plan.possibleRepeats.append((rowNumber, reference, candidates.map(\.caseID))) }
            } catch {
                let column = Self.column(for: error, dash: dash != nil)
                plan.problems.append(ImportProblem(row: rowNumber, column: column?.name, message: Self.reason(error, column: column)))
            }
        }
        return plan
    }

    /// The column a refusal from the core concerns.
    static func column(for error: DomainError, dash: Bool) -> ImportColumn? {
        switch error.field {
        case "reference"?: .reference
        case "referral date"?: .referralDate
        case "agency"?: .referringAgency
        case "victim name"?: .victimName
        case "victim date of birth"?: .victimDOB
        case "perpetrator 1 name"?: .perpetratorName
        case "perpetrator 1 date of birth"?: .perpetratorDOB
        case "risk score"?: dash ? .dashScore : .meritScore
        case "escalation incidents"?: .escalationIncidents
        case "children"?: .childrenCount
        default: nil
        }
    }

    /// The core's message without its field name when the column already names the place, and
    /// without the full stop that ends a sentence on its own.
    static func reason(_ error: DomainError, column: ImportColumn?) -> String {
        var text = error.message
        if column != nil, let field = error.field, text.hasPrefix(field + ": ") { text.removeFirst(field.count + 2) }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Why an agency name names none: the nearest names the store has ("did you mean"), or on a
    /// store with no agencies yet, how to add them; never a list of fifteen names, nor "(known: )".
    public static func unknownAgency(_ name: String, among names: [String]) -> String {
        let add = "add it with marac agency add, or import with --create-agencies"
        guard !names.isEmpty else { return "no agency called \"\(name)\": this store has no agencies yet; " + add }
        guard let options = nearestNames(to: name, among: names) else {
            return "no agency called \"\(name)\" (marac agency list names the \(names.count) there are); " + add
        }
        return "no agency called \"\(name)\"; did you mean \(options)? Otherwise " + add
    }

    /// Up to three names near `name` ("\"A\", \"B\" or \"C\""): a slip of a letter or two, or a
    /// name that holds it ("Police" in "Northbridge Police"); nil when none is near.
    public static func nearestNames(to name: String, among names: [String]) -> String? {
        let folded = NameFolding.fold(name)
        let scored = names.map { candidate -> (String, Int) in
            let other = NameFolding.fold(candidate)
            let within = folded.count >= 4 && (other.contains(folded) || folded.contains(other))
            return (candidate, within ? 0 : ImportColumn.editDistance(folded, other))
        }
        let near = scored.filter { $0.1 <= max(2, folded.count / 4) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map { "\"\($0.0)\"" }
        guard !near.isEmpty else { return nil }
        return near.count > 1 ? near.dropLast().joined(separator: ", ") + " or " + near.last! : near[0]
    }

    /// The kind of an agency the store does not know, from its name.
    static func guessKind(_ name: String) -> AgencyKind {
        let n = name.lowercased()
        let rules: [(String, AgencyKind)] = [
            ("police", .police), ("probation", .probation), ("idva", .idvaService), ("isva", .idvaService),
            ("children", .childrensSocialCare), ("adult social", .adultSocialCare), ("housing", .housing), ("homes", .housing),
            ("school", .education), ("education", .education), ("mental", .mentalHealth), ("drug", .substanceMisuse),
            ("alcohol", .substanceMisuse), ("substance", .substanceMisuse), ("recovery", .substanceMisuse),
            ("fire", .fireAndRescue), ("youth", .youthOffending), ("women's aid", .specialistDAService), ("refuge", .specialistDAService),
            ("domestic", .specialistDAService), ("gp", .health), ("hospital", .health), ("health", .health), ("nhs", .health),
            ("midwi", .health),
        ]
        return rules.first { n.contains($0.0) }?.1 ?? .other
    }
}
