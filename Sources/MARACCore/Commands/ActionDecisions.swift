/// The rules for actions: one owner agency that has signed the ISP, a due date no earlier than
/// the meeting, and a status that moves by the four outcomes without being closed twice.
extension MARACState {
    func decideAgreeAction(caseID: CaseID, meetingID: MeetingID, agencyID: AgencyID, owner: String,
                           description: String, due: Day) throws(DomainError) -> [Event] {
        let c = try requireCase(caseID)
        guard c.status == .listed || c.status == .heard else { throw .caseNotOpen(caseID, status: c.status) }
        let m = try requireMeeting(meetingID)
        guard m.status != .cancelled else { throw .meetingNotOpen(meetingID, status: m.status) }
        let agency = try requireAgency(agencyID)
        guard agency.hasSignedISP else { throw .agencyHasNotSignedISP(agency.name) }
        let text = try requireText(description, field: "description", what: "what the agency will do")
        guard due >= m.date else { throw .actionDueBeforeMeeting(due: due, meetingDate: m.date) }
        let action = Action(id: nextActionID, caseID: caseID, meeting: meetingID, agency: agencyID,
                            owner: owner.trimmingSpaces(), description: text, due: due,
                            agreed: Stamp(actor: "", at: Instant(milliseconds: 0)))
        return [.actionAgreed(action)]
    }

    func decideActionStatus(_ id: ActionID, _ status: ActionStatus, note: String, on day: Day,
                            today: Day) throws(DomainError) -> [Event] {
        let a = try requireAction(id)
        if a.inError != nil { throw .alreadyRecordedInError("Action \(id)") }
        guard a.status != status else { throw .actionAlreadyInStatus(id, status: status) }
        if a.status.isClosed && status.isClosed { throw .actionAlreadyClosed(id, status: a.status) }
        guard day <= today else {
            throw .invalid(field: "date", reason: "\(day.british) is in the future")
        }
        let trimmed = note.trimmingSpaces()
        if (status == .notPossible || status == .notDone) && trimmed.isEmpty {
            throw .missing(field: "note", what: "why the action was \(status == .notPossible ? "not possible" : "not done")")
        }
        return [.actionStatusChanged(id, status, note: trimmed, on: day)]
    }

    /// Corrections to an action that keep the record: a progress note, a due date moved with its
    /// reason (the old date kept in the history), the owner or description put right.
    func decideActionCorrection(_ command: Command, today: Day) throws(DomainError) -> [Event] {
        switch command {
        case .noteAction(let id, let note, let day):
            let a = try requireAction(id)
            if a.inError != nil { throw .alreadyRecordedInError("Action \(id)") }
            guard day <= today else { throw .invalid(field: "date", reason: "\(day.british) is in the future") }
            return [.actionNoted(id, note: try requireText(note, field: "note", what: "the note"), on: day)]
        case .extendActionDue(let id, let due, let reason):
            let a = try requireAction(id)
            if a.inError != nil { throw .alreadyRecordedInError("Action \(id)") }
            guard !a.status.isClosed else { throw .actionAlreadyClosed(id, status: a.status) }
            guard due != a.due else { throw .invalid(field: "due", reason: "\(id) is already due \(due.british)") }
            if let m = meeting(a.meeting), due < m.date { throw .actionDueBeforeMeeting(due: due, meetingDate: m.date) }
            let why = try requireText(reason, field: "reason", what: "why the date moves")
            return [.actionChanged(id, owner: a.owner, description: a.description, due: due),
                    .actionNoted(id, note: "Due date moved from \(a.due.british) to \(due.british): \(why)", on: today)]
        case .changeAction(let id, let owner, let description, let due):
            let a = try requireAction(id)
            if a.inError != nil { throw .alreadyRecordedInError("Action \(id)") }
            let m = try requireMeeting(a.meeting)
            guard due >= m.date else { throw .actionDueBeforeMeeting(due: due, meetingDate: m.date) }
            return [.actionChanged(id, owner: owner.trimmingSpaces(),
                                   description: try requireText(description, field: "description", what: "the action"),
                                   due: due)]
        default:
            return []
        }
    }

