/// What kind of command made a change: kept with every change, so the audit trail can say
/// who did what even after the events are folded into a snapshot. Stored by position: new
/// kinds are only ever appended.
public enum CommandKind: String, Hashable, Sendable, Codable, CaseIterable {
    case setAreaProfile
    case registerAgency
    case updateAgency
    case recordISPSigned
    case receiveReferral
    case updateReferral
    case linkRepeat
    case acceptReferral
    case returnReferral
    case declineReferral
    case transferReferralOut
    case transferCaseOut
    case moveCase
    case scheduleMeeting
    case changeMeeting
    case cancelMeeting
    case freezeCaseList
    case recordResearchReturn
    case reorderAgenda
    case addOtherBusiness
    case startMeeting
    case recordAttendance
    case recordObserver
    case recordStatementRead
    case startCaseDiscussion
    case shareInformation
    case identifyRisk
    case endCaseDiscussion
    case endMeeting
    case signOffMinutes
    case agreeAction
    case updateActionStatus
    case changeAction
    case markRecordedInError
    case recordCaseViewed
    case recordExport
    case purgeCase
    case withdrawAcceptance
    case reopenTriage
    case unfreezeCaseList
    case importReferrals
    case retireAgency
    case reinstateAgency
    case withdrawMeetingStart
    case noteAction
    case extendActionDue
    case addMinutesAddendum
    case recordCrimeDisclosed
    case recordOutcomeTeller
    case addToCase
    case recordActionReports
    case confirmActionReport
    case rejectActionReport
    case reopenActionReport
    case importResearch
    /// A user given access, removed, given another role or a new passphrase: made by the
    /// store (key slots are its business), never by a ``Command``.
    case changeAccess
    case recordExportFailed
    case letOthersAdd

    /// Kinds the store makes itself, never a ``Command``: key slots are its business.
    public static let madeByTheStore: Set<CommandKind> = [.changeAccess]

    /// The command's name as the palette, refusals and the audit trail show it.
    public var label: String {
        switch self {
        case .setAreaProfile: "set area profile"
        case .registerAgency: "add agency"
        case .updateAgency: "change agency"
        case .recordISPSigned: "record ISP signature"
        case .receiveReferral: "enter referral"
        case .updateReferral: "change referral"
        case .linkRepeat: "link repeat"
        case .acceptReferral: "accept referral"
        case .returnReferral: "return referral"
        case .declineReferral: "decline referral"
        case .transferReferralOut: "transfer referral out"
        case .transferCaseOut: "transfer case out"
        case .moveCase: "move case"
        case .scheduleMeeting: "schedule meeting"
        case .changeMeeting: "change meeting"
        case .cancelMeeting: "cancel meeting"
        case .freezeCaseList: "freeze case list"
        case .recordResearchReturn: "record research return"
        case .reorderAgenda: "reorder agenda"
        case .addOtherBusiness: "add other business"
        case .startMeeting: "start meeting"
        case .recordAttendance: "record attendance"
        case .recordObserver: "record observer"
        case .recordStatementRead: "record confidentiality statement"
        case .startCaseDiscussion: "start case"
        case .shareInformation: "record information shared"
        case .identifyRisk: "record risk"
        case .endCaseDiscussion: "end case"
        case .endMeeting: "end meeting"
        case .signOffMinutes: "sign off minutes"
        case .agreeAction: "add action"
        case .updateActionStatus: "update action status"
        case .changeAction: "change action"
        case .markRecordedInError: "mark recorded in error"
        case .recordCaseViewed: "view case"
        case .recordExport: "export"
        case .purgeCase: "purge case"
        case .withdrawAcceptance: "withdraw acceptance"
        case .reopenTriage: "reopen triage"
        case .unfreezeCaseList: "unfreeze case list"
        case .importReferrals: "import referrals"
        case .retireAgency: "retire agency"
        case .reinstateAgency: "reinstate agency"
        case .withdrawMeetingStart: "withdraw meeting start"
        case .noteAction: "note on action"
        case .extendActionDue: "move action due date"
        case .addMinutesAddendum: "add minutes addendum"
        case .recordCrimeDisclosed: "record crime disclosed"
        case .recordOutcomeTeller: "record who tells the victim"
        case .addToCase: "add referral to case"
        case .recordActionReports: "import action updates"
        case .confirmActionReport: "confirm agency report"
        case .rejectActionReport: "reject agency report"
        case .reopenActionReport: "reopen agency report"
        case .importResearch: "import research"
        case .changeAccess: "change access"
        case .recordExportFailed: "export failed"
        case .letOthersAdd: "let others add to the meeting"
        }
    }
}

extension Command {
    public var kind: CommandKind {
        switch self {
        case .setAreaProfile: .setAreaProfile
        case .registerAgency: .registerAgency
        case .updateAgency: .updateAgency
        case .recordISPSigned: .recordISPSigned
        case .receiveReferral: .receiveReferral
        case .updateReferral: .updateReferral
        case .linkRepeat: .linkRepeat
        case .acceptReferral: .acceptReferral
        case .returnReferral: .returnReferral
        case .declineReferral: .declineReferral
        case .transferReferralOut: .transferReferralOut
        case .transferCaseOut: .transferCaseOut
        case .moveCase: .moveCase
        case .scheduleMeeting: .scheduleMeeting
        case .changeMeeting: .changeMeeting
        case .cancelMeeting: .cancelMeeting
        case .freezeCaseList: .freezeCaseList
        case .recordResearchReturn: .recordResearchReturn
        case .reorderAgenda: .reorderAgenda
        case .addOtherBusiness: .addOtherBusiness
        case .startMeeting: .startMeeting
        case .recordAttendance: .recordAttendance
        case .recordObserver: .recordObserver
        case .recordStatementRead: .recordStatementRead
        case .startCaseDiscussion: .startCaseDiscussion
        case .shareInformation: .shareInformation
        case .identifyRisk: .identifyRisk
        case .endCaseDiscussion: .endCaseDiscussion
        case .endMeeting: .endMeeting
        case .signOffMinutes: .signOffMinutes
        case .agreeAction: .agreeAction
        case .updateActionStatus: .updateActionStatus
        case .changeAction: .changeAction
        case .markRecordedInError: .markRecordedInError
        case .recordCaseViewed: .recordCaseViewed
        case .recordExport: .recordExport
        case .recordExportFailed: .recordExportFailed
        case .letOthersAdd: .letOthersAdd
        case .purgeCase: .purgeCase
        case .withdrawAcceptance: .withdrawAcceptance
        case .reopenTriage: .reopenTriage
        case .unfreezeCaseList: .unfreezeCaseList
        case .importReferrals: .importReferrals
        case .retireAgency: .retireAgency
        case .reinstateAgency: .reinstateAgency
        case .withdrawMeetingStart: .withdrawMeetingStart
        case .noteAction: .noteAction
        case .extendActionDue: .extendActionDue
        case .addMinutesAddendum: .addMinutesAddendum
        case .recordCrimeDisclosed: .recordCrimeDisclosed
        case .recordOutcomeTeller: .recordOutcomeTeller
        case .addToCase: .addToCase
        case .recordActionReports: .recordActionReports
        case .confirmActionReport: .confirmActionReport
        case .rejectActionReport: .rejectActionReport
        case .reopenActionReport: .reopenActionReport
        case .importResearch: .importResearch
        }
    }
}
