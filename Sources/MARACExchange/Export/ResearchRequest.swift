import MARACCore

/// The case list for one agency to research before a meeting, as a spreadsheet it fills in
/// and sends back (`marac import research`): the case list's columns, then the agency's own
/// (known to the agency, information to share, risks, last contact). What it has already
/// returned is filled in, so a second request shows where it stands.
public struct ResearchRequest {
    public let list: CaseList
    public let agency: Agency

    public init(state: MARACState, meeting: MeetingID, agency: AgencyID) throws(Minutes.Failure) {
        list = try CaseList(state: state, meeting: meeting)
        guard let a = state.agency(agency) else { throw .noSuchMeeting(agency.description) }
        self.agency = a
    }

    /// The columns the agency fills in, as `marac import research` reads them.
    public static let answerColumns = ["known_to_agency", "information_to_share", "risks", "last_contact"]

    public var headers: [String] {
        ["case", "meeting", "meeting_date", "agency"] + CaseList.headers.dropFirst().map { ReturnedSheet.key($0) == "victim" ? "victim_name" : snake($0) }
            + Self.answerColumns
    }

    func snake(_ header: String) -> String { String(header.lowercased().map { $0 == " " ? "_" : $0 }) }

    public var rows: [[String]] {
        let state = list.state
        return zip(list.cases, list.rows).map { id, row in
            let r = state.case(id)?.researchReturn(from: agency.id)
            let known = r.map { $0.known == .notKnown ? "" : $0.known.rawValue } ?? ""
            return [id.description, list.meeting.id.description, list.meeting.date.iso, agency.name] + Array(row.dropFirst())
                + [known, r?.information ?? "", r?.risks ?? "", r?.lastContact?.british ?? ""]
        }
    }

    public func csv() -> String { CSVText.render(headers: headers, rows: rows) }
}
