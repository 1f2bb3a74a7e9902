/// The kinds of agency that sit at a MARAC. The data return counts referrals by kind, and the
/// IDVA service is found by kind when a case is accepted.
public enum AgencyKind: String, Hashable, Sendable, Codable, CaseIterable {
    case police
    case probation
    case health
    case childrensSocialCare = "childrens-social-care"
    case adultSocialCare = "adult-social-care"
    case housing
    case education
    case substanceMisuse = "substance-misuse"
    case mentalHealth = "mental-health"
    case idvaService = "idva-service"
    case specialistDAService = "specialist-da-service"
    case fireAndRescue = "fire-and-rescue"
    case youthOffending = "youth-offending"
    case other

    public var label: String {
        switch self {
        case .police: "Police"
        case .probation: "Probation"
        case .health: "Health"
        case .childrensSocialCare: "Children's social care"
        case .adultSocialCare: "Adult social care"
        case .housing: "Housing"
        case .education: "Education"
        case .substanceMisuse: "Substance misuse"
        case .mentalHealth: "Mental health"
        case .idvaService: "IDVA service"
        case .specialistDAService: "Specialist DA service"
        case .fireAndRescue: "Fire and rescue"
        case .youthOffending: "Youth offending"
        case .other: "Other"
        }
    }
}

/// An agency's named point of contact.
public struct Representative: Hashable, Sendable, Codable {
    public var name: String
    public var jobTitle: String
    public var contact: String

    public init(name: String, jobTitle: String = "", contact: String = "") {
        self.name = name
        self.jobTitle = jobTitle
        self.contact = contact
    }
}

public struct Agency: Hashable, Sendable, Codable, Identifiable {
    public var id: AgencyID
    public var name: String
    public var kind: AgencyKind
    /// When the agency signed the Information Sharing Protocol; nil while it has not, and then
    /// it may not share case information or be handed actions at the meeting.
    public var ispSignedOn: Day?
    public var representatives: [Representative]

    /// When the agency stopped sitting at the MARAC: it stays in the history (its referrals,
    /// actions and attendance) but is no longer offered for new ones.
    public var retiredOn: Day?

    public init(id: AgencyID, name: String, kind: AgencyKind, ispSignedOn: Day? = nil,
                representatives: [Representative] = [], retiredOn: Day? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.ispSignedOn = ispSignedOn
        self.representatives = representatives
        self.retiredOn = retiredOn
    }

    public var hasSignedISP: Bool { ispSignedOn != nil }

    /// Still sits at the MARAC.
    public var isActive: Bool { retiredOn == nil }
}
