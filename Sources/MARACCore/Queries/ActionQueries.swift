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

    /// Overdue actions grouped by owner agency, agencies by name, each group oldest due first.
    public func overdueActionsByAgency(on today: Day) -> [(agency: Agency, actions: [Action])] {
        var groups: [AgencyID: [Action]] = [:]
        for a in openActions() where a.isOverdue(on: today) { groups[a.agency, default: []].append(a) }
        return groups.compactMap { id, list in
            agency(id).map { ($0, list.sorted { ($0.due, $0.id) < ($1.due, $1.id) }) }
        }.sorted { $0.agency.name < $1.agency.name }
    }

    public func accountability(on today: Day) -> [AgencyAccountability] {
        let ended = meetings.filter { $0.status == .ended }
        var rows: [AgencyID: AgencyAccountability] = [:]
        for a in agencies {
            rows[a.id] = AgencyAccountability(agency: a.id, meetingsHeld: 0, meetingsAttended: 0, actionsDue: 0,
                                              actionsDone: 0, actionsOpen: 0, actionsOverdue: 0)
        }
        for m in ended {
            for a in agencies {
                // Agencies are expected at meetings held once they have signed the protocol.
                guard let signed = a.ispSignedOn, signed <= m.date else { continue }
                rows[a.id]?.meetingsHeld += 1
                if m.attendance(of: a.id)?.isPresent == true { rows[a.id]?.meetingsAttended += 1 }
            }
        }
        for action in actions where action.inError == nil {
            if action.status == .open { rows[action.agency]?.actionsOpen += 1 }
            if action.isOverdue(on: today) { rows[action.agency]?.actionsOverdue += 1 }
            if action.due <= today || action.status == .done {
                rows[action.agency]?.actionsDue += 1
                if action.status == .done { rows[action.agency]?.actionsDone += 1 }
            }
        }
        return agencies.compactMap { rows[$0.id] }
    }
}
