public enum Gender: String, Hashable, Sendable, Codable, CaseIterable {
    case female, male
    case nonBinary = "non-binary"
    case other
    case notKnown = "not-known"
}

/// An answer that may honestly be unknown (disability, LGBT+, victim aware).
public enum YesNoUnknown: String, Hashable, Sendable, Codable, CaseIterable {
    case yes, no
    case notKnown = "not-known"
}

/// Broad ethnic groups as the census and the data return use them. `white` is White British
/// (and Irish); the White minority groups the census names are their own, because SafeLives
/// counts them among "Black, Asian and minority ethnic" victims. (Stored by position: new
/// groups are added at the end.)
public enum EthnicGroup: String, Hashable, Sendable, Codable, CaseIterable {
    case white
    case mixed
    case asian
    case black
    case other
    case notKnown = "not-known"
    case gypsyOrIrishTraveller = "gypsy-or-irish-traveller"
    case roma
    case otherWhite = "other-white"

    /// Counted under "Black, Asian and minority ethnic" in the data return: every group but
    /// White British (SafeLives' Marac data guidance counts White minorities too).
    public var isRaciallyMinoritised: Bool {
        switch self {
        case .mixed, .asian, .black, .other, .gypsyOrIrishTraveller, .roma, .otherWhite: true
        case .white, .notKnown: false
        }
    }
}

/// Diversity monitoring: recorded for the victim, counted only in aggregate.
public struct Diversity: Hashable, Sendable, Codable {
    public var ethnicity: EthnicGroup
    /// The person's own words ("White Irish", "Bangladeshi"), when given.
    public var ethnicityDetail: String
    public var disability: YesNoUnknown
    public var lgbt: YesNoUnknown

    public init(ethnicity: EthnicGroup = .notKnown, ethnicityDetail: String = "",
                disability: YesNoUnknown = .notKnown, lgbt: YesNoUnknown = .notKnown) {
        self.ethnicity = ethnicity
        self.ethnicityDetail = ethnicityDetail
        self.disability = disability
        self.lgbt = lgbt
    }
}

public struct Address: Hashable, Sendable, Codable {
    /// Street lines, as written; not parsed.
    public var lines: String
    public var postcode: String

    public init(lines: String, postcode: String = "") {
        self.lines = lines
        self.postcode = postcode
    }

    public var oneLine: String { postcode.isEmpty ? lines : "\(lines), \(postcode)" }
}

/// How to reach the victim without putting them at risk.
public struct SafeContact: Hashable, Sendable, Codable {
    public var phone: String
    public var safeToCall: YesNoUnknown
    /// When it is safe to call, or whom to go through.
    public var safeTimes: String

    public init(phone: String = "", safeToCall: YesNoUnknown = .notKnown, safeTimes: String = "") {
        self.phone = phone
        self.safeToCall = safeToCall
        self.safeTimes = safeTimes
    }
}

/// A victim or perpetrator: everything a referral records about one adult.
public struct Person: Hashable, Sendable, Codable {
    public var name: String
    public var aliases: [String]
    public var dateOfBirth: Day?
    public var gender: Gender
    public var address: Address?
    public var contact: SafeContact?
    public var language: String
    public var needsInterpreter: Bool
    public var diversity: Diversity

    public init(name: String, aliases: [String] = [], dateOfBirth: Day? = nil, gender: Gender = .notKnown,
                address: Address? = nil, contact: SafeContact? = nil, language: String = "",
                needsInterpreter: Bool = false, diversity: Diversity = Diversity()) {
        self.name = name
        self.aliases = aliases
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.address = address
        self.contact = contact
        self.language = language
        self.needsInterpreter = needsInterpreter
        self.diversity = diversity
    }

    public func age(on day: Day) -> Int? { dateOfBirth.map { $0.age(on: day) } }
}

/// How the person causing harm is related to the victim. MARAC hears intimate partner and
/// family abuse; "other" is kept so that a referral can still be recorded and then declined.
public enum Relationship: String, Hashable, Sendable, Codable, CaseIterable {
    case partner
    case exPartner = "ex-partner"
    case family
    case other

    public var label: String {
        switch self {
        case .partner: "partner"
        case .exPartner: "ex-partner"
        case .family: "family member"
        case .other: "other"
        }
    }
}

public struct Perpetrator: Hashable, Sendable, Codable {
    public var person: Person
    public var relationship: Relationship
    /// "Son", "brother-in-law": the detail behind "family".
    public var relationshipDetail: String

    public init(person: Person, relationship: Relationship, relationshipDetail: String = "") {
        self.person = person
        self.relationship = relationship
        self.relationshipDetail = relationshipDetail
    }
}

/// A child in the household, one row each as the referral form has them.
public struct Child: Hashable, Sendable, Codable {
    public var name: String
    public var dateOfBirth: Day?
    public var relationshipToVictim: String
    public var relationshipToPerpetrator: String
    public var school: String

    public init(name: String, dateOfBirth: Day? = nil, relationshipToVictim: String = "",
                relationshipToPerpetrator: String = "", school: String = "") {
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.relationshipToVictim = relationshipToVictim
        self.relationshipToPerpetrator = relationshipToPerpetrator
        self.school = school
    }
}
