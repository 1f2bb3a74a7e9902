extension MARACState {
    /// Referrals whose victim's name or an alias contains the fragment (folded the same way as
    /// names, so "ngu" finds "Nguyễn"), newest first, up to `limit`.
    public func searchReferrals(_ fragment: String, limit: Int = 200) -> [ReferralID] {
        let key = NameFolding.fold(fragment)
        guard !key.isEmpty else { return [] }
        var hits: [ReferralID] = []
        for i in referrals.indices.reversed() where referrals[i].victimKeys.contains(where: { $0.contains(key) }) {
            hits.append(referrals[i].id)
            if hits.count >= limit { break }
        }
        return hits
    }

    /// Cases whose victim matches the fragment, newest first.
    public func searchCases(_ fragment: String, limit: Int = 200) -> [CaseID] {
        let key = NameFolding.fold(fragment)
        guard !key.isEmpty else { return [] }
        var hits: [CaseID] = []
        for i in cases.indices.reversed() {
            let r = cases[i].referral.index
            guard referrals.indices.contains(r), referrals[r].victimKeys.contains(where: { $0.contains(key) }) else { continue }
            hits.append(cases[i].id)
            if hits.count >= limit { break }
        }
        return hits
    }
}
