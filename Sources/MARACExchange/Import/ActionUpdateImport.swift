import Foundation
import MARACCore

/// What importing an agency's returned action list would do, worked out before anything is
/// written.
public struct ActionUpdatePlan: Sendable {
    public var fileName: String
    public var rows = 0
    public var agency: AgencyID?
    /// The reports to record, one per filled row.
    public var lines: [ActionReportLine] = []
    /// Rows whose report the store already has (the same file imported again).
    public var alreadyRecorded: [Int] = []
    /// Rows with nothing reported (both columns empty): left as they are.
    public var unchanged = 0
    public var unknownColumns: [String] = []
    public var problems: [ImportProblem] = []

    public var command: Command { .recordActionReports(source: fileName, lines) }
}

/// Reads the action list an agency sends back (`marac export actions`, filled in with Excel or
/// LibreOffice): `action` and `reported_status` or `reported_note`, with `reported_on` and
/// `agency` when present; every other column the export wrote is ignored. Status words are
/// read as an agency would write them ("Completed", "in hand", "N/A - moved away").
public struct ActionUpdateImporter {
    public var state: MARACState
    public var context: DecisionContext
    /// The agency that sent the file, when the user names it.
    public var agency: AgencyID?

    public init(state: MARACState, context: DecisionContext, agency: AgencyID? = nil) {
        self.state = state
        self.context = context
        self.agency = agency
    }

    static let names: [String: [String]] = [
        "action": ["action id", "action_id", "id", "action ref", "action number", "ref"],
        "reported_status": ["reported status", "new status", "status update", "agency status", "update status", "progress status"],
        "reported_note": ["reported note", "update", "progress", "progress note", "comments", "comment", "notes", "agency update", "update note"],
        "reported_on": ["reported on", "date reported", "update date", "date of update", "date updated", "reported date"],
        "agency": ["agency name", "owner agency", "agency responsible"],
    ]
    static let exported = ["case", "meeting", "meeting_date", "owner", "description", "due", "status", "overdue", "last_update"]

    /// The status an agency's words mean, or nil.
    public static func status(from words: String) -> ActionStatus? {
        let k = ReturnedSheet.key(words)
        let done = ["done", "complete", "completed", "finished", "closed", "achieved", "actioned", "yes", "y", "met"]
        let open = ["inprogress", "progress", "ongoing", "open", "started", "underway", "pending", "inhand", "wip", "continuing", "notyet", "notyetdone"]
        let notPossible = ["notpossible", "notpossiblecircumstanceschanged", "circumstanceschanged", "unable", "cannot", "cantbedone",
                           "impossible", "na", "notapplicable", "nolongerneeded", "nolongerrequired", "nolongerapplicable"]
        let notDone = ["notdone", "notdonebytheagency", "notcompleted", "notcomplete", "incomplete", "no", "n", "failed", "notactioned", "missed"]
        for (words, status) in [(done, ActionStatus.done), (open, .open), (notPossible, .notPossible), (notDone, .notDone)] {
            if words.contains(k) { return status }
        }
        // "N/A - moved away", "Completed 12/3": the first words decide.
        if words.trimmingSpaces().lowercased().hasPrefix("n/a") { return .notPossible }
        for (words, status) in [(notPossible, ActionStatus.notPossible), (notDone, .notDone), (open, .open), (done, .done)] {
            if words.contains(where: { $0.count >= 4 && k.hasPrefix($0) }) { return status }
        }
        return nil
    }

    public func plan(_ data: Data, fileName: String) -> ActionUpdatePlan {
        var plan = ActionUpdatePlan(fileName: fileName)
        let sheet: ReturnedSheet
        switch ReturnedSheet.read(data, fileName: fileName, names: Self.names, known: Self.exported, required: ["action"]) {
        case .success(let s): sheet = s
        case .failure(let p):
            plan.problems.append(p)
            return plan
        }
        plan.unknownColumns = sheet.unknownColumns
        if sheet.columns["reported_status"] == nil && sheet.columns["reported_note"] == nil {
            plan.problems.append(ImportProblem(row: sheet.file.headerRow, column: nil,
                                               message: "required column missing: reported_status or reported_note (what the agency reports)"))
            return plan
        }
        // Each filled row's action, with the row's agency cell.
        var filled: [(row: Int, action: Action, status: ActionStatus, note: String, on: Day)] = []
        var rowAgencies: [(row: Int, text: String)] = []
        for (number, cells) in sheet.file.rows {
            if cells.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            plan.rows += 1
            let statusText = sheet.cell("reported_status", cells), note = sheet.cell("reported_note", cells)
            if statusText.isEmpty && note.isEmpty {
                plan.unchanged += 1
                continue
            }
            let idText = sheet.cell("action", cells)
            guard let id = ActionID(parsing: idText), let action = state.action(id) else {
                plan.problems.append(ImportProblem(row: number, column: "action", message: idText.isEmpty ? "is empty" : "\"\(idText)\" is not an action of this store (actions read A-0042)"))
                continue
            }
            // A note alone is a progress note: the status stays as it is.
            var status = action.status
            if !statusText.isEmpty {
                guard let s = Self.status(from: statusText) else {
                    plan.problems.append(ImportProblem(row: number, column: "reported_status",
                                                       message: "\"\(statusText)\" is not a status; write done, in progress, not possible or not done"))
                    continue
                }
                status = s
            }
            var day = context.today
            let dayText = sheet.cell("reported_on", cells)
            if !dayText.isEmpty {
                guard let d = DayParsing.parse(dayText, today: context.today, kind: .event) else {
                    plan.problems.append(ImportProblem(row: number, column: "reported_on", message: "\"\(dayText)\" is not a date (31/03/2026 or 2026-03-31)"))
                    continue
                }
                day = d
            }
            rowAgencies.append((number, sheet.cell("agency", cells)))
            filled.append((number, action, status, note, day))
        }
        // Rows that read well are checked against the record too, so every problem shows at once.
        let sender: AgencyID
        switch ReturnedSheet.sender(named: agency, rowAgencies: rowAgencies, recordAgencies: Array(Set(filled.map(\.action.agency))), state: state) {
        case .success(let a): sender = a
        case .failure(let p):
            plan.problems.append(p)
            return plan
        }
        plan.agency = sender
        let fields = ["action": "action", "reported_on": "reported_on", "reported_note": "reported_note", "date": "reported_on"]
        var seen: [ActionID: Int] = [:]
        for row in filled {
            if let first = seen[row.action.id] {
                plan.problems.append(ImportProblem(row: row.row, column: "action", message: "\(row.action.id) is reported again (first in row \(first)); keep one row for it"))
                continue
            }
            seen[row.action.id] = row.row
            let line = ActionReportLine(action: row.action.id, agency: sender, status: row.status, note: row.note, on: row.on)
            do {
                _ = try state.decide(.recordActionReports(source: fileName, [line]), context: context)
                plan.lines.append(line)
            } catch .nothingToRecord {
                plan.alreadyRecorded.append(row.row)
            } catch {
                plan.problems.append(ReturnedSheet.problem(error, row: row.row, columns: fields))
            }
        }
        return plan
    }
}
