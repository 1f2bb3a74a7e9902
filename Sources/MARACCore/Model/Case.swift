public enum CaseStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Accepted and on a meeting's case list, not yet heard.
    case listed
    /// Heard at a meeting; its actions are followed up.
    case heard
    case transferredOut = "transferred-out"
    case recordedInError = "recorded-in-error"
}

/// One agency's research return for a case: the records it searched before the meeting, and,
/// when it came back in the agency's spreadsheet, what it found.
public struct ResearchReturn: Hashable, Sendable, Codable {
    public var agency: AgencyID
    public var receivedOn: Day
    /// Whether the agency knows the victim, the perpetrator or the children.
    public var known: YesNoUnknown = .notKnown
    /// The information the agency will share at the meeting.
    public var information: String = ""
    public var risks: String = ""
    /// The agency's last contact with the victim.
    public var lastContact: Day?
    /// The file it came in, when it was imported.
    public var source: String = ""

    public init(agency: AgencyID, receivedOn: Day, known: YesNoUnknown = .notKnown, information: String = "", risks: String = "",
                lastContact: Day? = nil, source: String = "") {
        self.agency = agency
        self.receivedOn = receivedOn
        self.known = known
        self.information = information
        self.risks = risks
        self.lastContact = lastContact
        self.source = source
    }

    /// True when the return carries what the agency found, not only a tick.
    public var hasFindings: Bool { !information.isEmpty || !risks.isEmpty || known != .notKnown || lastContact != nil }
}

/// A victim episode heard at MARAC: made when a referral is accepted, linked to the earlier
/// case it repeats, and the thread that meetings, risks and actions hang from.
public struct Case: Hashable, Sendable, Codable, Identifiable {
    public var id: CaseID
    public var referral: ReferralID
    public var acceptedOn: Day
    /// The meeting the case is listed for (or was heard at).
    public var meeting: MeetingID
    public var repeatOf: CaseID?
    /// The IDVA service the victim was referred to automatically on acceptance.
    public var idvaService: AgencyID?
    public var idvaReferredOn: Day
    public var transferredOut: Transfer?
    public var researchReturns: [ResearchReturn]
    public var status: CaseStatus
    /// The day of the last meeting that heard the case, for the repeat window's anchor.
    public var lastHeardOn: Day?
    /// Set when the case's personal data has been erased under the retention period.
    public var purgedOn: Day?

    public init(id: CaseID, referral: ReferralID, acceptedOn: Day, meeting: MeetingID, repeatOf: CaseID?,
                idvaService: AgencyID?, idvaReferredOn: Day, transferredOut: Transfer? = nil,
                researchReturns: [ResearchReturn] = [], status: CaseStatus = .listed,
                lastHeardOn: Day? = nil, purgedOn: Day? = nil) {
        self.id = id
        self.referral = referral
        self.acceptedOn = acceptedOn
        self.meeting = meeting
        self.repeatOf = repeatOf
        self.idvaService = idvaService
        self.idvaReferredOn = idvaReferredOn
        self.transferredOut = transferredOut
        self.researchReturns = researchReturns
        self.status = status
        self.lastHeardOn = lastHeardOn
        self.purgedOn = purgedOn
    }

    public func researchReturn(from agency: AgencyID) -> ResearchReturn? {
        researchReturns.first { $0.agency == agency }
    }
}
