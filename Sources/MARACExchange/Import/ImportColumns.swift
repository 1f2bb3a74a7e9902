import MARACCore

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

    /// Other headings trackers use for each column, as a person writes them (matched the same
    /// way as the names themselves). `marac import referrals --help` and Docs/import.md list them.
    public static let otherNames: [ImportColumn: [String]] = [
        .reference: ["ref", "referral reference", "referral ref", "marac reference"],
        .referralDate: ["date received", "date", "date of referral", "date referred", "referral received"],
        .referringAgency: ["agency", "referrer", "referrer agency", "referred by", "referring agency name"],
        .victimName: ["victim", "name", "client name"],
        .victimDOB: ["dob", "date of birth", "victim date of birth", "victim d.o.b."],
        .victimGender: ["gender", "sex"],
        .victimAddress: ["address", "victim postcode and address"],
        .victimEthnicity: ["ethnicity"],
        .victimDisability: ["disability"],
        .victimLGBT: ["lgbt", "lgbtq"],
        .perpetratorName: ["perpetrator", "alleged perpetrator"],
        .perpetratorDOB: ["perpetrator date of birth", "perpetrator d.o.b."],
        .perpetratorRelationship: ["relationship", "relationship to victim"],
        .childrenCount: ["children", "number of children", "no. of children", "children in household"],
        .dashScore: ["dash", "dash ric score", "dash risk score"],
        .meritScore: ["merit"],
        .professionalJudgement: ["pj"],
        .escalationIncidents: ["incidents"],
        .summary: ["incident summary", "reason for referral"],
    ]

    /// What the column holds, in a few words for `--help`.
    public var holds: String {
        switch self {
        case .reference: "the referral's reference; unique (a reference already stored is skipped)"
        case .referralDate: "the day it was received: 2026-03-01 or 01/03/2026"
        case .referringAgency: "an agency's name as the store has it (--create-agencies adds new ones)"
        case .victimName: "full name"
        case .victimDOB: "date of birth"
        case .victimGender: "female, male, non-binary, other, not known"
        case .victimAddress: "one line; a postcode at the end after a comma is kept apart"
        case .victimEthnicity: "the census group or its wording (\"White British\", \"Mixed\")"
        case .victimDisability, .victimLGBT: "yes, no or not known"
        case .perpetratorName: "full name of the first perpetrator"
        case .perpetratorDOB: "date of birth"
        case .perpetratorRelationship: "partner, ex-partner, family member, other (\"ex-wife\", \"son\" are read)"
        case .childrenCount: "children in the household: a number, 0 for none; empty or not known if not known"
        case .dashScore: "DASH RIC score, 0-24"
        case .meritScore: "MeRIT score, used when there is no DASH score"
        case .professionalJudgement: "reasons for professional judgement; any text meets the criterion"
        case .escalationIncidents: "incidents in the escalation period, a number"
        case .victimAware: "whether the victim knows of the referral: yes, no or not known"
        case .summary: "the incident summary; line breaks are kept"
        }
    }

    /// Every column with whether it is required, what it holds and its other names: the text
    /// `marac import referrals --help` ends with, for a machine that has no Docs/ folder.
    /// Wrapped to 78 columns with each column's lines under its name, so that the help's own
    /// wrapping at 80 leaves it as it is.
    public static var helpText: String {
        allCases.flatMap { c in
            var lines = wrap("\(c.name)\(c.isRequired ? " (required)" : ""): \(c.holds)", width: 74).enumerated().map { ($0 == 0 ? "  " : "    ") + $1 }
            if let others = otherNames[c], !others.isEmpty {
                lines += wrap("also read as " + others.map { "\"\($0)\"" }.joined(separator: ", "), width: 72).map { "      " + $0 }
            }
            return lines
        }.joined(separator: "\n")
    }

    static let byNormalisedName: [String: ImportColumn] = {
        var map: [String: ImportColumn] = [:]
        for c in allCases { map[normalise(c.rawValue)] = c }
        for (column, names) in otherNames {
            for name in names { map[normalise(name)] = column }
        }
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
