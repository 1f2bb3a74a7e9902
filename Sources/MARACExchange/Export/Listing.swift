import Foundation
import MARACCore

/// `marac list`: the store's records for scripts and people. JSON is a top-level array of
/// objects, each with an `id`; the fields are documented in Docs/cli.md and scripts may rely
/// on them.
public enum Listing {
    public enum Kind: String, CaseIterable, Sendable {
        case referrals, cases, meetings, actions
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

        public init(today: Day, overdue: Bool = false, agency: AgencyID? = nil) {
            self.today = today
            self.overdue = overdue
            self.agency = agency
        }
    }

    public static func render(_ kind: Kind, state: MARACState, options: Options, format: Format) -> String {
        let records = self.records(kind, state: state, options: options)
        switch format {
        case .json:
            return JSONText.render(records.map(\.json))
        case .csv:
            let columns = self.columns(kind)
            return CSVText.render(headers: columns, rows: records.map { r in columns.map { r.flat[$0] ?? "" } })
        case .table:
            let columns = self.tableColumns(kind)
            let table = TextTable(headers: columns.map(\.1), rows: records.map { r in columns.map { r.flat[$0.0] ?? "" } })
            return table.render() + "\(records.count) \(kind.rawValue)\n"
        }
    }

    /// One record: as a JSON object, and flattened to text for tables and CSV.
    public struct Record {
        public var json: [String: Any]
        public var flat: [String: String]
    }

    static func columns(_ kind: Kind) -> [String] {
        switch kind {
        case .referrals: ["id", "reference", "date", "agency", "criteria", "repeat", "repeat_of", "status", "victim_name", "victim_dob", "risk_tool", "risk_score", "children"]
        case .cases: ["id", "referral", "reference", "victim_name", "victim_dob", "risk_tool", "risk_score", "risk_band", "repeat_of", "status", "meeting", "accepted", "children", "transferred_in_from", "transferred_out_to"]
        case .meetings: ["id", "date", "time", "venue", "chair", "status", "cases", "case_list_frozen"]
        case .actions: ["id", "case", "meeting", "agency", "owner", "description", "due", "status", "overdue", "closed_on"]
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
        }
    }

    public static func records(_ kind: Kind, state: MARACState, options: Options) -> [Record] {
        switch kind {
        case .referrals:
            return state.referrals.filter { options.agency == nil || $0.details.agency == options.agency }.map { referralRecord($0, state) }
        case .cases:
            return state.cases.filter { c in
                if let agency = options.agency, state.referral(of: c)?.details.agency != agency { return false }
                if options.overdue && !state.actions(of: c.id).contains(where: { $0.isOverdue(on: options.today) }) { return false }
                return true
            }.map { caseRecord($0, state) }
        case .meetings:
            return state.meetings.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.map { meetingRecord($0, state) }
        case .actions:
            let filter = ActionFilter(agency: options.agency, overdueOn: options.overdue ? options.today : nil)
            return state.actions(matching: filter).map { actionRecord($0, state, today: options.today) }
        }
    }

    static func null(_ value: Any?) -> Any { value ?? NSNull() }

    static func referralRecord(_ r: Referral, _ state: MARACState) -> Record {
        let d = r.details
        let criteria = state.criteria(of: r)
        let risk = state.riskScore(of: d)
        var json: [String: Any] = [
            "id": r.id.description, "reference": d.reference, "date": d.receivedOn.iso,
            "agency": state.agency(d.agency)?.name ?? d.agency.description, "criteria": criteria.keys,
            "repeat": r.repeatOf != nil, "repeat_of": null(r.repeatOf?.description), "status": r.status.key,
            "victim": ["name": d.victim.name, "dob": null(d.victim.dateOfBirth?.iso)] as [String: Any],
            "children": d.childrenInHousehold,
        ]
        json["risk"] = risk.map { ["tool": $0.tool.key, "score": $0.score] as [String: Any] } ?? NSNull()
        if case .accepted(let c) = r.status { json["case"] = c.description } else { json["case"] = NSNull() }
        let flat: [String: String] = [
            "id": r.id.description, "reference": d.reference, "date": d.receivedOn.iso, "agency": json["agency"] as! String,
            "criteria": criteria.keys.joined(separator: " "), "repeat": r.repeatOf != nil ? "true" : "false",
            "repeat_of": r.repeatOf?.description ?? "", "status": r.status.key, "victim_name": d.victim.name,
            "victim_dob": d.victim.dateOfBirth?.iso ?? "", "risk_tool": risk?.tool.key ?? "", "risk_score": risk.map { "\($0.score)" } ?? "",
            "children": "\(d.childrenInHousehold)",
        ]
        return Record(json: json, flat: flat)
    }

