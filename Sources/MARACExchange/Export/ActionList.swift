import Foundation
import MARACCore

/// The action list sent to agencies to report against before the next meeting: one row per
/// action, with empty `reported_status` and `reported_note` columns for the agency to fill in.
public struct ActionList {
    public enum Format: String, CaseIterable, Sendable { case csv, table, json }

    public var state: MARACState
    public var today: Day
    public var agency: AgencyID?
    /// Closed actions as well as open ones.
    public var includeClosed = false

    public init(state: MARACState, today: Day, agency: AgencyID? = nil, includeClosed: Bool = false) {
        self.state = state
        self.today = today
        self.agency = agency
        self.includeClosed = includeClosed
    }

    public var actions: [Action] {
        var filter = ActionFilter(agency: agency)
        if !includeClosed { filter.status = .open }
        return state.actions(matching: filter).sorted { (state.agency($0.agency)?.name ?? "", $0.due, $0.id) < (state.agency($1.agency)?.name ?? "", $1.due, $1.id) }
    }

    public var cases: [CaseID] { Array(Set(actions.map(\.caseID))).sorted() }

    static let headers = ["action", "case", "meeting", "meeting_date", "agency", "owner", "description", "due", "status",
                          "overdue", "last_update", "reported_status", "reported_note"]

    func row(_ a: Action) -> [String] {
        [a.id.description, a.caseID.description, a.meeting.description, state.meeting(a.meeting)?.date.iso ?? "",
         state.agency(a.agency)?.name ?? "", a.owner, a.description, a.due.iso, a.status.rawValue,
         a.isOverdue(on: today) ? "yes" : "no", a.latestUpdate.map { "\($0.on.iso): \($0.note)" } ?? "", "", ""]
    }

    public func render(_ format: Format) -> String {
        let actions = self.actions
        switch format {
        case .csv:
            // Sent to agencies, opened in Excel, filled in and sent back: marked as UTF-8.
            return CSVText.render(headers: Self.headers, rows: actions.map(row), byteOrderMark: true)
        case .json:
            return JSONOutput.render(actions.map { ActionRecord($0, state, today: today) })
        case .table:
            let table = TextTable(headers: ["Action", "Case", "Agency", "Owner", "Due", "Status", "Description"],
                                  rows: actions.map { [$0.id.description, $0.caseID.description, state.agency($0.agency)?.name ?? "", $0.owner,
                                                       $0.due.iso + ($0.isOverdue(on: today) ? " !" : ""), $0.status.rawValue, $0.description] })
            return table.render() + "\(actions.count) action\(actions.count == 1 ? "" : "s")\(includeClosed ? "" : " open")\n"
        }
    }
}
