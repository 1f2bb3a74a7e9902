/// Undo without deleting: for a command about to be applied, the command that would put things
/// back, as a correcting entry of its own. Worked out from the state before the change, since
/// that is what it must restore. Nil when the step cannot be undone this way (marking
/// something recorded in error): the screen says so. A meeting's start is undone only while
/// nothing is recorded in it.
extension MARACState {
    public func compensation(for command: Command, events: [Event], today: Day) -> Command? {
        let why = "undone by its author"
        switch command {
        case .agreeAction:
            guard case .actionAgreed(let a)? = events.first else { return nil }
            return .markRecordedInError(.action(a.id), reason: why)
        case .updateActionStatus(let id, _, _, _):
            guard let a = action(id) else { return nil }
            return .updateActionStatus(id, a.status, note: why, on: today)
        case .extendActionDue(let id, _, _):
            // Moved back, and the history says so: both moves stay in it.
            guard let a = action(id) else { return nil }
            return .extendActionDue(id, to: a.due, reason: why)
        case .changeAction(let id, _, _, _):
            guard let a = action(id) else { return nil }
            return .changeAction(id, owner: a.owner, description: a.description, due: a.due)
        case .identifyRisk(let m, let c, _):
            let index = meeting(m)?.discussion(of: c)?.risks.count ?? 0
            return .markRecordedInError(.risk(m, c, index: index), reason: why)
        case .recordCrimeDisclosed(let m, let c, _):
            let index = meeting(m)?.discussion(of: c)?.crimesDisclosed.count ?? 0
            return .markRecordedInError(.crime(m, c, index: index), reason: why)
        case .recordOutcomeTeller(let m, let c, _):
            guard let before = meeting(m)?.discussion(of: c)?.outcomeToldBy, !before.isEmpty else { return nil }
            return .recordOutcomeTeller(m, c, before)
        case .shareInformation(let m, let c, _, _):
            let index = meeting(m)?.discussion(of: c)?.information.count ?? 0
            return .markRecordedInError(.information(m, c, index: index), reason: why)
        case .addOtherBusiness(let m, _):
            return .markRecordedInError(.otherBusiness(m, index: meeting(m)?.otherBusiness.count ?? 0), reason: why)
        case .confirmActionReport(let id, let n), .rejectActionReport(let id, let n, _):
            return .reopenActionReport(id, report: n)
        case .recordResearchReturn(let c, let a, _):
            return .recordResearchReturn(c, a, receivedOn: `case`(c)?.researchReturn(from: a)?.receivedOn)
        case .recordAttendance(let m, let a, _):
            // The attendance it replaced, or, where there was none, the line marked in error.
            guard let meeting = meeting(m) else { return nil }
            return meeting.attendance(of: a).map { .recordAttendance(m, a, $0) } ?? .markRecordedInError(.attendance(m, a), reason: why)
        case .recordObserver(let m, _):
            return .markRecordedInError(.observer(m, index: meeting(m)?.observers.count ?? 0), reason: why)
        case .receiveReferral:
            guard case .referralReceived(let r)? = events.first else { return nil }
            return .markRecordedInError(.referral(r.id), reason: why)
        case .updateReferral(let id, _):
            return referral(id).map { .updateReferral(id, $0.details) }
        case .linkRepeat(let id, _):
            guard let r = referral(id) else { return nil }
            return .linkRepeat(id, r.repeatOf)
        case .acceptReferral(let id, _):
            return .withdrawAcceptance(id, reason: why)
        case .returnReferral(let id, _), .declineReferral(let id, _), .transferReferralOut(let id, _), .addToCase(let id, _):
            return .reopenTriage(id, reason: why)
        case .reorderAgenda(let m, _):
            return .reorderAgenda(m, meeting(m)?.caseOrder ?? [])
        case .scheduleMeeting:
            guard case .meetingScheduled(let m)? = events.first else { return nil }
            return .cancelMeeting(m.id, reason: why)
        case .changeMeeting(let id, _, _, _, _):
            guard let m = meeting(id) else { return nil }
            return .changeMeeting(id, date: m.date, startTime: m.startTime, venue: m.venue, chair: m.chair)
        case .freezeCaseList(let m):
            return .unfreezeCaseList(m)
        case .moveCase(let c, _):
            return `case`(c).map { .moveCase(c, to: $0.meeting) }
        case .updateAgency(let id, _, _, _):
            guard let a = agency(id) else { return nil }
            return .updateAgency(id, name: a.name, kind: a.kind, representatives: a.representatives)
        case .setAreaProfile:
            return .setAreaProfile(profile)
        case .registerAgency:
            guard case .agencyRegistered(let a)? = events.first else { return nil }
            return .retireAgency(a.id)
        case .retireAgency(let id):
            return .reinstateAgency(id)
        case .reinstateAgency(let id):
            return .retireAgency(id)
        case .startMeeting(let id):
            return .withdrawMeetingStart(id)
        default:
            return nil
        }
    }
}
