/// The columns a referrals spreadsheet may have (Docs/import.md). Header names are matched
/// ignoring case, spaces, underscores and hyphens: "Victim DOB", "victim_dob" and "VICTIM-DOB"
/// are the same column.
public enum ImportColumn: String, CaseIterable, Sendable {
    case reference
    case referralDate = "referral_date"
    case referringAgency = "referring_agency"
    case victimName = "victim_name"
    case victimDOB = "victim_dob"
    case victimGender = "victim_gender"
    case victimAddress = "victim_address"
    case victimEthnicity = "victim_ethnicity"
    case victimDisability = "victim_disability"
    case victimLGBT = "victim_lgbt"
    case perpetratorName = "perpetrator_name"
    case perpetratorDOB = "perpetrator_dob"
    case perpetratorRelationship = "perpetrator_relationship"
    case childrenCount = "children_count"
    case dashScore = "dash_score"
    case meritScore = "merit_score"
    case professionalJudgement = "professional_judgement"
    case escalationIncidents = "escalation_incidents"
    case victimAware = "victim_aware"
    case summary

    public static let required: [ImportColumn] = [.reference, .referralDate, .referringAgency, .victimName, .victimDOB]

    public var isRequired: Bool { Self.required.contains(self) }

    /// How a header cell is compared.
    static func normalise(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }

    static let byNormalisedName: [String: ImportColumn] = {
        var map: [String: ImportColumn] = [:]
        for c in allCases { map[normalise(c.rawValue)] = c }
        // Names spreadsheets commonly use for the same thing.
        let aliases: [String: ImportColumn] = [
            "referralreference": .reference, "ref": .reference, "marac reference": .reference,
            "datereceived": .referralDate, "referraldate": .referralDate, "date": .referralDate,
            "agency": .referringAgency, "referrer": .referringAgency,
            "victim": .victimName, "victimdateofbirth": .victimDOB, "dob": .victimDOB,
            "perpetratordateofbirth": .perpetratorDOB, "children": .childrenCount, "numberofchildren": .childrenCount,
            "dash": .dashScore, "merit": .meritScore, "pj": .professionalJudgement,
            "incidents": .escalationIncidents, "incidentsummary": .summary,
        ]
        for (k, v) in aliases { map[normalise(k)] = v }
        return map
    }()

    static func match(_ header: String) -> ImportColumn? { byNormalisedName[normalise(header)] }

    /// The name as Docs/import.md and messages give it.
    public var name: String { rawValue }
}
