/// What needs the user's attention when they open the store, by the work their role does.
public struct Attention: Hashable, Sendable {
    public var awaitingTriage: Int
    public var possibleRepeats: Int
    public var nextMeeting: MeetingID?
    public var nextMeetingCutoff: Day?
    public var casesOnNextMeeting: Int
    public var missingResearchReturns: Int
    public var overdueActions: Int
    public var overdueAgencies: Int
    public var meetingInProgress: MeetingID?
}

extension MARACState {
    public func attention(on today: Day) -> Attention {
        let queue = triageQueue()
        let next = nextMeeting(onOrAfter: today)
        let overdue = overdueActionsByAgency(on: today)
        return Attention(
            awaitingTriage: queue.count,
            possibleRepeats: queue.filter { $0.flags.contains(.possibleRepeat) }.count,
            nextMeeting: next?.id,
            nextMeetingCutoff: next.map(caseListCutoff(of:)),
            casesOnNextMeeting: next?.listedCases.count ?? 0,
            missingResearchReturns: next.map(missingResearchReturns(for:)) ?? 0,
            overdueActions: overdue.reduce(0) { $0 + $1.actions.count },
            overdueAgencies: overdue.count,
            meetingInProgress: meetingInProgress?.id)
    }
}
