extension MARACState {
    /// Referrals whose victim's name or an alias contains the fragment (folded the same way as
    /// names, so "ngu" finds "Nguyễn"), newest first, up to `limit`.
    public func searchReferrals(_ fragment: String, limit: Int = 200) -> [ReferralID] {
        let key = NameFolding.fold(fragment)
        guard !key.isEmpty else { return [] }
        var hits: [ReferralID] = []
        for r in referrals.reversed() where r.victimKeys.contains(where: { $0.contains(key) }) {
            hits.append(r.id)
            if hits.count >= limit { break }
        }
        return hits
    }

    /// Cases whose victim matches the fragment, newest first.
    public func searchCases(_ fragment: String, limit: Int = 200) -> [CaseID] {
        let key = NameFolding.fold(fragment)
        guard !key.isEmpty else { return [] }
        var hits: [CaseID] = []
        for c in cases.reversed() {
            guard let r = referral(c.referral), r.victimKeys.contains(where: { $0.contains(key) }) else { continue }
            hits.append(c.id)
            if hits.count >= limit { break }
        }
        return hits
    }
}
