import MARACCore

/// The case list circulated to agencies before a meeting, so each can research its records:
/// the people named in each case, with only what an agency needs to find them in its records
/// (names and other names, dates of birth, address, the children, the perpetrator), in hearing
/// order. Restricted like the minutes.
public struct CaseList {
    public static let marking = "RESTRICTED: MARAC case list, for research by agencies signed to the information sharing protocol only."

    public let state: MARACState
    public let meeting: Meeting

    public init(state: MARACState, meeting id: MeetingID) throws(Minutes.Failure) {
        guard let m = state.meeting(id) else { throw .noSuchMeeting(id.description) }
        self.state = state
        self.meeting = m
    }

    public var cases: [CaseID] { state.orderedCases(of: meeting) }

    static let headers = ["Case", "Victim", "Also known as", "Victim born", "Address", "Perpetrator", "Perpetrator born", "Relationship",
                          "Children", "Referred by", "Repeat of"]

    public var rows: [[String]] { rows(dating: \.british) }

    /// The rows, each date written by `date`: as people read them in a document, as ISO dates in
    /// a spreadsheet (which a spreadsheet in a US locale would otherwise read month first).
    func rows(dating date: (Day) -> String) -> [[String]] {
        cases.compactMap(state.case).compactMap { c in
            guard let d = state.referral(of: c)?.details else { return nil }
            let perpetrators = d.perpetrators
            // Children by name and date of birth where the referral gives them, else the number.
            let children = d.children.isEmpty ? d.childrenInWords
                : d.children.map { "\($0.name)\($0.dateOfBirth.map { ", born " + date($0) } ?? "")" }.joined(separator: "\n")
            return [c.id.description, d.victim.name, d.victim.aliases.joined(separator: "\n"), d.victim.dateOfBirth.map(date) ?? "",
                    d.victim.address?.oneLine ?? "",
                    perpetrators.map(\.person.name).joined(separator: "\n"),
                    perpetrators.map { $0.person.dateOfBirth.map(date) ?? "not known" }.joined(separator: "\n"),
                    perpetrators.map { $0.relationshipDetail.isEmpty ? $0.relationship.label : $0.relationshipDetail }.joined(separator: "\n"),
                    children, state.agency(d.agency)?.name ?? "", c.repeatOf?.description ?? ""]
        }
    }

    public func document() -> Document {
        let m = meeting
        var doc = Document(title: "\(state.profile.maracName): case list for the meeting on \(m.date.long)", marking: Self.marking)
        doc.add(.fields([Document.Field("Meeting", "\(m.id), \(m.date.long) at \(m.startTime)"), Document.Field("Venue", m.venue),
                         Document.Field("Chair", m.chair),
                         Document.Field("Case list", m.caseListFrozenAt.map { "frozen on \($0.utcDay.long)" }
                             ?? "not frozen yet: cases may still be added until \(state.caseListCutoff(of: m).long)")]))
        doc.add(.heading(level: 1, "Cases"))
        let rows = self.rows
        doc.add(rows.isEmpty ? .paragraph("No cases are listed.") : .table(headers: Self.headers, rows: rows))
        doc.add(.note("Research your agency's records for each person named, and bring what is relevant, proportionate and necessary to share. Do not forward this list."))
        return doc
    }

    /// ISO dates, as every other export's CSV: `1990-05-17` is read the same in every locale.
    public func csv() -> String { CSVText.render(headers: Self.headers, rows: rows(dating: \.iso)) }
}
