/// Where a case came from or went to when the victim moved area.
public struct Transfer: Hashable, Sendable, Codable {
    /// The other MARAC ("Southvale MARAC").
    public var marac: String
    public var on: Day

    public init(marac: String, on: Day) {
        self.marac = marac
        self.on = on
    }
}

/// Incidents reported for the potential-escalation criterion: "an escalation in frequency or
/// severity". Frequency: the dates where known, or the referrer's count of incidents in the
/// rule's months (the form asks for exactly that). Severity: flagged by the referrer, with why.
public struct IncidentHistory: Hashable, Sendable, Codable {
    public var incidentDates: [Day]
    public var reportedCount: Int?
    /// The abuse is getting more severe (Knowsley: "an escalation in frequency or severity").
    public var escalatingInSeverity: Bool
    /// What the referrer saw: "strangulation for the first time", "now uses a weapon".
    public var severityReason: String

    public init(incidentDates: [Day] = [], reportedCount: Int? = nil, escalatingInSeverity: Bool = false, severityReason: String = "") {
        self.incidentDates = incidentDates
        self.reportedCount = reportedCount
        self.escalatingInSeverity = escalatingInSeverity
        self.severityReason = severityReason
    }

    /// Severity counts only with its reason written: the minutes and the return say why.
    public var severityEscalates: Bool { escalatingInSeverity && !severityReason.trimmingSpaces().isEmpty }

    /// Incidents that count under the rule for a referral made on `referralDate`: dated incidents
    /// inside the rule's months before it, or else the reported count.
    public func count(under rule: EscalationRule, referralDate: Day) -> Int {
        if incidentDates.isEmpty { return reportedCount ?? 0 }
        let from = referralDate.adding(months: -rule.months)
        return incidentDates.filter { $0 >= from && $0 <= referralDate }.count
    }
}

/// Everything the referral form carries, as the referrer sent it.
public struct ReferralDetails: Hashable, Sendable, Codable {
    /// The referrer's or the spreadsheet's reference; unique in the store.
    public var reference: String
    public var receivedOn: Day
    public var agency: AgencyID
    public var referrerName: String
    public var referrerContact: String
    public var victim: Person
    public var victimPregnant: YesNoUnknown
    public var perpetrators: [Perpetrator]
    public var children: [Child]
    /// Children in the household when the form gives only a number.
    public var childrenCount: Int?
    public var assessment: RiskAssessment?
    /// The referrer's written reasons; empty when professional judgement is not claimed.
    public var professionalJudgement: String
    public var incidents: IncidentHistory?
    public var previousReferralOn: Day?
    public var victimAware: YesNoUnknown
    public var victimNotAwareReason: String
    public var consent: YesNoUnknown
    public var sharingWithoutConsentReason: String
    public var summary: String
    public var policeReference: String
    public var bailAndOrders: String
    public var transferredInFrom: Transfer?

    public init(reference: String, receivedOn: Day, agency: AgencyID, referrerName: String = "",
                referrerContact: String = "", victim: Person, victimPregnant: YesNoUnknown = .notKnown,
                perpetrators: [Perpetrator] = [], children: [Child] = [], childrenCount: Int? = nil,
                assessment: RiskAssessment? = nil, professionalJudgement: String = "",
                incidents: IncidentHistory? = nil, previousReferralOn: Day? = nil,
                victimAware: YesNoUnknown = .notKnown, victimNotAwareReason: String = "",
                consent: YesNoUnknown = .notKnown, sharingWithoutConsentReason: String = "",
                summary: String = "", policeReference: String = "", bailAndOrders: String = "",
                transferredInFrom: Transfer? = nil) {
        self.reference = reference
        self.receivedOn = receivedOn
        self.agency = agency
        self.referrerName = referrerName
        self.referrerContact = referrerContact
        self.victim = victim
        self.victimPregnant = victimPregnant
        self.perpetrators = perpetrators
        self.children = children
        self.childrenCount = childrenCount
        self.assessment = assessment
        self.professionalJudgement = professionalJudgement
        self.incidents = incidents
        self.previousReferralOn = previousReferralOn
        self.victimAware = victimAware
        self.victimNotAwareReason = victimNotAwareReason
        self.consent = consent
        self.sharingWithoutConsentReason = sharingWithoutConsentReason
        self.summary = summary
        self.policeReference = policeReference
        self.bailAndOrders = bailAndOrders
        self.transferredInFrom = transferredInFrom
    }

