import Foundation
import MARACCore

/// What importing an agency's returned research sheet would do, worked out before anything
/// is written.
public struct ResearchPlan: Sendable {
    public var fileName: String
    public var rows = 0
    public var agency: AgencyID?
    public var lines: [ResearchLine] = []
    /// Rows the store already has as they are (the same file imported again).
    public var alreadyRecorded: [Int] = []
    /// Rows the agency left empty: no return for that case yet.
    public var notAnswered = 0
    public var unknownColumns: [String] = []
    public var problems: [ImportProblem] = []

    public var command: Command? { agency.map { .importResearch(source: fileName, agency: $0, lines) } }
}

/// Reads the research sheet an agency sends back (`marac export research`): `case` and what it
/// found (`known_to_agency`, `information_to_share`, `risks`, `last_contact`), with
/// `received` and `agency` when present. A row with any answer ticks the agency's return for
/// that case; an empty one is not a return.
public struct ResearchImporter {
    public var state: MARACState
    public var context: DecisionContext
    public var agency: AgencyID?

    public init(state: MARACState, context: DecisionContext, agency: AgencyID? = nil) {
        self.state = state
        self.context = context
        self.agency = agency
    }

    static let names: [String: [String]] = [
        "case": ["case id", "case_id", "case ref", "marac case", "case number"],
        "known_to_agency": ["known", "known to agency", "known to you", "known to service", "open to agency", "known?"],
        "information_to_share": ["information", "information to share", "info", "info to share", "findings", "research", "details"],
        "risks": ["risk", "risks identified", "risk information", "concerns"],
        "last_contact": ["last contact", "date of last contact", "last contact date", "contact date", "last seen"],
        "received": ["date returned", "returned on", "research date", "date completed"],
        "agency": ["agency name", "researched by"],
    ]
    static let exported = ["meeting", "meeting_date", "victim_name", "victim", "also_known_as", "victim_born", "address", "perpetrator",
                           "perpetrator_born", "relationship", "children", "referred_by", "repeat_of"]

    static func known(_ text: String) -> YesNoUnknown? {
        switch ReturnedSheet.key(text) {
        case "yes", "y", "known", "open", "current", "previously", "yesknown", "previouslyknown", "true": .yes
        case "no", "n", "notknown", "unknown", "none", "nk", "nil", "false", "norecord", "norecords": .no
        case "": .notKnown
        default: nil
        }
    }

    public func plan(_ data: Data, fileName: String) -> ResearchPlan {
        var plan = ResearchPlan(fileName: fileName)
        let sheet: ReturnedSheet
        switch ReturnedSheet.read(data, fileName: fileName, names: Self.names, known: Self.exported, required: ["case"]) {
        case .success(let s): sheet = s
        case .failure(let p):
            plan.problems.append(p)
            return plan
        }
        plan.unknownColumns = sheet.unknownColumns
        let answers = ["known_to_agency", "information_to_share", "risks", "last_contact"]
        guard answers.contains(where: { sheet.columns[$0] != nil }) else {
            plan.problems.append(ImportProblem(row: sheet.file.headerRow, column: nil,
                                               message: "required columns missing: at least one of \(answers.joined(separator: ", ")) (what the agency found)"))
            return plan
        }
        var filled: [(row: Int, line: ResearchLine)] = []
        var rowAgencies: [(row: Int, text: String)] = []
        for (number, cells) in sheet.file.rows {
            if cells.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            plan.rows += 1
            let knownText = sheet.cell("known_to_agency", cells), info = sheet.cell("information_to_share", cells)
            let risks = sheet.cell("risks", cells), contactText = sheet.cell("last_contact", cells)
            if knownText.isEmpty && info.isEmpty && risks.isEmpty && contactText.isEmpty {
                plan.notAnswered += 1
                continue
            }
            let idText = sheet.cell("case", cells)
            guard let id = CaseID(parsing: idText), state.case(id) != nil else {
                plan.problems.append(ImportProblem(row: number, column: "case", message: idText.isEmpty ? "is empty" : "\"\(idText)\" is not a case of this store (cases read C-0042)"))
                continue
            }
            guard let known = Self.known(knownText) else {
                plan.problems.append(ImportProblem(row: number, column: "known_to_agency", message: "\"\(knownText)\" is not yes or no"))
                continue
            }
            func day(_ column: String) -> Day?? {
                let text = sheet.cell(column, cells)
                if text.isEmpty { return .some(nil) }
                guard let d = DayParsing.parse(text, today: context.today, kind: .event) else {
                    plan.problems.append(ImportProblem(row: number, column: column, message: "\"\(text)\" is not a date (31/03/2026 or 2026-03-31)"))
                    return nil
                }
                return .some(d)
            }
            guard let contact = day("last_contact"), let received = day("received") else { continue }
            rowAgencies.append((number, sheet.cell("agency", cells)))
            filled.append((number, ResearchLine(caseID: id, known: known, information: info, risks: risks, lastContact: contact,
                                                receivedOn: received ?? context.today)))
        }
        // Rows that read well are checked against the record too, so every problem shows at once.
        let sender: AgencyID
        switch ReturnedSheet.sender(named: agency, rowAgencies: rowAgencies, recordAgencies: [], state: state) {
        case .success(let a): sender = a
        case .failure(let p):
            plan.problems.append(p)
            return plan
        }
        plan.agency = sender
        let fields = ["case": "case", "received": "received", "last_contact": "last_contact"]
        var seen: [CaseID: Int] = [:]
        for (row, line) in filled {
            if let first = seen[line.caseID] {
                plan.problems.append(ImportProblem(row: row, column: "case", message: "\(line.caseID) is in the file again (first in row \(first)); keep one row for it"))
                continue
            }
            seen[line.caseID] = row
            do {
                _ = try state.decide(.importResearch(source: fileName, agency: sender, [line]), context: context)
                plan.lines.append(line)
            } catch .nothingToRecord {
                plan.alreadyRecorded.append(row)
            } catch {
                plan.problems.append(ReturnedSheet.problem(error, row: row, columns: fields))
            }
        }
        return plan
    }
}
