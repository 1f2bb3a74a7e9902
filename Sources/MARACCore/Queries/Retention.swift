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
        cases.filter { $0.purgedOn == nil && retentionEnds(of: $0) < today }
    }
}
