/// A rule of the MARAC process that a command would break. Each case says, in the
/// coordinator's words, what is wrong and what to do; `field` names the form field to show the
/// message beside, when there is one.
public enum DomainError: Error, Hashable, Sendable, CustomStringConvertible {
    case notPermitted(command: String, role: Role, needs: [Role])
    case missing(field: String, what: String)
    case invalid(field: String, reason: String)
    case unknownAgency(String)
    case unknownReferral(ReferralID)
    case unknownCase(CaseID)
    case unknownMeeting(MeetingID)
    case unknownAction(ActionID)
    case duplicateReference(String, existing: ReferralID)
    case duplicateAgency(String)
    case victimUnderMinimumAge(age: Int, minimum: Int)
    case noCriterionMet(score: Int?, threshold: Int?)
    case scoreOutOfRange(tool: String, score: Int, maximum: Int)
    case unknownRiskTool(String)
    case wrongNumberOfAnswers(tool: String, expected: Int, got: Int)
    case referralNotAwaitingTriage(ReferralID, status: String)
    case repeatWindowLapsed(CaseID, endedOn: Day)
    case repeatOfSameReferral(CaseID)
    /// SafeLives: a repeat is between the same victim and perpetrator(s).
    case newPerpetrator(CaseID)
    case caseNotYetHeard(CaseID)
    case meetingNotOpen(MeetingID, status: MeetingStatus)
    case meetingNotInProgress(MeetingID)
    case meetingAlreadyStarted(MeetingID)
    case caseListFrozen(MeetingID)
    case caseNotOnMeeting(CaseID, MeetingID)
    case caseNotOpen(CaseID, status: CaseStatus)
    case actionDueBeforeMeeting(due: Day, meetingDate: Day)
    case agencyHasNotSignedISP(String)
    case actionAlreadyClosed(ActionID, status: ActionStatus)
    case actionAlreadyInStatus(ActionID, status: ActionStatus)
    case alreadyRecordedInError(String)
    case nothingToRecord(String)
    case reorderMustListEveryCase(MeetingID)

    public var field: String? {
        switch self {
        case .missing(let f, _), .invalid(let f, _): f
        case .unknownAgency: "agency"
        case .duplicateReference: "reference"
        case .victimUnderMinimumAge: "victim date of birth"
        case .noCriterionMet: "criteria"
        case .scoreOutOfRange, .wrongNumberOfAnswers, .unknownRiskTool: "risk score"
        case .actionDueBeforeMeeting: "due"
        case .agencyHasNotSignedISP: "agency"
        default: nil
        }
    }

    public var description: String { message }

    public var message: String {
        switch self {
        case .notPermitted(let command, let role, let needs):
            let names = needs.map(\.rawValue)
            let roles = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
            return "\(command) needs the \(roles) role; you are signed in as \(role.rawValue)."
        case .missing(let field, let what):
            return "\(field): \(what) is required."
        case .invalid(let field, let reason):
            return "\(field): \(reason)."
        case .unknownAgency(let name):
            return "No agency called \"\(name)\"; add it first or check the spelling."
        case .unknownReferral(let id):
            return "There is no referral \(id)."
        case .unknownCase(let id):
            return "There is no case \(id)."
        case .unknownMeeting(let id):
            return "There is no meeting \(id)."
        case .unknownAction(let id):
            return "There is no action \(id)."
        case .duplicateReference(let reference, let existing):
            return "Reference \(reference) is already used by referral \(existing)."
        case .duplicateAgency(let name):
            return "An agency called \"\(name)\" already exists (names are compared ignoring case and accents)."
        case .victimUnderMinimumAge(let age, let minimum):
            return "The victim is \(age); MARAC hears victims aged \(minimum) and over. "
                + "Refer under-\(minimum)s through children's safeguarding."
        case .noCriterionMet(let score, let threshold):
            var s = "No referral criterion is met"
            if let score, let threshold { s += " (risk score \(score) is below the threshold of \(threshold))" }
            return s + ". Record professional judgement with its reasons, the incidents for "
                + "escalation, or link the earlier case for a repeat."
        case .scoreOutOfRange(let tool, let score, let maximum):
            return "A \(tool) score of \(score) is not possible; the highest is \(maximum)."
        case .unknownRiskTool(let key):
            return "The area profile has no risk tool \"\(key)\"."
        case .wrongNumberOfAnswers(let tool, let expected, let got):
            return "\(tool) has \(expected) questions but \(got) answers were given."
        case .referralNotAwaitingTriage(let id, let status):
            return "Referral \(id) is not awaiting triage (it is \(status))."
        case .repeatWindowLapsed(let id, let endedOn):
            return "The repeat window of case \(id) ended on \(endedOn.british): this is a new case, not a repeat."
        case .newPerpetrator(let id):
            return "The referral names a different perpetrator from case \(id): a known victim with a new perpetrator is a new case, not a repeat (SafeLives: the same victim and perpetrator(s)). Correct the perpetrator's name or date of birth if it is the same person."
        case .caseNotYetHeard(let id):
            return "Case \(id) has not been heard yet: a further referral for it is added to it as a further incident (+ in the queue, :add to case \(id)), not counted as a repeat."
        case .repeatOfSameReferral(let id):
            return "Case \(id) was made from this referral; a referral cannot repeat itself."
        case .meetingNotOpen(let id, let status):
            return "Meeting \(id) is \(status.rawValue); it can no longer be changed."
        case .meetingNotInProgress(let id):
            return "Meeting \(id) has not been started; start it with :meeting start."
        case .meetingAlreadyStarted(let id):
            return "Meeting \(id) has already started."
        case .caseListFrozen(let id):
            return "The case list of meeting \(id) is frozen; list the case on the next meeting instead."
        case .caseNotOnMeeting(let c, let m):
            return "Case \(c) is not on the agenda of meeting \(m)."
        case .caseNotOpen(let id, let status):
            return "Case \(id) is \(status.rawValue)."
        case .actionDueBeforeMeeting(let due, let meetingDate):
            return "The action is due \(due.british), before the meeting that agreed it (\(meetingDate.british))."
        case .agencyHasNotSignedISP(let name):
            return "\(name) has not signed the Information Sharing Protocol; record its signature first."
        case .actionAlreadyClosed(let id, let status):
            return "Action \(id) is already closed (\(status.label)); reopen it before closing it again."
        case .actionAlreadyInStatus(let id, let status):
            return "Action \(id) is already \(status.label)."
        case .alreadyRecordedInError(let what):
            return "\(what) is already recorded in error."
        case .nothingToRecord(let what):
            return "Nothing to record: \(what)."
        case .reorderMustListEveryCase(let id):
            return "A new order for meeting \(id) must list each of its cases once."
        }
    }
}
