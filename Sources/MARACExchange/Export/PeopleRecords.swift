import MARACCore

/// The people a referral names, as `marac list` and `marac show` give them: every field the
/// quarterly return counts (gender, ethnicity, disability, LGBT+, ages on the referral date),
/// so that a script can check or redo the return from the listing alone.

/// A victim's details for listings. `name` and `dob` were the whole record once; the rest were
/// added after them and scripts that read only the first two keep working.
public struct VictimRecord: Encodable, Sendable {
    public var name: String
    @OrNull public var dob: String?
    public var aliases: [String]
    /// `female`, `male`, `non-binary`, `other`, `not-known`.
    public var gender: String
    /// The census group: `white`, `mixed`, `asian`, `black`, `other`, `not-known`.
    public var ethnicity: String
    /// The victim's own words for it, when given.
    public var ethnicityDetail: String
    /// `yes`, `no`, `not-known`.
    public var disability: String
    public var lgbt: String
    /// Age on the day the referral was received, when the date of birth is known.
    @OrNull public var ageAtReferral: Int?
    public var language: String
    public var interpreter: Bool

    enum CodingKeys: String, CodingKey {
        case name, dob, aliases, gender, ethnicity, ethnicityDetail = "ethnicity_detail", disability, lgbt
        case ageAtReferral = "age_at_referral", language, interpreter
    }

    init(_ p: Person, referredOn: Day?) {
        name = p.name
        dob = p.dateOfBirth?.iso
        aliases = p.aliases
        gender = p.gender.rawValue
        ethnicity = p.diversity.ethnicity.rawValue
        ethnicityDetail = p.diversity.ethnicityDetail
        disability = p.diversity.disability.rawValue
        lgbt = p.diversity.lgbt.rawValue
        ageAtReferral = referredOn.flatMap { p.age(on: $0) }
        language = p.language
        interpreter = p.needsInterpreter
    }
}

/// A person causing harm, as the referral names them.
public struct PerpetratorRecord: Encodable, Sendable {
    public var name: String
    @OrNull public var dob: String?
    public var aliases: [String]
    public var gender: String
    /// `partner`, `ex-partner`, `family`, `other`.
    public var relationship: String
    /// "son", "brother-in-law": the detail behind `family`.
    public var relationshipDetail: String
    @OrNull public var ageAtReferral: Int?

    enum CodingKeys: String, CodingKey {
        case name, dob, aliases, gender, relationship, relationshipDetail = "relationship_detail", ageAtReferral = "age_at_referral"
    }

    init(_ p: Perpetrator, referredOn: Day) {
        name = p.person.name
        dob = p.person.dateOfBirth?.iso
        aliases = p.person.aliases
        gender = p.person.gender.rawValue
        relationship = p.relationship.rawValue
        relationshipDetail = p.relationshipDetail
        ageAtReferral = p.person.age(on: referredOn)
    }
}

/// A child in the household, one per row of the referral form.
public struct ChildRecord: Encodable, Sendable {
    public var name: String
    @OrNull public var dob: String?
    public var school: String
    public var relationshipToVictim: String
    public var relationshipToPerpetrator: String

    enum CodingKeys: String, CodingKey {
        case name, dob, school, relationshipToVictim = "relationship_to_victim", relationshipToPerpetrator = "relationship_to_perpetrator"
    }

    init(_ c: Child) {
        name = c.name
        dob = c.dateOfBirth?.iso
        school = c.school
        relationshipToVictim = c.relationshipToVictim
        relationshipToPerpetrator = c.relationshipToPerpetrator
    }
}

/// An earlier case that may be the same victim, with the reasons marac gives on screen.
public struct RepeatCandidateRecord: Encodable, Sendable {
    public var caseID: String
    public var reasons: [String]
    /// Name and date of birth both match exactly (after folding case and accents).
    public var exact: Bool
    public var windowEnds: String
    /// The referral falls inside that case's repeat window, so linking makes it a repeat.
    public var withinWindow: Bool
    /// "same", "different" (a known victim with a new perpetrator: not a repeat) or "not-known".
    public var perpetrator: String

    enum CodingKeys: String, CodingKey {
        case caseID = "case", reasons, exact, windowEnds = "window_ends", withinWindow = "within_window", perpetrator
    }

    init(_ c: RepeatCandidate) {
        caseID = c.caseID.description
        reasons = c.reasons
        exact = c.isExact
        windowEnds = c.windowEnds.iso
        withinWindow = c.withinWindow
        perpetrator = c.perpetrator.rawValue
    }
}

extension MARACState {
    /// The repeat candidates a listing gives for a referral: none for one recorded in error or
    /// whose personal data has been erased (there is nothing left to match).
    func listedRepeatCandidates(of r: Referral) -> [RepeatCandidateRecord] {
        if case .recordedInError = r.status { return [] }
        if r.details.victim.name.isEmpty { return [] }
        return repeatCandidates(for: r.details, excluding: r.id).map(RepeatCandidateRecord.init)
    }
}