    static func caseRecord(_ c: Case, _ state: MARACState) -> Record {
        let r = state.referral(of: c)
        let d = r?.details
        let risk = d.flatMap { state.riskScore(of: $0) }
        let band = risk.flatMap { $0.tool.band(for: $0.score)?.name }
        let json: [String: Any] = [
            "id": c.id.description, "referral": c.referral.description, "reference": d?.reference ?? "",
            "victim": ["name": d?.victim.name ?? "", "dob": null(d?.victim.dateOfBirth?.iso)] as [String: Any],
            "risk": risk.map { ["tool": $0.tool.key, "score": $0.score, "band": null(band)] as [String: Any] } ?? NSNull(),
            "repeat_of": null(c.repeatOf?.description), "status": c.status.rawValue, "meeting": c.meeting.description,
            "accepted": c.acceptedOn.iso, "children": d?.childrenInHousehold ?? 0,
            "transferred_in_from": null(d?.transferredInFrom?.marac), "transferred_out_to": null(c.transferredOut?.marac),
            "repeat_window_ends": state.repeatWindowEnd(of: c).iso, "purged": c.purgedOn != nil,
        ]
        let flat: [String: String] = [
            "id": c.id.description, "referral": c.referral.description, "reference": d?.reference ?? "",
            "victim_name": d?.victim.name ?? "", "victim_dob": d?.victim.dateOfBirth?.iso ?? "", "risk_tool": risk?.tool.key ?? "",
            "risk_score": risk.map { "\($0.score)" } ?? "", "risk_band": band ?? "", "repeat_of": c.repeatOf?.description ?? "",
            "status": c.status.rawValue, "meeting": c.meeting.description, "accepted": c.acceptedOn.iso,
            "children": "\(d?.childrenInHousehold ?? 0)", "transferred_in_from": d?.transferredInFrom?.marac ?? "",
            "transferred_out_to": c.transferredOut?.marac ?? "",
        ]
        return Record(json: json, flat: flat)
    }

    static func meetingRecord(_ m: Meeting, _ state: MARACState) -> Record {
        let json: [String: Any] = [
            "id": m.id.description, "date": m.date.iso, "time": m.startTime, "venue": m.venue, "chair": m.chair,
            "status": m.status.rawValue, "cases": m.listedCases.count, "case_list_frozen": m.caseListFrozenAt != nil,
            "minutes_signed_off": m.minutesSignedOff != nil,
        ]
        let flat: [String: String] = [
            "id": m.id.description, "date": m.date.iso, "time": m.startTime, "venue": m.venue, "chair": m.chair,
            "status": m.status.rawValue, "cases": "\(m.listedCases.count)", "case_list_frozen": m.caseListFrozenAt != nil ? "true" : "false",
        ]
        return Record(json: json, flat: flat)
    }

    static func actionRecord(_ a: Action, _ state: MARACState, today: Day) -> Record {
        let agency = state.agency(a.agency)?.name ?? a.agency.description
        let json: [String: Any] = [
            "id": a.id.description, "case": a.caseID.description, "meeting": a.meeting.description, "agency": agency,
            "owner": a.owner, "description": a.description, "due": a.due.iso, "status": a.status.rawValue,
            "overdue": a.isOverdue(on: today), "closed_on": null(a.closedOn?.iso),
            "history": a.history.map { ["status": $0.status.rawValue, "on": $0.on.iso, "note": $0.note, "by": $0.stamp.actor] as [String: Any] },
        ]
        let flat: [String: String] = [
            "id": a.id.description, "case": a.caseID.description, "meeting": a.meeting.description, "agency": agency,
            "owner": a.owner, "description": a.description, "due": a.due.iso, "status": a.status.rawValue,
            "overdue": a.isOverdue(on: today) ? "true" : "false", "closed_on": a.closedOn?.iso ?? "",
        ]
        return Record(json: json, flat: flat)
    }
}