    /// Children counted in the household: the rows given, or the number where that is larger;
    /// 0 when nothing was recorded. For ordering and counting; say `childrenKnown` to a person.
    public var childrenInHousehold: Int { max(children.count, childrenCount ?? 0) }

    /// The children in the household as far as the referral says: nil when it gave neither a
    /// child nor a number, which is "not known", not none.
    public var childrenKnown: Int? { children.isEmpty && childrenCount == nil ? nil : childrenInHousehold }

    /// The children in words for a screen or document: "2", "none", or "not known".
    public var childrenInWords: String {
        guard let n = childrenKnown else { return "not known" }
        return n == 0 ? "none" : "\(n)"
    }
}

/// Where a referral stands after triage.
public enum ReferralStatus: Hashable, Sendable, Codable {
    case awaitingTriage
    case accepted(CaseID)
    case returned(missing: String)
    case notEligible(reason: String)
    case transferredOut(Transfer)
    case recordedInError(reason: String)
    /// A further referral for a case accepted but not yet heard: added to it as a further
    /// incident, not a case of its own and not a repeat.
    case addedToCase(CaseID)

    /// One word for lists and JSON: `awaiting-triage`, `accepted`, `returned`, `not-eligible`,
    /// `transferred-out`, `recorded-in-error`, `added-to-case`.
    public var key: String {
        switch self {
        case .awaitingTriage: "awaiting-triage"
        case .accepted: "accepted"
        case .returned: "returned"
        case .notEligible: "not-eligible"
        case .transferredOut: "transferred-out"
        case .recordedInError: "recorded-in-error"
        case .addedToCase: "added-to-case"
        }
    }

    public var label: String {
        switch self {
        case .awaitingTriage: "awaiting triage"
        case .accepted(let c): "accepted as \(c)"
        case .returned(let missing): "returned: \(missing)"
        case .notEligible(let reason): "not eligible: \(reason)"
        case .transferredOut(let t): "transferred to \(t.marac) on \(t.on.british)"
        case .recordedInError(let reason): "recorded in error: \(reason)"
        case .addedToCase(let c): "added to \(c) as a further incident"
        }
    }
}

/// One line of a referral's history: what its status became, who did it and when.
public struct StatusChange<Status: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public var status: Status
    public var stamp: Stamp

    public init(status: Status, stamp: Stamp) {
        self.status = status
        self.stamp = stamp
    }
}

public struct Referral: Hashable, Sendable, Codable, Identifiable {
    public var id: ReferralID
    public var details: ReferralDetails
    /// The earlier case this referral repeats, once an admin has linked it.
    public var repeatOf: CaseID?
    public var status: ReferralStatus
    public var history: [StatusChange<ReferralStatus>]
    /// The victim's name and aliases folded for matching (lower case, no accents, no spaces),
    /// kept with the record so searching a large store does not fold every name again.
    public var victimKeys: [String]
    public var receivedBy: Stamp

    public init(id: ReferralID, details: ReferralDetails, repeatOf: CaseID? = nil,
                status: ReferralStatus = .awaitingTriage, history: [StatusChange<ReferralStatus>] = [],
                receivedBy: Stamp) {
        self.init(id: id, details: details, repeatOf: repeatOf, status: status, history: history, receivedBy: receivedBy,
                  victimKeys: NameFolding.keys(name: details.victim.name, aliases: details.victim.aliases))
    }

    /// With the folded keys already known (read back from a snapshot).
    init(id: ReferralID, details: ReferralDetails, repeatOf: CaseID?, status: ReferralStatus,
         history: [StatusChange<ReferralStatus>], receivedBy: Stamp, victimKeys: [String]) {
        self.id = id
        self.details = details
        self.repeatOf = repeatOf
        self.status = status
        self.history = history
        self.victimKeys = victimKeys
        self.receivedBy = receivedBy
    }

    public var isAwaitingTriage: Bool { status == .awaitingTriage }
}