    func requireMarkable(_ reference: RecordReference) throws(DomainError) {
        switch reference {
        case .risk(let m, _, _), .information(let m, _, _), .otherBusiness(let m, _), .attendance(let m, _), .observer(let m, _),
             .crime(let m, _, _):
            if let meeting = meeting(m) { try requireMinutesNotSignedOff(meeting) }
        default: break
        }
        switch reference {
        case .referral(let id):
            let r = try requireReferral(id)
            if case .recordedInError = r.status { throw .alreadyRecordedInError("Referral \(id)") }
            if case .accepted(let caseID) = r.status, let c = `case`(caseID) {
                if c.status == .heard {
                    throw .invalid(field: "referral", reason: "case \(caseID) has been heard at a meeting; its record stands")
                }
                if actions(of: caseID).contains(where: { $0.inError == nil }) {
                    throw .invalid(field: "referral", reason: "case \(caseID) has actions; mark them recorded in error first")
                }
            }
        case .action(let id):
            let a = try requireAction(id)
            if a.inError != nil { throw .alreadyRecordedInError("Action \(id)") }
        case .risk(let m, let c, let i):
            guard let d = try requireMeeting(m).discussion(of: c), d.risks.indices.contains(i) else {
                throw .invalid(field: "risk", reason: "there is no risk \(i + 1) for \(c) at \(m)")
            }
            if d.risks[i].inError != nil { throw .alreadyRecordedInError("That risk") }
        case .crime(let m, let c, let i):
            guard let d = try requireMeeting(m).discussion(of: c), d.crimesDisclosed.indices.contains(i) else {
                throw .invalid(field: "crime", reason: "there is no crime disclosed \(i + 1) for \(c) at \(m)")
            }
            if d.crimesDisclosed[i].inError != nil { throw .alreadyRecordedInError("That crime disclosed") }
        case .information(let m, let c, let i):
            guard let d = try requireMeeting(m).discussion(of: c), d.information.indices.contains(i) else {
                throw .invalid(field: "information", reason: "there is no information line \(i + 1) for \(c) at \(m)")
            }
            if d.information[i].line.inError != nil { throw .alreadyRecordedInError("That information") }
        case .otherBusiness(let m, let i):
            let meeting = try requireMeeting(m)
            guard meeting.otherBusiness.indices.contains(i) else {
                throw .invalid(field: "other business", reason: "there is no item \(i + 1) at \(m)")
            }
            if meeting.otherBusiness[i].inError != nil { throw .alreadyRecordedInError("That item") }
        case .attendance(let m, let agencyID):
            let meeting = try requireMeeting(m)
            guard let line = meeting.attendance.first(where: { $0.agency == agencyID }) else {
                throw .invalid(field: "attendance", reason: "no attendance is recorded for \(agency(agencyID)?.name ?? "\(agencyID)") at \(m)")
            }
            if line.inError != nil { throw .alreadyRecordedInError("That attendance") }
        case .observer(let m, let i):
            let meeting = try requireMeeting(m)
            guard meeting.observers.indices.contains(i) else {
                throw .invalid(field: "observer", reason: "there is no observer \(i + 1) at \(m)")
            }
            if meeting.observers[i].inError != nil { throw .alreadyRecordedInError("That observer") }
        case .actionNote(let id, let i):
            let a = try requireAction(id)
            guard a.history.indices.contains(i) else {
                throw .invalid(field: "note", reason: "\(id) has no entry \(i + 1) in its history")
            }
            if a.history[i].inError != nil { throw .alreadyRecordedInError("That entry") }
            // The entry that set the status the action has now cannot be taken away alone: the
            // action would keep a status nothing records.
            let standing = a.history.indices.filter { a.history[$0].inError == nil }
            let previous = standing.last { $0 < i }.map { a.history[$0].status } ?? .open
            if a.history[i].status != previous, standing.last == i {
                throw .invalid(field: "note", reason: "that entry made \(id) \(a.status.label): record its right status first (o reopens it), then mark this entry")
            }
        }
    }
}
