extension MARACState {
    /// The last day anything happened on a case: accepted, heard, or an action closed or due.
    public func lastActivity(of c: Case) -> Day {
        var last = max(c.acceptedOn, c.lastHeardOn ?? c.acceptedOn)
        if let t = c.transferredOut { last = max(last, t.on) }
        for a in actions(of: c.id) { last = max(last, a.closedOn ?? a.due) }
        return last
    }

    /// The day a case's personal data falls due for destruction under the area's retention period.
    public func retentionEnds(of c: Case) -> Day {
        lastActivity(of: c).adding(months: profile.retentionMonths)
    }

    /// Cases past their retention period on `today` that still hold personal data.
    public func casesPastRetention(on today: Day) -> [Case] {
        cases.filter { $0.purgedOn == nil && retentionEnds(of: $0) < today && caseSharingReferral(with: $0) == nil }
    }

    /// Another case, still kept, made from the same referral (accepted again after this one was
    /// recorded in error), if there is one.
    public func caseSharingReferral(with c: Case) -> CaseID? {
        guard case .accepted(let current)? = referral(c.referral)?.status, current != c.id,
              let other = `case`(current), other.purgedOn == nil else { return nil }
        return current
    }
}
