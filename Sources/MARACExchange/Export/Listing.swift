import Foundation
import MARACCore

/// `marac list`: the store's records for scripts and people. JSON is a top-level array of
/// objects, each with an `id`; the fields are documented in Docs/cli.md and scripts may rely
/// on them.
public enum Listing {
    public enum Kind: String, CaseIterable, Sendable {
        case referrals, cases, meetings, actions, agenda
    }

    public enum Format: String, CaseIterable, Sendable {
        case table, csv, json
    }

    public struct Options: Sendable {
        public var today: Day
        /// Actions: only those past their due date and still open. Cases: only cases with one.
        public var overdue = false
        /// Referrals and cases: the referring agency; actions: the owner agency.
        public var agency: AgencyID?
        /// The agenda: this meeting's (else the next one's).
        public var meeting: MeetingID?

        public init(today: Day, overdue: Bool = false, agency: AgencyID? = nil, meeting: MeetingID? = nil) {
            self.today = today
            self.overdue = overdue
            self.agency = agency
            self.meeting = meeting
        }
    }

    public static func render(_ kind: Kind, state: MARACState, options: Options, format: Format) -> String {
        let records = self.records(kind, state: state, options: options)
        switch format {
        case .json:
            return records.json()
        case .csv:
            let columns = self.columns(kind)
            let flat = records.flat
            return CSVText.render(headers: columns, rows: flat.map { r in columns.map { r[$0] ?? "" } })
        case .table:
            let columns = self.tableColumns(kind)
            let flat = records.flat
            let table = TextTable(headers: columns.map(\.1), rows: flat.map { r in columns.map { r[$0.0] ?? "" } })
            return table.render() + "\(flat.count) \(kind.rawValue)\n"
        }
    }

    /// The records of one kind, typed.
    public enum Records: Sendable {
        case referrals([ReferralRecord])
        case cases([CaseRecord])
        case meetings([MeetingRecord])
        case actions([ActionRecord])
        case agenda([AgendaSectionRecord])

        public func json() -> String {
            switch self {
            case .agenda(let r): JSONOutput.render(r)
            case .referrals(let r): JSONOutput.render(r)
            case .cases(let r): JSONOutput.render(r)
            case .meetings(let r): JSONOutput.render(r)
            case .actions(let r): JSONOutput.render(r)
            }
        }

        /// Flattened to text, for tables and CSV.
        public var flat: [[String: String]] {
            switch self {
            case .agenda(let r): r.flatMap(\.flat)
            case .referrals(let r): r.map(\.flat)
            case .cases(let r): r.map(\.flat)
            case .meetings(let r): r.map(\.flat)
            case .actions(let r): r.map(\.flat)
            }
        }
    }

    static func columns(_ kind: Kind) -> [String] {
        switch kind {
        case .referrals: ["id", "reference", "date", "agency", "criteria", "repeat", "repeat_of", "status", "victim_name", "victim_dob", "risk_tool", "risk_score", "children", "victim_gender", "victim_ethnicity", "victim_disability", "victim_lgbt", "perpetrators", "repeat_candidates"]
        case .cases: ["id", "referral", "reference", "victim_name", "victim_dob", "risk_tool", "risk_score", "risk_band", "repeat_of", "status", "meeting", "accepted", "children", "transferred_in_from", "transferred_out_to", "agency", "referred", "victim_gender", "victim_ethnicity", "victim_disability", "victim_lgbt", "perpetrators"]
        case .meetings: ["id", "date", "time", "venue", "chair", "status", "cases", "case_list_frozen", "heard"]
        case .actions: ["id", "case", "meeting", "agency", "owner", "description", "due", "status", "overdue", "closed_on", "reported"]
        case .agenda: ["meeting", "section", "id", "text", "case", "victim", "due", "window_ended", "repeat_of", "children"]
        }
    }

    static func tableColumns(_ kind: Kind) -> [(String, String)] {
        switch kind {
        case .referrals: [("id", "Id"), ("reference", "Reference"), ("date", "Received"), ("agency", "Agency"), ("victim_name", "Victim"),
                          ("criteria", "Criteria"), ("risk_score", "Score"), ("status", "Status")]
        case .cases: [("id", "Id"), ("victim_name", "Victim"), ("victim_dob", "Born"), ("risk_score", "Score"), ("repeat_of", "Repeat of"),
                      ("status", "Status"), ("meeting", "Meeting")]
        case .meetings: [("id", "Id"), ("date", "Date"), ("time", "Time"), ("venue", "Venue"), ("chair", "Chair"), ("status", "Status"), ("cases", "Cases")]
        case .actions: [("id", "Id"), ("case", "Case"), ("agency", "Agency"), ("due", "Due"), ("status", "Status"), ("description", "Description")]
        case .agenda: [("section", "Section"), ("id", "Id"), ("text", "Line")]
        }
    }

    public static func records(_ kind: Kind, state: MARACState, options: Options) -> Records {
        switch kind {
        case .referrals:
            return .referrals(state.referrals.filter { options.agency == nil || $0.details.agency == options.agency }.map { ReferralRecord($0, state) })
        case .cases:
            return .cases(state.cases.filter { c in
                if let agency = options.agency, state.referral(of: c)?.details.agency != agency { return false }
                if options.overdue && !state.actions(of: c.id).contains(where: { $0.isOverdue(on: options.today) }) { return false }
                return true
            }.map { CaseRecord($0, state) })
        case .meetings:
            return .meetings(state.meetings.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.map(MeetingRecord.init))
        case .actions:
            let filter = ActionFilter(agency: options.agency, overdueOn: options.overdue ? options.today : nil)
            return .actions(state.actions(matching: filter).map { ActionRecord($0, state, today: options.today) })
        case .agenda:
            guard let m = options.meeting.flatMap(state.meeting) ?? state.nextMeeting(onOrAfter: options.today) else { return .agenda([]) }
            return .agenda(AgendaSectionRecord.sections(of: m, state: state, today: options.today))
        }
    }
}
