/// Whether a new referral names the same perpetrator as an earlier case of its victim.
///
/// SafeLives: "A repeat is any instance of abuse between the same victim and perpetrator(s),
/// within 12 months of the last referral to Marac." A known victim referred for abuse by someone
/// new is a new case, not a repeat, and is not counted in the repeat rate.
public enum PerpetratorMatch: String, Hashable, Sendable, Codable {
    /// One of the new referral's perpetrators is one of the earlier case's.
    case same
    /// Both name perpetrators and none of them is the same person.
    case different
    /// One side names no perpetrator: the admin judges.
    case notKnown = "not-known"

    public var label: String {
        switch self {
        case .same: "same perpetrator"
        case .different: "known victim, new perpetrator: a new case, not a repeat"
        case .notKnown: "perpetrator not named on both referrals"
        }
    }

    /// The match between the perpetrators of a new referral and of an earlier one: any of
    /// several on each side.
    public static func between(_ new: [Perpetrator], _ earlier: [Perpetrator]) -> PerpetratorMatch {
        let a = new.map(\.person).filter { !$0.name.trimmingSpaces().isEmpty }
        let b = earlier.map(\.person).filter { !$0.name.trimmingSpaces().isEmpty }
        if a.isEmpty || b.isEmpty { return .notKnown }
        for p in a { for q in b where PersonMatch.samePerson(p, q) { return .same } }
        return .different
    }
}

/// When two records name the same person: a name or alias that folds the same (in any word
/// order), or one letter out, with dates of birth that agree (one typo allowed) or are missing.
public enum PersonMatch {
    public static func samePerson(_ x: Person, _ y: Person) -> Bool {
        let kx = NameFolding.keys(name: x.name, aliases: x.aliases), ky = NameFolding.keys(name: y.name, aliases: y.aliases)
        let ux = unorderedKeys(x), uy = unorderedKeys(y)
        let names = !Set(kx).isDisjoint(with: ky) || !Set(ux).isDisjoint(with: uy)
            || kx.contains { k in ky.contains { EditDistance.withinOne(k, $0) } }
        guard names else { return false }
        switch (x.dateOfBirth, y.dateOfBirth) {
        case let (a?, b?): return a == b || MARACState.birthDatesWithinOneTypo(a, b)
        default: return true
        }
    }

    static func unorderedKeys(_ p: Person) -> [String] {
        ([p.name] + p.aliases).map(NameFolding.unorderedKey).filter { !$0.isEmpty }
    }
}
