/// The repeat windows a meeting is told have lapsed, so agencies can take down their flags.
///
/// SafeLives: "A repeat is any instance of abuse between the same victim and perpetrator(s),
/// within 12 months of the last referral to Marac." A victim's window is therefore open until
/// 12 months after their *last* referral: a case whose own window ended is not lapsed while a
/// later case of the same victim keeps one open. Each victim is listed once, by their latest
/// case, and only when that window ended since the previous meeting.
extension MARACState {
    /// Victims whose last window closed after the previous meeting and on or before this one.
    public func lapsedWindows(before m: Meeting) -> [CaseID] {
        let from = previousMeeting(before: m)?.date ?? m.date.adding(days: -28)
        return lapsedWindows(after: from, through: m.date)
    }

    public func lapsedWindows(after from: Day, through to: Day) -> [CaseID] {
        var out: [CaseID] = []
        var repeats: [CaseID: [CaseID]]?
        for i in cases.indices where cases[i].status == .heard && cases[i].purgedOn == nil {
            let c = cases[i]
            let end = repeatWindowEnd(of: c)
            guard end > from && end <= to else { continue }
            // A later case of the same victim keeps the window open (or lists the victim by it).
            if repeats == nil { repeats = repeatsByCase() }
            let laterCase = casesOfSameVictim(as: c, repeats: repeats!).contains { id in
                guard let d = `case`(id), d.status != .recordedInError, d.purgedOn == nil else { return false }
                let e = repeatWindowEnd(of: d)
                return e > end || (e == end && id > c.id)
            }
            if !laterCase { out.append(c.id) }
        }
        return out
    }

    /// The other cases of this case's victim: those linked to it as repeats, either way and
    /// along the chain, and those whose victim has the same date of birth and a name or alias
    /// that folds the same. (A near match is a question for the admin, not an identity.)
    public func casesOfSameVictim(as c: Case) -> Set<CaseID> { casesOfSameVictim(as: c, repeats: repeatsByCase()) }

    /// Each case and the cases linked to it as its repeats.
    func repeatsByCase() -> [CaseID: [CaseID]] {
        var out: [CaseID: [CaseID]] = [:]
        for d in cases where d.status != .recordedInError { if let up = d.repeatOf { out[up, default: []].append(d.id) } }
        return out
    }

    func casesOfSameVictim(as c: Case, repeats: [CaseID: [CaseID]]) -> Set<CaseID> {
        // The chain of repeats: up to its first case, then every repeat down from there.
        var root = c
        var climbed: Set<CaseID> = [c.id]
        while let up = root.repeatOf, let parent = `case`(up), climbed.insert(up).inserted { root = parent }
        var found: Set<CaseID> = [root.id]
        var queue = [root.id]
        while let next = queue.popLast() {
            for d in repeats[next] ?? [] where found.insert(d).inserted { queue.append(d) }
        }
        if let r = referral(of: c), let birth = r.details.victim.dateOfBirth {
            let keys = Set(r.victimKeys)
            for id in index.cases(bornOn: birth.ordinal) {
                guard let other = `case`(id).flatMap(referral(of:)), !keys.isDisjoint(with: other.victimKeys) else { continue }
                found.insert(id)
            }
        }
        found.remove(c.id)
        return found
    }
}
