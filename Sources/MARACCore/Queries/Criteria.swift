/// Which of the four referral criteria a referral meets. Any one is enough.
public struct CriteriaMet: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The risk tool's score reaches the area's threshold.
    public static let visibleHighRisk = CriteriaMet(rawValue: 1)
    /// The referrer wrote down reasons for professional judgement.
    public static let professionalJudgement = CriteriaMet(rawValue: 2)
    /// Enough incidents in the escalation rule's months.
    public static let escalation = CriteriaMet(rawValue: 4)
    /// Linked to an earlier case inside its repeat window.
    public static let `repeat` = CriteriaMet(rawValue: 8)

    public static let all: [(CriteriaMet, short: String, key: String, label: String)] = [
        (.visibleHighRisk, "VHR", "visible-high-risk", "visible high risk"),
        (.professionalJudgement, "PJ", "professional-judgement", "professional judgement"),
        (.escalation, "ESC", "potential-escalation", "potential escalation"),
        (.repeat, "REP", "repeat", "repeat"),
    ]

    /// `VHR+REP`: compact, for table columns.
    public var short: String {
        let parts = Self.all.filter { contains($0.0) }.map(\.short)
        return parts.isEmpty ? "none" : parts.joined(separator: "+")
    }

    /// Stable keys for JSON and CSV.
    public var keys: [String] { Self.all.filter { contains($0.0) }.map(\.key) }

    public var labels: [String] { Self.all.filter { contains($0.0) }.map(\.label) }
}

extension MARACState {
    public func criteria(of referral: Referral) -> CriteriaMet {
        criteria(of: referral.details, repeatOf: referral.repeatOf)
    }

    public func criteria(of details: ReferralDetails, repeatOf: CaseID?) -> CriteriaMet {
        var met: CriteriaMet = []
        if let a = details.assessment, let tool = profile.riskTool(a.toolKey), tool.meetsThreshold(a.score) {
            met.insert(.visibleHighRisk)
        }
        if !details.professionalJudgement.trimmingSpaces().isEmpty { met.insert(.professionalJudgement) }
        // Potential escalation, in frequency (enough incidents in the rule's months) or in
        // severity (flagged, with the reason).
        if let incidents = details.incidents,
           incidents.count(under: profile.escalation, referralDate: details.receivedOn) >= profile.escalation.incidents
            || incidents.severityEscalates {
            met.insert(.escalation)
        }
        if let repeatOf, let c = `case`(repeatOf), details.receivedOn <= repeatWindowEnd(of: c) {
            met.insert(.repeat)
        }
        return met
    }

    /// The day a case's repeat window closes: a further referral on or before it is a repeat.
    /// Counted from the last referral or the last meeting, as the area profile says; a case not
    /// yet heard counts from its referral under either anchor.
    public func repeatWindowEnd(of c: Case) -> Day {
        repeatWindowAnchor(of: c).adding(months: profile.repeatWindowMonths)
    }

    public func repeatWindowAnchor(of c: Case) -> Day {
        switch profile.repeatAnchor {
        case .lastReferral:
            return referralDate(of: c)
        case .lastMeeting:
            return c.lastHeardOn ?? meetingDate(c.meeting) ?? c.acceptedOn
        }
    }

    /// The score of a referral's assessment and the tool that gave it, for display.
    public func riskScore(of details: ReferralDetails) -> (score: Int, tool: RiskTool)? {
        guard let a = details.assessment, let tool = profile.riskTool(a.toolKey) else { return nil }
        return (a.score, tool)
    }
}
