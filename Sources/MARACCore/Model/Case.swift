public enum CaseStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Accepted and on a meeting's case list, not yet heard.
    case listed
    /// Heard at a meeting; its actions are followed up.
    case heard
    case transferredOut = "transferred-out"
    case recordedInError = "recorded-in-error"
}

/// One agency's research return for a case: the records it searched before the meeting.
public struct ResearchReturn: Hashable, Sendable, Codable {
    public var agency: AgencyID
    public var receivedOn: Day

    public init(agency: AgencyID, receivedOn: Day) {
        self.agency = agency
        self.receivedOn = receivedOn
    }
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
