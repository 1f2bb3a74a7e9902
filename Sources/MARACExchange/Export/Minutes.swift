import MARACCore

/// The minutes of a meeting, with everything the SafeLives minutes checklist asks for, in the
/// order the meeting ran: who was there, the confidentiality statement, the actions reviewed,
/// each case's risks and actions, the incomplete actions in their two kinds, other business.
///
/// Lines recorded in error are left out: the minutes are the corrected record. Addresses and
/// contact details are left out too: the minutes go to every agency, and the case list has
/// what they need to research (adequate, relevant and necessary).
public struct Minutes {
    public static let marking = "RESTRICTED: MARAC minutes. Not to be copied or shared beyond the agencies present without the chair's agreement."

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noSuchMeeting(String)
        case notHeld(MeetingID, MeetingStatus)

        public var description: String {
            switch self {
            case .noSuchMeeting(let text): "there is no meeting \(text) (marac list meetings shows them)"
            case .notHeld(let id, let status):
                "meeting \(id) \(status == .cancelled ? "was cancelled" : "has not started yet"): there are no minutes; export its case list instead (marac export caselist \(id))"
            }
        }
    }

    public let state: MARACState
    public let meeting: Meeting
    public let today: Day

    public init(state: MARACState, meeting id: MeetingID, today: Day) throws(Failure) {
        guard let m = state.meeting(id) else { throw .noSuchMeeting(id.description) }
        guard m.startedAt != nil, m.status != .cancelled else { throw .notHeld(id, m.status) }
        self.state = state
        self.meeting = m
        self.today = today
    }

    /// The cases the minutes cover, for the audit trail's record of the export.
    public var cases: [CaseID] { heardCases.map(\.id) + notHeardCases.map(\.id) }

    var heardCases: [Case] {
        let order = state.orderedCases(of: meeting) + meeting.discussions.map(\.caseID)
        var seen = Set<CaseID>()
        return order.filter { seen.insert($0).inserted }
            .filter { id in meeting.discussion(of: id)?.startedAt != nil }
            .compactMap(state.case).filter { $0.status != .recordedInError }
    }

    var notHeardCases: [Case] {
        state.orderedCases(of: meeting).filter { meeting.discussion(of: $0)?.startedAt == nil }
            .compactMap(state.case).filter { $0.status != .recordedInError }
    }

    func agencyName(_ id: AgencyID) -> String { state.agency(id)?.name ?? id.description }

    /// The actions agreed at earlier meetings that this one reviewed, each once: the first item
    /// of business, where agencies say what they have done. Those still open that the meeting
    /// reviews (``Meeting/reviews(_:)``), and those closed since the previous meeting; their
    /// status as it stands now, with the last note.
    var reviewedActions: [Action] {
        let since = state.previousMeeting(before: meeting)?.date
        return state.actions.filter { a in
            guard a.inError == nil, a.meeting != meeting.id, let agreed = state.meeting(a.meeting), agreed.date < meeting.date else { return false }
            guard let closed = a.closedOn else { return meeting.reviews(a) }
            guard let since else { return true }
            return closed > since
        }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
    }

    func incompleteLine(_ a: Action) -> String {
        let reason = a.latestUpdate.map(\.note).flatMap { $0.isEmpty ? nil : $0 } ?? "no reason given"
        return "\(a.id) (\(a.caseID), \(agencyName(a.agency))): \(reason)"
    }

    var agreedActions: [Action] {
        state.actions.filter { $0.meeting == meeting.id && $0.inError == nil }
    }

    public func document() -> Document {
        let m = meeting
        let draft = m.status == .inProgress ? "Draft minutes" : (m.minutesSignedOff == nil ? "Minutes (not yet signed off)" : "Minutes")
        var doc = Document(title: "\(state.profile.maracName): \(draft) of the meeting on \(m.date.long)", marking: Self.marking)

        doc.add(.heading(level: 1, "Meeting"))
        var fields = [Document.Field("MARAC", state.profile.maracName), Document.Field("Date", "\(m.date.long) (\(m.date.iso))"),
                      Document.Field("Time", m.startTime), Document.Field("Venue", m.venue), Document.Field("Chair", m.chair),
                      Document.Field("Meeting", m.id.description)]
        if let started = m.startedAt, let ended = m.endedAt {
            fields.append(Document.Field("Length", "\(started.seconds(until: ended) / 60) minutes"))
        }
        if let signed = m.minutesSignedOff {
            fields.append(Document.Field("Signed off", "by \(signed.actor) on \(signed.at.utcDay.long)"))
        } else {
            fields.append(Document.Field("Signed off", m.status == .inProgress ? "no: the meeting is still in progress" : "not yet"))
        }
        doc.add(.fields(fields))

        doc.add(.heading(level: 1, "Attendance"))
        let present = m.recordedAttendance.compactMap { a -> [String]? in
            guard case .present(let rep) = a.attendance else { return nil }
            return [agencyName(a.agency), rep.isEmpty ? "(name not recorded)" : rep]
        }
        doc.add(.heading(level: 2, "Present"))
        doc.add(present.isEmpty ? .paragraph("No attendance was recorded.") : .table(headers: ["Agency", "Representative"], rows: present))
        doc.add(.heading(level: 2, "Apologies"))
        let apologies = m.recordedAttendance.compactMap { a -> [String]? in
            guard case .apologies(let sent, let from, let on) = a.attendance else { return nil }
            return [agencyName(a.agency), from.isEmpty ? "(not recorded)" : from, sent ? "yes" : "no", on?.british ?? ""]
        }
        doc.add(apologies.isEmpty ? .paragraph("None.") : .table(headers: ["Agency", "Apologies from", "Information sent", "Information received on"], rows: apologies))
        let absent = m.recordedAttendance.filter { $0.attendance == .absent }.map { agencyName($0.agency) }
        let unrecorded = state.signedAgencies.filter { m.attendance(of: $0.id) == nil }.map(\.name)
        doc.add(.heading(level: 2, "Absent without apologies"))
        doc.add(absent.isEmpty && unrecorded.isEmpty ? .paragraph("None.") : .bullets(absent + unrecorded.map { "\($0) (attendance not recorded)" }))

        doc.add(.heading(level: 1, "Observers and confidentiality"))
        if m.recordedObservers.isEmpty {
            doc.add(.paragraph("No observers."))
        } else {
            doc.add(.table(headers: ["Observer", "Organisation", "Confidentiality statement signed"],
                           rows: m.recordedObservers.map { [$0.name, $0.organisation, $0.confidentialitySigned ? "yes" : "NO"] }))
        }
        if let read = m.statementReadAt, let started = m.startedAt {
            // Only what was recorded: the observers' signatures are in the table above; the
            // agencies' representatives are bound by their ISP.
            doc.add(.paragraph("The chair read the confidentiality statement to those present \(max(0, started.seconds(until: read) / 60)) minutes into the meeting:"))
        } else {
            doc.add(.paragraph("The confidentiality statement was not recorded as read. The statement:"))
        }
        doc.add(.note(state.profile.confidentialityStatement))

        doc.add(.heading(level: 1, "Outstanding actions from previous meetings"))
        let reviewed = reviewedActions
        doc.add(reviewed.isEmpty ? .paragraph("None were outstanding.") : .table(headers: ["Action", "Case", "Agency", "Owner", "Action agreed", "Due", "Status", "Update"],
                                                                               rows: reviewed.map(actionRow)))

        doc.add(.heading(level: 1, "Cases"))
        if heardCases.isEmpty { doc.add(.paragraph("No cases were heard.")) }
        for c in heardCases { addCase(c, to: &doc) }
        if !notHeardCases.isEmpty {
            doc.add(.heading(level: 2, "Listed but not heard"))
            doc.add(.bullets(notHeardCases.map { "\($0.id) \(state.referral(of: $0)?.details.victim.name ?? "")" }))
        }

        let lapsed = state.lapsedWindows(before: m)
        doc.add(.heading(level: 1, "Repeat windows lapsed (for information)"))
        doc.add(lapsed.isEmpty ? .paragraph("None.") : .bullets(lapsed.compactMap(state.case).map {
            "\($0.id) \(state.referral(of: $0)?.details.victim.name ?? ""): window ended \(state.repeatWindowEnd(of: $0).long)"
        }))

        // Named, not repeated: the rows of the reviewed ones are in the table above.
        doc.add(.heading(level: 1, "Incomplete actions"))
        let closedIncomplete = (reviewed + agreedActions)
        doc.add(.heading(level: 2, "Not possible: circumstances changed"))
        let notPossible = closedIncomplete.filter { $0.status == .notPossible }
        doc.add(notPossible.isEmpty ? .paragraph("None.") : .bullets(notPossible.map(incompleteLine)))
        doc.add(.heading(level: 2, "Agency did not complete"))
        let notDone = closedIncomplete.filter { $0.status == .notDone }
        doc.add(notDone.isEmpty ? .paragraph("None.") : .bullets(notDone.map(incompleteLine)))

        doc.add(.heading(level: 1, "Any other business"))
        let aob = m.otherBusiness.filter { $0.inError == nil }.map(\.text)
        doc.add(aob.isEmpty ? .paragraph("None.") : .bullets(aob))
        if !m.addenda.isEmpty {
            doc.add(.heading(level: 1, "Addenda after sign-off"))
            doc.add(.table(headers: ["Added", "By", "Correction"],
                           rows: m.addenda.map { [$0.stamp.at.utcDay.british, $0.stamp.actor, $0.text] }))
        }
        return doc
    }

    func addCase(_ c: Case, to doc: inout Document) {
        guard let r = state.referral(of: c) else { return }
        let d = r.details
        doc.add(.heading(level: 2, "\(c.id): \(d.victim.name)"))
        var fields = [Document.Field("Victim", d.victim.name + (d.victim.dateOfBirth.map { ", born \($0.british)" } ?? ""))]
        for p in d.perpetrators {
            let relation = p.relationshipDetail.isEmpty ? p.relationship.label : p.relationshipDetail
            fields.append(Document.Field("Perpetrator", p.person.name + (p.person.dateOfBirth.map { ", born \($0.british)" } ?? "") + " (\(relation))"))
        }
        fields.append(Document.Field("Children in the household", d.childrenInWords))
        fields.append(Document.Field("Referred by", "\(agencyName(d.agency)) on \(d.receivedOn.british) (reference \(d.reference))"))
        let criteria = state.criteria(of: r)
        fields.append(Document.Field("Criteria", criteria.labels.joined(separator: "; ")))
        if let risk = state.riskScore(of: d) {
            fields.append(Document.Field("Risk assessment", "\(risk.tool.name) \(risk.score) of \(risk.tool.maximumScore)"))
        }
        if let earlier = c.repeatOf { fields.append(Document.Field("Repeat of", earlier.description)) }
        for further in state.furtherReferrals(of: c.id) {
            fields.append(Document.Field("Further referral", "\(agencyName(further.details.agency)) on \(further.details.receivedOn.british) (reference \(further.details.reference))"))
        }
        if let from = d.transferredInFrom { fields.append(Document.Field("Transferred in", "from \(from.marac) on \(from.on.british)")) }
        if let discussion = meeting.discussion(of: c.id), let start = discussion.startedAt, let end = discussion.endedAt {
            fields.append(Document.Field("Time on the case", "\(max(0, start.seconds(until: end)) / 60) minutes"))
        }
        doc.add(.fields(fields))
        let discussion = meeting.discussion(of: c.id)
        let information = (discussion?.information ?? []).filter { $0.line.inError == nil }
        doc.add(.heading(level: 3, "Information shared"))
        doc.add(information.isEmpty ? .paragraph("None recorded.") : .table(headers: ["Agency", "Information"],
                                                                           rows: information.map { [agencyName($0.agency), $0.line.text] }))
        let risks = (discussion?.risks ?? []).filter { $0.inError == nil }.map(\.text)
        doc.add(.heading(level: 3, "Risks identified"))
        doc.add(risks.isEmpty ? .paragraph("None recorded.") : .bullets(risks))
        let crimes = (discussion?.crimesDisclosed ?? []).filter { $0.inError == nil }.map(\.text)
        doc.add(.heading(level: 3, "Crimes disclosed"))
        doc.add(crimes.isEmpty ? .paragraph("None recorded.") : .bullets(crimes))
        let teller = discussion?.outcomeToldBy ?? ""
        doc.add(.fields([Document.Field("Tells the victim the outcome", teller.isEmpty ? "not recorded" : teller)]))
        let actions = agreedActions.filter { $0.caseID == c.id }
        doc.add(.heading(level: 3, "Actions agreed"))
        doc.add(actions.isEmpty ? .paragraph("No actions were agreed.")
                    : .table(headers: ["Action", "Agency", "Owner", "Action agreed", "Due", "Status"],
                             rows: actions.map { [$0.id.description, agencyName($0.agency), $0.owner, $0.description, $0.due.british, $0.status.label] }))
    }

    func actionRow(_ a: Action) -> [String] {
        [a.id.description, a.caseID.description, agencyName(a.agency), a.owner, a.description, a.due.british,
         a.status.label + (a.isOverdue(on: today) ? " (overdue)" : ""), a.latestUpdate?.note ?? ""]
    }
}
