/// An earlier case that may be the same victim as a new referral, and why.
public struct RepeatCandidate: Hashable, Sendable {
    public var caseID: CaseID
    /// Plain reasons: "same name and date of birth", "alias "Lan Nguyen" matches".
    public var reasons: [String]
    /// True when name and date of birth both match exactly (after folding).
    public var isExact: Bool
    public var windowEnds: Day
    /// True when the referral falls inside the case's repeat window.
    public var withinWindow: Bool
    /// Whether the referral names the same perpetrator as the case.
    public var perpetrator: PerpetratorMatch
    /// The case is accepted but not heard yet: the referral is a further incident for it.
    public var notYetHeard: Bool

    /// Linking makes it a repeat: a case already heard, inside its window, and not a new
    /// perpetrator (SafeLives: the same victim and perpetrator(s), within 12 months of the last
    /// referral).
    public var canBeRepeat: Bool { withinWindow && perpetrator != .different && !notYetHeard }
}

extension MARACState {
    /// Earlier cases whose victim may be this referral's victim: names matched regardless of
    /// case, accents, spacing and aliases, with the date of birth, tolerating one typo in either
    /// the name or the date. Most recent case first.
    public func repeatCandidates(for details: ReferralDetails, excluding referralID: ReferralID? = nil) -> [RepeatCandidate] {
        let keys = NameFolding.keys(name: details.victim.name, aliases: details.victim.aliases)
        guard !keys.isEmpty else { return [] }
        let birth = details.victim.dateOfBirth
        var found: [CaseID: RepeatCandidate] = [:]

        func consider(_ caseID: CaseID, reason: String, exact: Bool) {
            guard let c = `case`(caseID), c.status != .recordedInError, c.referral != referralID,
                  c.purgedOn == nil, let earlier = referral(of: c) else { return }
            let end = repeatWindowEnd(of: c)
            let anchorReferral = referralDate(of: c)
            guard anchorReferral <= details.receivedOn else { return }
            if var existing = found[caseID] {
                if !existing.reasons.contains(reason) { existing.reasons.append(reason) }
                existing.isExact = existing.isExact || exact
                found[caseID] = existing
            } else {
                found[caseID] = RepeatCandidate(caseID: caseID, reasons: [reason], isExact: exact,
                                                windowEnds: end, withinWindow: details.receivedOn <= end,
                                                perpetrator: .between(details.perpetrators, earlier.details.perpetrators),
                                                notYetHeard: c.status == .listed)
            }
        }

        // Same date of birth: the name may be one letter out, or an alias.
        if let birth {
            for caseID in index.cases(bornOn: birth.ordinal) {
                guard let r = `case`(caseID).flatMap(referral(of:)) else { continue }
                if let reason = Self.nameReason(keys, r.victimKeys, details: details, earlier: r.details) {
                    consider(caseID, reason: "same date of birth; " + reason.text, exact: reason.exact)
                }
            }
        }
        // Same name (or alias): the date of birth may be one typo out, or missing on one side.
        for key in keys {
            for caseID in index.cases(withKey: key) {
                guard let r = `case`(caseID).flatMap(referral(of:)) else { continue }
                let earlierBirth = r.details.victim.dateOfBirth
                switch (birth, earlierBirth) {
                case let (a?, b?) where a == b:
                    continue  // handled above
                case let (a?, b?):
                    if Self.birthDatesWithinOneTypo(a, b) {
                        consider(caseID, reason: "same name; date of birth differs by one typo (\(a.british) and \(b.british))", exact: false)
                    }
                default:
                    consider(caseID, reason: "same name; no date of birth to compare", exact: false)
                }
            }
        }
        return found.values.sorted { $0.caseID > $1.caseID }
    }

    static func nameReason(_ keys: [String], _ earlierKeys: [String], details: ReferralDetails,
                           earlier: ReferralDetails) -> (text: String, exact: Bool)? {
        guard let mainKey = keys.first, let earlierMain = earlierKeys.first else { return nil }
        if mainKey == earlierMain { return ("same name", true) }
        for (i, k) in keys.enumerated() {
            for (j, e) in earlierKeys.enumerated() where k == e {
                let newName = i == 0 ? details.victim.name : details.victim.aliases[safe: i - 1] ?? k
                let oldName = j == 0 ? earlier.victim.name : earlier.victim.aliases[safe: j - 1] ?? e
                return ("alias \"\(i == 0 ? oldName : newName)\" matches", true)
            }
        }
        let unordered = Set(([details.victim.name] + details.victim.aliases).map(NameFolding.unorderedKey))
        let earlierUnordered = Set(([earlier.victim.name] + earlier.victim.aliases).map(NameFolding.unorderedKey))
        if !unordered.isDisjoint(with: earlierUnordered) { return ("same name, words in another order", true) }
        for k in keys {
            for e in earlierKeys where EditDistance.withinOne(k, e) {
                return ("name differs by one letter", false)
            }
        }
        let sounds = Set(([details.victim.name] + details.victim.aliases).map(SoundKey.ofName))
        if !sounds.isDisjoint(with: ([earlier.victim.name] + earlier.victim.aliases).map(SoundKey.ofName)) {
            return ("names sound alike (\(earlier.victim.name))", false)
        }
        return nil
    }

    /// One digit changed, two neighbouring digits swapped, or day and month swapped.
    static func birthDatesWithinOneTypo(_ a: Day, _ b: Day) -> Bool {
        let x = Array(a.iso.utf8), y = Array(b.iso.utf8)
        var diffs: [Int] = []
        for i in 0..<min(x.count, y.count) where x[i] != y[i] { diffs.append(i) }
        if diffs.count == 1 { return true }
        if diffs.count == 2, diffs[1] == diffs[0] + 1, x[diffs[0]] == y[diffs[1]], x[diffs[1]] == y[diffs[0]] {
            return true
        }
        let ca = a.civil, cb = b.civil
        return ca.year == cb.year && ca.month == cb.day && ca.day == cb.month
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
