/// Something that happened, in the past tense, as the store keeps it. Events are the only way
/// the state changes: commands are decided into events, and the state is their fold.
///
/// An event carries the ids it was decided with, so folding the same events always gives the
/// same state; who and when come from the change (``Change``) that holds it. Cases carrying a
/// whole record are `indirect`, so an event is a few words, not the size of a referral.
public enum Event: Hashable, Sendable, Codable {
    indirect case areaProfileSet(AreaProfile)

    indirect case agencyRegistered(Agency)
    indirect case agencyUpdated(Agency)

    indirect case referralReceived(Referral)
    indirect case referralUpdated(ReferralID, ReferralDetails)
    case referralRepeatLinked(ReferralID, CaseID?)
    /// Accepting makes the case; the IDVA referral is part of it.
    case referralAccepted(ReferralID, CaseID, MeetingID, on: Day, idvaService: AgencyID?)
    case referralReturned(ReferralID, missing: String)
    case referralDeclined(ReferralID, reason: String)
    case referralTransferredOut(ReferralID, Transfer)
    case caseTransferredOut(CaseID, Transfer)
    case caseMoved(CaseID, to: MeetingID)

    indirect case meetingScheduled(Meeting)
    case meetingChanged(MeetingID, date: Day, startTime: String, venue: String, chair: String)
    case meetingCancelled(MeetingID, reason: String)
    case caseListFrozen(MeetingID)
    case researchReturnRecorded(CaseID, AgencyID, receivedOn: Day?)
    case agendaReordered(MeetingID, [CaseID])
    case otherBusinessAdded(MeetingID, String)

    case meetingStarted(MeetingID)
    case attendanceRecorded(MeetingID, AgencyID, Attendance)
    case observerRecorded(MeetingID, Observer)
    case statementRead(MeetingID)
    case caseDiscussionStarted(MeetingID, CaseID)
    case informationShared(MeetingID, CaseID, AgencyID, String)
    case riskIdentified(MeetingID, CaseID, String)
    /// A crime disclosed in the discussion, for the police to record.
    case crimeDisclosed(MeetingID, CaseID, String)
    /// Who tells the victim the meeting's outcome.
    case outcomeTellerRecorded(MeetingID, CaseID, String)
    /// A further referral added to a case not yet heard.
    case referralAddedToCase(ReferralID, CaseID)
    case caseDiscussionEnded(MeetingID, CaseID)
    case meetingEnded(MeetingID)
    case minutesSignedOff(MeetingID)

    indirect case actionAgreed(Action)
    case actionStatusChanged(ActionID, ActionStatus, note: String, on: Day)
    case actionChanged(ActionID, owner: String, description: String, due: Day)

    case recordedInError(RecordReference, reason: String)

    case caseViewed(CaseID)
    case exported(what: String, cases: [CaseID])
    case casePurged(CaseID, on: Day)

    case acceptanceWithdrawn(ReferralID, CaseID, reason: String)
    case triageReopened(ReferralID, reason: String)
    case caseListUnfrozen(MeetingID)
    /// A meeting started by mistake, with nothing recorded in it, is scheduled again.
    case meetingStartWithdrawn(MeetingID)
    /// The meeting in progress takes information from other screens (true) or only from the
    /// screen running it (false). Codec level 7.
    case meetingOpenedToOthers(MeetingID, allowed: Bool)
    /// A progress note on an action, its status unchanged.
    case actionNoted(ActionID, note: String, on: Day)
    /// A correction to minutes already signed off.
    case minutesAddendumAdded(MeetingID, String)
    /// An agency's report on its action, from its returned spreadsheet (level 5).
    indirect case actionReported(ActionID, AgencyReport)
    /// The coordinator's decision on report N of an action (or its undoing, back to pending).
    case actionReportDecided(ActionID, Int, ReportDecision)
    /// An agency's research return with what it found, from its returned spreadsheet.
    indirect case researchReturned(CaseID, ResearchReturn)
    /// Who may open the store changed (codec level 6).
    indirect case accessChanged(AccessChange)
    /// An export asked for and not written (codec level 6).
    case exportFailed(what: String, cases: [CaseID], reason: String)
}

/// The events of one command, with who made it and when. A change is the unit the store
/// writes atomically: after a crash, all of a change is there or none of it.
public struct Change: Hashable, Sendable, Codable {
    /// The version of the event model this change was written with; readers decode older
    /// versions by the rules of their time.
    public var schemaVersion: Int
    public var stamp: Stamp
    /// The command that made the change, for the audit trail (nil for changes not made by one).
    public var command: CommandKind?
    public var events: [Event]

    /// 7 since 2026-12-06 (a meeting in progress opened to other screens);
    /// 6 since 2026-12-06 (access changes in the audit trail);
    /// 3 since 2026-12-04 (attendance, observers and action notes can be recorded in error);
    /// 2 since 2026-12-03 (area settings for a real MARAC, retired agencies); 1 before.
    public static let currentSchemaVersion = 8

    public init(stamp: Stamp, command: CommandKind? = nil, events: [Event], schemaVersion: Int = Change.currentSchemaVersion) {
        self.schemaVersion = schemaVersion
        self.stamp = stamp
        self.command = command
        self.events = events
    }
}
