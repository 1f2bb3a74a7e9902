/// Something a user asks for. A command is checked against the state and the area's rules and
/// becomes events (``MARACState/decide(_:context:)``), or is refused with a ``DomainError``.
public enum Command: Hashable, Sendable {
    case setAreaProfile(AreaProfile)

    case registerAgency(name: String, kind: AgencyKind, ispSignedOn: Day?, representatives: [Representative])
    case updateAgency(AgencyID, name: String, kind: AgencyKind, representatives: [Representative])
    case recordISPSigned(AgencyID, on: Day)

    case receiveReferral(ReferralDetails)
    case updateReferral(ReferralID, ReferralDetails)
    /// Links (or with nil unlinks) the earlier case this referral repeats.
    case linkRepeat(ReferralID, CaseID?)
    /// A further referral for a case accepted but not yet heard, added to it (the admin confirms).
    case addToCase(ReferralID, CaseID)
    case acceptReferral(ReferralID, onto: MeetingID)
    case returnReferral(ReferralID, missing: String)
    case declineReferral(ReferralID, reason: String)
    case transferReferralOut(ReferralID, Transfer)
    case transferCaseOut(CaseID, Transfer)
    case moveCase(CaseID, to: MeetingID)

    case scheduleMeeting(date: Day, startTime: String, venue: String, chair: String)
    case changeMeeting(MeetingID, date: Day, startTime: String, venue: String, chair: String)
    case cancelMeeting(MeetingID, reason: String)
    case freezeCaseList(MeetingID)
    case recordResearchReturn(CaseID, AgencyID, receivedOn: Day?)
    case reorderAgenda(MeetingID, [CaseID])
    case addOtherBusiness(MeetingID, String)

    case startMeeting(MeetingID)
    case recordAttendance(MeetingID, AgencyID, Attendance)
    case recordObserver(MeetingID, Observer)
    case recordStatementRead(MeetingID)
    case startCaseDiscussion(MeetingID, CaseID)
    case shareInformation(MeetingID, CaseID, AgencyID, String)
    case identifyRisk(MeetingID, CaseID, String)
    /// A crime disclosed while the case is discussed (SafeLives' minutes record them).
    case recordCrimeDisclosed(MeetingID, CaseID, String)
    /// Who tells the victim what was decided: the referrer or the IDVA, by name.
    case recordOutcomeTeller(MeetingID, CaseID, String)
    case endCaseDiscussion(MeetingID, CaseID)
    case endMeeting(MeetingID)
    case signOffMinutes(MeetingID)

    case agreeAction(caseID: CaseID, meeting: MeetingID, agency: AgencyID, owner: String, description: String, due: Day)
    case updateActionStatus(ActionID, ActionStatus, note: String, on: Day)
    case changeAction(ActionID, owner: String, description: String, due: Day)

    case markRecordedInError(RecordReference, reason: String)

    /// A whole spreadsheet of referrals (and the agencies it names that are new), as one change:
    /// all of it is saved, or none.
    case importReferrals(newAgencies: [NewAgency], referrals: [ReferralDetails])

    /// Takes back an acceptance made by mistake: the referral returns to the queue and the case
    /// it made is recorded in error (undo of accept).
    case withdrawAcceptance(ReferralID, reason: String)
    /// Takes back a triage decision (returned, not eligible, transferred out): the referral
    /// returns to the queue (undo of those decisions).
    case reopenTriage(ReferralID, reason: String)
    case unfreezeCaseList(MeetingID)

    case recordCaseViewed(CaseID)
    case recordExport(what: String, cases: [CaseID])
    /// An export that was asked for and not written (a folder given for a file, a full disk):
    /// recorded as a failure, never as an export.
    case recordExportFailed(what: String, cases: [CaseID], reason: String)
    case purgeCase(CaseID)
    /// An agency that no longer sits at the MARAC: kept in the history, no longer offered.
    case retireAgency(AgencyID)
    case reinstateAgency(AgencyID)
    /// Takes back a meeting started by mistake, while nothing is recorded in it.
    case withdrawMeetingStart(MeetingID)
    /// Lets the other screens add information, risks, crimes and who tells the victim to the
    /// meeting in progress (true), or keeps recording to the screen running it (false).
    case letOthersAdd(MeetingID, allowed: Bool)
    /// A progress note on an action, its status unchanged.
    case noteAction(ActionID, note: String, on: Day)
    /// A new due date, with the reason; the history keeps the old one.
    case extendActionDue(ActionID, to: Day, reason: String)
    /// A correction to minutes already signed off, as a dated addendum.
    case addMinutesAddendum(MeetingID, String)
    /// An agency's returned action list, as one change: each row its report on one action,
    /// waiting for the coordinator.
    case recordActionReports(source: String, [ActionReportLine])
    case confirmActionReport(ActionID, report: Int)
    case rejectActionReport(ActionID, report: Int, reason: String)
    /// Takes back a confirmation or rejection (undo): the report waits again.
    case reopenActionReport(ActionID, report: Int)
    /// An agency's returned research sheet, as one change: its return for each case, with
    /// what it found.
    case importResearch(source: String, agency: AgencyID, [ResearchLine])

    /// The command's name as the palette and refusals show it.
    public var name: String { kind.label }

    /// The roles allowed to make this command. Viewers change nothing; admins and coordinators
    /// triage and run meetings; chairs follow up actions and sign off minutes.
    public var allowedRoles: [Role] {
        switch self {
        case .setAreaProfile, .purgeCase, .letOthersAdd:
            [.coordinator]
        case .updateActionStatus, .noteAction, .extendActionDue, .confirmActionReport, .rejectActionReport, .reopenActionReport:
            [.coordinator, .admin, .chair]
        case .signOffMinutes, .addMinutesAddendum:
            [.coordinator, .chair]
        case .recordCaseViewed, .recordExportFailed:
            Role.allCases
        case .recordExport(_, let cases):
            // Viewers read on screen; taking personal data out of the store needs another role.
            cases.isEmpty ? Role.allCases : [.coordinator, .admin, .chair]
        default:
            [.coordinator, .admin]
        }
    }
}

/// An agency an import adds, by name and kind.
public struct NewAgency: Hashable, Sendable {
    public var name: String
    public var kind: AgencyKind

    public init(name: String, kind: AgencyKind) {
        self.name = name
        self.kind = kind
    }
}

/// Who asks, and when: the context a command is decided in.
public struct DecisionContext: Sendable {
    public var actor: Actor
    public var now: Instant
    /// The local calendar day at `now`, which the executable works out from the machine's zone.
    public var today: Day
    /// False only for the demo generator, whose invented text is short by construction:
    /// checking every string of a 30,000-case history (``TextLimits``) would make building a
    /// large demo store several times slower. Everything a person types or imports is checked.
    public var checksText: Bool

    public init(actor: Actor, now: Instant, today: Day, checksText: Bool = true) {
        self.actor = actor
        self.now = now
        self.today = today
        self.checksText = checksText
    }

    public var stamp: Stamp { Stamp(actor: actor.name, at: now) }
}
