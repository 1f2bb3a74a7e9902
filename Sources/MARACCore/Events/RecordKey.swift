/// Which record a change was about, for the audit trail.
public enum RecordKey: Hashable, Sendable, Codable, CustomStringConvertible {
    case agency(AgencyID)
    case referral(ReferralID)
    case `case`(CaseID)
    case meeting(MeetingID)
    case action(ActionID)

    public var description: String {
        switch self {
        case .agency(let id): id.description
        case .referral(let id): id.description
        case .case(let id): id.description
        case .meeting(let id): id.description
        case .action(let id): id.description
        }
    }
}

extension Event {
    /// The record the event is chiefly about: the case for anything said or done about a case
    /// at a meeting, the action for action changes, and so on.
    public var primaryRecord: RecordKey? {
        switch self {
        case .areaProfileSet: nil
        case .agencyRegistered(let a), .agencyUpdated(let a): .agency(a.id)
        case .referralReceived(let r): .referral(r.id)
        case .referralUpdated(let id, _), .referralRepeatLinked(let id, _), .referralReturned(let id, _),
             .referralDeclined(let id, _), .referralTransferredOut(let id, _): .referral(id)
        case .referralAccepted(_, let c, _, _, _): .case(c)
        case .caseTransferredOut(let c, _), .caseMoved(let c, _), .researchReturnRecorded(let c, _, _),
             .caseDiscussionStarted(_, let c), .informationShared(_, let c, _, _), .riskIdentified(_, let c, _),
             .crimeDisclosed(_, let c, _), .outcomeTellerRecorded(_, let c, _),
             .caseDiscussionEnded(_, let c), .caseViewed(let c), .casePurged(let c, _): .case(c)
        case .meetingScheduled(let m): .meeting(m.id)
        case .meetingChanged(let m, _, _, _, _), .meetingCancelled(let m, _), .caseListFrozen(let m), .agendaReordered(let m, _),
             .otherBusinessAdded(let m, _), .meetingStarted(let m), .attendanceRecorded(let m, _, _), .observerRecorded(let m, _),
             .statementRead(let m), .meetingEnded(let m), .minutesSignedOff(let m): .meeting(m)
        case .actionAgreed(let a): .action(a.id)
        case .actionStatusChanged(let id, _, _, _), .actionChanged(let id, _, _, _): .action(id)
        case .recordedInError(let ref, _):
            switch ref {
            case .referral(let id): .referral(id)
            case .action(let id), .actionNote(let id, _): .action(id)
            case .risk(_, let c, _), .information(_, let c, _), .crime(_, let c, _): .case(c)
            case .otherBusiness(let m, _), .attendance(let m, _), .observer(let m, _): .meeting(m)
            }
        case .exported(_, let cases): cases.first.map { .case($0) }
        case .acceptanceWithdrawn(let r, _, _), .triageReopened(let r, _), .referralAddedToCase(let r, _): .referral(r)
        case .caseListUnfrozen(let m): .meeting(m)
        case .meetingStartWithdrawn(let m): .meeting(m)
        case .meetingOpenedToOthers(let m, _): .meeting(m)
        case .actionNoted(let a, _, _): .action(a)
        case .minutesAddendumAdded(let m, _): .meeting(m)
        case .actionReported(let a, _), .actionReportDecided(let a, _, _): .action(a)
        case .researchReturned(let c, _): .case(c)
        case .accessChanged: nil
        case .exportFailed(_, let cases, _): cases.first.map { .case($0) }
        }
    }
}
