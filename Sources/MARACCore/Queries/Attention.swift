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
    /// Agencies' reports on their actions, imported and waiting to be confirmed, by agency.
    public var reportsToConfirm: [(agency: AgencyID, count: Int)] = []

    public static func == (a: Attention, b: Attention) -> Bool {
        (a.awaitingTriage, a.possibleRepeats, a.nextMeeting, a.nextMeetingCutoff, a.casesOnNextMeeting, a.missingResearchReturns)
            == (b.awaitingTriage, b.possibleRepeats, b.nextMeeting, b.nextMeetingCutoff, b.casesOnNextMeeting, b.missingResearchReturns)
            && (a.overdueActions, a.overdueAgencies, a.meetingInProgress) == (b.overdueActions, b.overdueAgencies, b.meetingInProgress)
            && a.reportsToConfirm.map(\.agency) == b.reportsToConfirm.map(\.agency) && a.reportsToConfirm.map(\.count) == b.reportsToConfirm.map(\.count)
    }

    public func hash(into h: inout Hasher) {
        h.combine(awaitingTriage); h.combine(overdueActions); h.combine(reportsToConfirm.count)
    }
}

extension MARACState {
    /// What needs attention on `today`: the opening summary's answer, so the first screen drawn
    /// from a summary kept beside the store and the one drawn from the whole state agree.
    public func attention(on today: Day) -> Attention {
        openingSummary(on: today).attention(on: today)
    }

    /// How many actions have a report from their agency waiting to be confirmed or rejected,
    /// read in place (the tracker's title and the refusal of `y` say it).
    public var actionsWithReportsWaiting: Int {
        actions.indices.lazy.filter { self.actions[$0].reports.contains(where: \.isPending) }.count
    }

    /// Each agency with reports waiting, most first.
    public func reportsToConfirm() -> [(agency: AgencyID, count: Int)] {
        var counts: [AgencyID: Int] = [:]
        // Read in place: the attention screen asks on every frame, and most actions have no
        // report at all.
        for i in actions.indices where !actions[i].reports.isEmpty && actions[i].inError == nil {
            for r in actions[i].reports where r.isPending { counts[r.agency, default: 0] += 1 }
        }
        return counts.map { (agency: $0.key, count: $0.value) }.sorted { ($1.count, $0.agency) < ($0.count, $1.agency) }
    }
}

/// What a store made with `marac init` still needs before its first meeting, in the order a
/// coordinator does it.
public enum SetupStep: Hashable, Sendable, CaseIterable {
    /// The area's settings: set once, before any agency is added.
    case areaSettings
    case agencies
    /// Agencies with no ISP date or no representative.
    case agencyDetails
    case meetings
}

extension MARACState {
    /// The setup still to do; empty once the MARAC has agencies that signed, with
    /// representatives, and a meeting.
    public var setupSteps: [SetupStep] {
        var steps: [SetupStep] = []
        if agencies.isEmpty && referrals.isEmpty { steps.append(.areaSettings) }
        if activeAgencies.isEmpty { steps.append(.agencies) }
        if activeAgencies.contains(where: { !$0.hasSignedISP || $0.representatives.isEmpty }) { steps.append(.agencyDetails) }
        if meetings.isEmpty { steps.append(.meetings) }
        return steps
    }
}
