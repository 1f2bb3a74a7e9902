/// What the chair asks of the action list.
public struct ActionFilter: Hashable, Sendable {
    public var agency: AgencyID?
    public var status: ActionStatus?
    public var meeting: MeetingID?
    public var caseID: CaseID?
    public var dueOnOrBefore: Day?
    public var overdueOn: Day?
    public var includeRecordedInError: Bool

    public init(agency: AgencyID? = nil, status: ActionStatus? = nil, meeting: MeetingID? = nil,
                caseID: CaseID? = nil, dueOnOrBefore: Day? = nil, overdueOn: Day? = nil,
                includeRecordedInError: Bool = false) {
        self.agency = agency
        self.status = status
        self.meeting = meeting
        self.caseID = caseID
        self.dueOnOrBefore = dueOnOrBefore
        self.overdueOn = overdueOn
        self.includeRecordedInError = includeRecordedInError
    }

    public func matches(_ a: Action) -> Bool {
        if !includeRecordedInError && a.inError != nil { return false }
        if let agency, a.agency != agency { return false }
        if let status, a.status != status { return false }
        if let meeting, a.meeting != meeting { return false }
        if let caseID, a.caseID != caseID { return false }
        if let dueOnOrBefore, a.due > dueOnOrBefore { return false }
        if let overdueOn, !a.isOverdue(on: overdueOn) { return false }
        return true
    }

    public var isEmpty: Bool { self == ActionFilter() }
}

/// One agency's record, for the chair holding agencies to account.
public struct AgencyAccountability: Hashable, Sendable {
    public var agency: AgencyID
    public var meetingsHeld: Int
    public var meetingsAttended: Int
    public var actionsDue: Int
    public var actionsDone: Int
    public var actionsOpen: Int
    public var actionsOverdue: Int

    /// Share of ended meetings the agency was present at; nil before any meeting has ended.
    public var attendanceRate: Double? { meetingsHeld == 0 ? nil : Double(meetingsAttended) / Double(meetingsHeld) }
    /// Share of actions due by today that were done; nil when none were due.
    public var completionRate: Double? { actionsDue == 0 ? nil : Double(actionsDone) / Double(actionsDue) }
}

extension MARACState {
    /// Actions matching a filter, in number order. Open-only filters walk the open actions
    /// alone, so the chair's usual views stay quick in a store of many years.
    public func actions(matching filter: ActionFilter) -> [Action] {
        if filter.status == .open || filter.overdueOn != nil {
            return openActions().filter(filter.matches)
        }
        if let caseID = filter.caseID { return actions(of: caseID).filter(filter.matches) }
        return actions.filter(filter.matches)
    }

    /// The actions matching a filter, by due date then number: the action tracker's rows. Each
    /// action is read where it lies and only (due, id) pairs are sorted, so that listing ten
    /// years of actions does not copy each one (issue 22).
    public func actionIDsByDue(matching filter: ActionFilter) -> [ActionID] {
        var keyed: [(Day, ActionID)] = []
        func consider(_ i: Int) {
            if filter.matches(actions[i]) { keyed.append((actions[i].due, actions[i].id)) }
        }
        if filter.status == .open || filter.overdueOn != nil {
            for id in index.openActions where actions.indices.contains(id.index) { consider(id.index) }
        } else if let caseID = filter.caseID {
            for id in index.actions(of: caseID.number) where actions.indices.contains(id.index) { consider(id.index) }
        } else {
            // In the order of their numbers: the counting below then keeps each day's in order.
            for i in actions.indices { consider(i) }
            return Self.byDueDay(keyed, numbersAscending: true)
        }
        return Self.byDueDay(keyed, numbersAscending: false)
    }

    /// (due, id) pairs in that order. Ten years of actions fall on a few thousand days, so a
    /// long list is counted into its days (linear, where a sort of 240,000 pairs took most of a
    /// frame); a short one, or one spread over far more days than it has actions, is sorted.
    static func byDueDay(_ keyed: [(Day, ActionID)], numbersAscending: Bool) -> [ActionID] {
        guard keyed.count > 4096, let first = keyed.first else { return keyed.sorted { $0 < $1 }.map(\.1) }
        var low = first.0.ordinal, high = low
        for (due, _) in keyed { low = min(low, due.ordinal); high = max(high, due.ordinal) }
        let days = Int(high) - Int(low) + 1
        guard days <= 4 * keyed.count else { return keyed.sorted { $0 < $1 }.map(\.1) }
        var starts = [Int](repeating: 0, count: days + 1)
        for (due, _) in keyed { starts[Int(due.ordinal) - Int(low) + 1] += 1 }
        for d in 0..<days { starts[d + 1] += starts[d] }
        var next = starts
        var out = [ActionID](repeating: ActionID(0), count: keyed.count)
        for (due, id) in keyed {
            let d = Int(due.ordinal) - Int(low)
            out[next[d]] = id
            next[d] += 1
        }
        if !numbersAscending {
            for d in 0..<days where starts[d + 1] - starts[d] > 1 { out[starts[d]..<starts[d + 1]].sort() }
        }
        return out
    }

    /// Overdue actions grouped by owner agency, agencies by name, each group oldest due first.
    public func overdueActionsByAgency(on today: Day) -> [(agency: Agency, actions: [Action])] {
        var groups: [AgencyID: [Action]] = [:]
        for a in openActions() where a.isOverdue(on: today) { groups[a.agency, default: []].append(a) }
        return groups.compactMap { id, list in
            agency(id).map { ($0, list.sorted { ($0.due, $0.id) < ($1.due, $1.id) }) }
        }.sorted { $0.agency.name < $1.agency.name }
    }

    public func accountability(on today: Day) -> [AgencyAccountability] {
        // One row per agency, by its place in the list; every meeting and action of the store
        // read in place (a copy of each would retain a dozen strings and arrays): the chair's
        // view by agency is drawn on every key.
        var rows = agencies.map { AgencyAccountability(agency: $0.id, meetingsHeld: 0, meetingsAttended: 0, actionsDue: 0,
                                                       actionsDone: 0, actionsOpen: 0, actionsOverdue: 0) }
        let signed = agencies.map(\.ispSignedOn)
        for m in meetings.indices where meetings[m].status == .ended {
            let date = meetings[m].date
            for a in rows.indices {
                // Agencies are expected at meetings held once they have signed the protocol.
                guard let on = signed[a], on <= date else { continue }
                rows[a].meetingsHeld += 1
                if meetings[m].attendance(of: rows[a].agency)?.isPresent == true { rows[a].meetingsAttended += 1 }
            }
        }
        for i in actions.indices where actions[i].inError == nil {
            let a = actions[i].agency.index, status = actions[i].status, due = actions[i].due
            guard rows.indices.contains(a) else { continue }
            if status == .open { rows[a].actionsOpen += 1 }
            if status == .open && due < today { rows[a].actionsOverdue += 1 }
            if due <= today || status == .done {
                rows[a].actionsDue += 1
                if status == .done { rows[a].actionsDone += 1 }
            }
        }
        return rows
    }
}
