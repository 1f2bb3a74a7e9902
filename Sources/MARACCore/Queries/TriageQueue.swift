/// Why a referral in the queue needs a second look.
public struct TriageFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let possibleRepeat = TriageFlags(rawValue: 1)
    public static let underAge = TriageFlags(rawValue: 2)
    public static let outOfArea = TriageFlags(rawValue: 4)
    public static let agencyWithoutISP = TriageFlags(rawValue: 8)
    /// Score in the upper half of the tool's range above its threshold (19+ on the DASH).
    public static let highestRisk = TriageFlags(rawValue: 16)
    public static let noCriterionYet = TriageFlags(rawValue: 32)
    /// The victim's case is accepted but not heard yet: this is a further incident for it.
    public static let furtherIncident = TriageFlags(rawValue: 64)

    public static let all: [(TriageFlags, key: String, label: String)] = [
        (.highestRisk, "highest-risk", "highest risk"),
        (.possibleRepeat, "possible-repeat", "possible repeat"),
        (.underAge, "under-age", "under age"),
        (.outOfArea, "out-of-area", "out of area"),
        (.agencyWithoutISP, "agency-without-isp", "agency has not signed the ISP"),
        (.noCriterionYet, "no-criterion-yet", "no criterion met yet"),
        (.furtherIncident, "further-incident", "further incident for a case not yet heard"),
    ]

    public var labels: [String] { Self.all.filter { contains($0.0) }.map(\.label) }
    public var keys: [String] { Self.all.filter { contains($0.0) }.map(\.key) }
}

public struct TriageRow: Hashable, Sendable {
    public var referral: ReferralID
    public var criteria: CriteriaMet
    public var score: Int?
    public var band: String?
    public var flags: TriageFlags
}

extension MARACState {
    /// Referrals awaiting triage, oldest first (by the day received, then the order entered).
    public func triageQueue() -> [TriageRow] {
        index.awaitingTriage.compactMap(referral)
            .sorted { ($0.details.receivedOn, $0.id) < ($1.details.receivedOn, $1.id) }
            .map(triageRow)
    }

    public func triageRow(_ r: Referral) -> TriageRow {
        let d = r.details
        let criteria = criteria(of: r)
        var flags: TriageFlags = []
        var score: Int?
        var band: String?
        if let (s, tool) = riskScore(of: d) {
            score = s
            band = tool.band(for: s)?.name
            if s >= tool.threshold + (tool.maximumScore - tool.threshold + 1) / 2 { flags.insert(.highestRisk) }
        }
        if r.repeatOf == nil {
            let candidates = repeatCandidates(for: d, excluding: r.id)
            if candidates.contains(where: \.canBeRepeat) { flags.insert(.possibleRepeat) }
            if candidates.contains(where: { $0.notYetHeard && $0.perpetrator != .different }) { flags.insert(.furtherIncident) }
        }
        if let age = d.victim.age(on: d.receivedOn), age < profile.minimumAge { flags.insert(.underAge) }
        if let postcode = d.victim.address?.postcode, !profile.covers(postcode: postcode) { flags.insert(.outOfArea) }
        if let agency = agency(d.agency), !agency.hasSignedISP { flags.insert(.agencyWithoutISP) }
        if criteria.isEmpty { flags.insert(.noCriterionYet) }
        return TriageRow(referral: r.id, criteria: criteria, score: score, band: band, flags: flags)
    }
}
