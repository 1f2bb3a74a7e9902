/// A meeting's agenda in the standard order: outstanding actions from earlier meetings; new
/// and repeat cases with children in the household first, then adult-only cases; cases whose
/// repeat window has lapsed since the last meeting (for information); any other business.
public struct Agenda: Hashable, Sendable {
    public var meeting: MeetingID
    public var outstandingActions: [ActionID]
    /// Cases in the order they will be heard (the coordinator's order where one was set).
    public var cases: [CaseID]
    /// Of `cases`, those with children in the household.
    public var casesWithChildren: Set<CaseID>
    public var lapsedWindows: [CaseID]
    public var otherBusiness: [String]
    /// The day the case list is frozen and circulated.
    public var caseListCutoff: Day
}

extension MARACState {
    public func agenda(for id: MeetingID) -> Agenda? {
        guard let m = meeting(id) else { return nil }
        let ordered = orderedCases(of: m)
        return Agenda(meeting: id,
                      outstandingActions: outstandingActions(before: m),
                      cases: ordered,
                      casesWithChildren: Set(ordered.filter { childrenInHousehold(of: $0) > 0 }),
                      lapsedWindows: lapsedWindows(before: m),
                      otherBusiness: m.otherBusiness.filter { $0.inError == nil }.map(\.text),
                      caseListCutoff: caseListCutoff(of: m))
    }

    /// The meeting's cases in hearing order: the coordinator's order where one was set, else
    /// cases with children first, then adult-only cases, each in the order they were accepted.
    public func orderedCases(of m: Meeting) -> [CaseID] {
        let open = m.listedCases.filter { `case`($0).map { $0.status == .listed || $0.status == .heard } ?? false }
        if let custom = m.caseOrder { return custom.filter(open.contains) }
        let withChildren = open.filter { childrenInHousehold(of: $0) > 0 }
        return withChildren + open.filter { childrenInHousehold(of: $0) == 0 }
    }

    public func caseListCutoff(of m: Meeting) -> Day {
        m.date.subtractingWorkingDays(profile.caseListCutoffWorkingDays, holidays: profile.bankHolidays)
    }

    public func childrenInHousehold(of caseID: CaseID) -> Int {
        cases.indices.contains(caseID.index) ? childrenInHousehold(ofReferral: cases[caseID.index].referral) : 0
    }

    /// Open actions agreed at meetings before this one, oldest due first: the first item of the
    /// agenda, where agencies say what they have done.
    public func outstandingActions(before m: Meeting) -> [ActionID] {
        openActions()
            .filter { a in
                guard a.meeting != m.id, let agreedOn = meetingDate(a.meeting) else { return false }
                return agreedOn < m.date
            }
            .sorted { ($0.due, $0.id) < ($1.due, $1.id) }
            .map(\.id)
    }

    /// The outstanding actions a MARAC reviews at `m`, as it reviews them: those due by the
    /// meeting's date (overdue, or due since the last meeting) and those on cases heard again at
    /// it. Open actions not yet due on cases not listed wait for a later meeting.
    public func outstandingActionsToReview(at m: Meeting) -> [ActionID] {
        outstandingActions(before: m).filter { id in action(id).map { m.reviews($0) } ?? false }
    }

    /// The meeting held before this one (by date), if any, not counting cancelled ones.
    public func previousMeeting(before m: Meeting) -> Meeting? {
        var best: Int?
        for i in meetings.indices where meetings[i].date < m.date && meetings[i].status != .cancelled {
            if best == nil || meetings[i].date > meetings[best!].date { best = i }
        }
        return best.map { meetings[$0] }
    }

    /// The next meeting on or after `day` that has not ended or been cancelled.
    public func nextMeeting(onOrAfter day: Day) -> Meeting? {
        var best: Int?
        for i in meetings.indices where meetings[i].date >= day && (meetings[i].status == .scheduled || meetings[i].status == .inProgress) {
            if best == nil || (meetings[i].date, meetings[i].id) < (meetings[best!].date, meetings[best!].id) { best = i }
        }
        return best.map { meetings[$0] }
    }

    /// The meeting in progress, if one is.
    public var meetingInProgress: Meeting? { meetings.last { $0.status == .inProgress } }

    /// Meetings by date, most recent first.
    public func meetingsByDate() -> [Meeting] {
        meetings.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
    }

    /// Each signed agency and the day its research return for the case arrived (nil: missing).
    public func researchReturns(for caseID: CaseID) -> [(agency: Agency, receivedOn: Day?)] {
        guard let c = `case`(caseID) else { return [] }
        return agencies.filter(\.hasSignedISP).map { ($0, c.researchReturn(from: $0.id)?.receivedOn) }
    }

    /// How many research returns are still missing for a meeting's cases.
    public func missingResearchReturns(for m: Meeting) -> Int {
        missingResearchReturns(for: m, signedAgencies: agencies.lazy.filter(\.hasSignedISP).count)
    }

    /// The same, with the number of agencies that signed the ISP counted once by the caller.
    func missingResearchReturns(for m: Meeting, signedAgencies signed: Int) -> Int {
        m.listedCases.reduce(0) { total, id in
            guard cases.indices.contains(id.index), cases[id.index].status == .listed else { return total }
            return total + max(0, signed - cases[id.index].researchReturns.count)
        }
    }
}

extension MARACState {
    /// The dates the area's pattern gives between two days for meetings not yet scheduled: a
    /// date within three days of any meeting already in the record (scheduled, moved or
    /// cancelled) is left out, so moving or cancelling one does not bring it back.
    public func proposedMeetingDates(from: Day, through: Day) -> [Day] {
        let known = meetings.map(\.date)
        let last = meetings.filter { $0.status != .cancelled }.map(\.date).max()
        return profile.meetingPattern.dates(from: from, through: through, holidays: profile.bankHolidays, after: last)
            .filter { d in !known.contains { abs($0.days(until: d)) <= 3 } }
    }
}
