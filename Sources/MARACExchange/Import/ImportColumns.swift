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
            "referralreference": .reference, "ref": .reference, "marac reference": .reference, "referral ref": .reference,
            "datereceived": .referralDate, "referraldate": .referralDate, "date": .referralDate, "date of referral": .referralDate,
            "date referred": .referralDate, "referral received": .referralDate,
            "agency": .referringAgency, "referrer": .referringAgency, "referring agency name": .referringAgency,
            "referrer agency": .referringAgency, "referred by": .referringAgency,
            "victim": .victimName, "victim name": .victimName, "name": .victimName, "client name": .victimName,
            "victimdateofbirth": .victimDOB, "dob": .victimDOB, "date of birth": .victimDOB, "victim d.o.b.": .victimDOB,
            "gender": .victimGender, "sex": .victimGender, "address": .victimAddress, "victim postcode and address": .victimAddress,
            "ethnicity": .victimEthnicity, "disability": .victimDisability, "lgbt": .victimLGBT, "lgbtq": .victimLGBT,
            "perpetrator": .perpetratorName, "alleged perpetrator": .perpetratorName,
            "perpetratordateofbirth": .perpetratorDOB, "perpetrator d.o.b.": .perpetratorDOB, "relationship": .perpetratorRelationship,
            "relationship to victim": .perpetratorRelationship,
            "children": .childrenCount, "numberofchildren": .childrenCount, "no of children": .childrenCount,
            "no. of children": .childrenCount, "number of children": .childrenCount, "children in household": .childrenCount,
            "dash": .dashScore, "dash ric score": .dashScore, "dash risk score": .dashScore, "merit": .meritScore,
            "pj": .professionalJudgement, "incidents": .escalationIncidents, "incidentsummary": .summary, "reason for referral": .summary,
        ]
        for (k, v) in aliases { map[normalise(k)] = v }
        return map
    }()

    static func match(_ header: String) -> ImportColumn? { byNormalisedName[normalise(header)] }

    /// The column an unknown heading seems to mean, so that it is refused with "did you mean"
    /// rather than dropped: a slip of a letter or two ("Victm Name", "Childs"), or a heading that
    /// holds a column's name or another name for it ("Total No of Children (under 18)").
    static func resembling(_ header: String) -> ImportColumn? {
        let n = normalise(header)
        guard n.count >= 3 else { return nil }
        var best: (ImportColumn, Int)?
        for (name, column) in byNormalisedName {
            let distance = editDistance(n, name)
            if distance <= max(1, min(n.count, name.count) / 4), distance < (best?.1 ?? .max) { best = (column, distance) }
        }
        if let best { return best.0 }
        // A heading that contains a column's name (or another name for it) of five letters or
        // more, or begins with the same five letters or more as one ("Childs", "Perpetrators").
        if let within = byNormalisedName.filter({ $0.key.count >= 5 && n.contains($0.key) }).max(by: { $0.key.count < $1.key.count }) {
            return within.value
        }
        return byNormalisedName.map { ($0.value, zip(n, $0.key).prefix { $0 == $1 }.count) }.filter { $0.1 >= 5 }.max { $0.1 < $1.1 }?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The name as Docs/import.md and messages give it.
    public var name: String { rawValue }
}
