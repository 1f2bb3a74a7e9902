/// What the first screen shows, in a form small enough to keep beside the store and read before
/// the store itself: the attention screen needs a few counts, the coming meetings and the due
/// dates of the open actions, not ten years of records. A writer keeps one as of its last change
/// (`MARACStore`'s opening summary); the screen draws it while the whole store is read, then
/// draws the same screen from the whole state. Holding only what the day cannot change, and the
/// due dates from which a later day's overdue counts follow, it stays true on any later day.
public struct OpeningSummary: Hashable, Sendable {
    /// The day it was made: meetings before it are not kept, so it answers only from this day on.
    public var madeOn: Day
    public var maracName: String
    public var setupSteps: [SetupStep]
    /// Active agencies without an ISP date or a representative, by name.
    public var agenciesMissingDetails: [String]
    public var awaitingTriage: Int
    public var possibleRepeats: Int
    public var meetingInProgress: MeetingID?
    /// Meetings on or after `madeOn` that have not ended or been cancelled.
    public var comingMeetings: [ComingMeeting]
    /// Every agency's name, by its number (an agency is never removed, only closed).
    public var agencyNames: [String]
    /// Each open action's agency and due day, due day first: what a day's overdue counts need.
    public var openActions: [OpenAction]
    /// Agencies' reports on actions waiting to be confirmed, by agency, most first.
    public var reportsToConfirm: [AgencyCount]

    public struct ComingMeeting: Hashable, Sendable {
        public var id: MeetingID
        public var date: Day
        public var cutoff: Day
        public var frozen: Bool
        public var cases: Int
        public var missingResearchReturns: Int
    }

    public struct OpenAction: Hashable, Sendable {
        public var agency: AgencyID
        public var due: Day
    }

    public struct AgencyCount: Hashable, Sendable {
        public var agency: AgencyID
        public var count: Int
    }

    /// One agency's overdue actions on a day.
    public struct Overdue: Hashable, Sendable {
        public var agency: AgencyID
        public var name: String
        public var count: Int
        public var oldestDue: Day
    }

    public init(madeOn: Day, maracName: String, setupSteps: [SetupStep], agenciesMissingDetails: [String], awaitingTriage: Int,
                possibleRepeats: Int, meetingInProgress: MeetingID?, comingMeetings: [ComingMeeting], agencyNames: [String],
                openActions: [OpenAction], reportsToConfirm: [AgencyCount]) {
        self.madeOn = madeOn
        self.maracName = maracName
        self.setupSteps = setupSteps
        self.agenciesMissingDetails = agenciesMissingDetails
        self.awaitingTriage = awaitingTriage
        self.possibleRepeats = possibleRepeats
        self.meetingInProgress = meetingInProgress
        self.comingMeetings = comingMeetings
        self.agencyNames = agencyNames
        self.openActions = openActions
        self.reportsToConfirm = reportsToConfirm
    }

    /// Whether it can answer for `today`: not for a day before it was made, whose meetings it
    /// no longer holds.
    public func answers(for today: Day) -> Bool { today >= madeOn }

    public func agencyName(_ id: AgencyID) -> String {
        agencyNames.indices.contains(id.index) ? agencyNames[id.index] : id.description
    }

    /// The next meeting on or after `today` (as ``MARACState/nextMeeting(onOrAfter:)``).
    public func nextMeeting(onOrAfter today: Day) -> ComingMeeting? {
        comingMeetings.filter { $0.date >= today }.min { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// The agencies with overdue actions on `today`, most overdue first (then by name).
    public func overdue(on today: Day) -> [Overdue] {
        var byAgency: [AgencyID: Overdue] = [:]
        // Due day first, so the first seen is the oldest.
        for a in openActions where a.due < today {
            byAgency[a.agency, default: Overdue(agency: a.agency, name: agencyName(a.agency), count: 0, oldestDue: a.due)].count += 1
        }
        return byAgency.values.sorted { ($1.count, $0.name, $0.agency) < ($0.count, $1.name, $1.agency) }
    }

    /// What needs attention on `today`, as ``MARACState/attention(on:)`` gives it.
    public func attention(on today: Day) -> Attention {
        let next = nextMeeting(onOrAfter: today)
        let overdue = overdue(on: today)
        return Attention(awaitingTriage: awaitingTriage, possibleRepeats: possibleRepeats, nextMeeting: next?.id,
                         nextMeetingCutoff: next?.cutoff, casesOnNextMeeting: next?.cases ?? 0,
                         missingResearchReturns: next?.missingResearchReturns ?? 0,
                         overdueActions: overdue.reduce(0) { $0 + $1.count }, overdueAgencies: overdue.count,
                         meetingInProgress: meetingInProgress,
                         reportsToConfirm: reportsToConfirm.map { (agency: $0.agency, count: $0.count) })
    }
}

extension MARACState {
    /// The first screen's summary as of `today`. Every record is read in place: the screen asks
    /// for it on every frame of the attention screen, and a writer when it lets the store go.
    public func openingSummary(on today: Day) -> OpeningSummary {
        let queue = triageQueue()
        var coming: [OpeningSummary.ComingMeeting] = []
        let signed = agencies.lazy.filter(\.hasSignedISP).count
        for i in meetings.indices where meetings[i].date >= today && (meetings[i].status == .scheduled || meetings[i].status == .inProgress) {
            let m = meetings[i]
            coming.append(.init(id: m.id, date: m.date, cutoff: caseListCutoff(of: m), frozen: m.caseListFrozenAt != nil,
                                cases: m.listedCases.count, missingResearchReturns: missingResearchReturns(for: m, signedAgencies: signed)))
        }
        var open: [OpeningSummary.OpenAction] = []
        open.reserveCapacity(index.openActions.count)
        for id in index.openActions where actions.indices.contains(id.index) {
            let i = id.index
            guard actions[i].status == .open, actions[i].inError == nil else { continue }
            open.append(.init(agency: actions[i].agency, due: actions[i].due))
        }
        open.sort { ($0.due, $0.agency) < ($1.due, $1.agency) }
        return OpeningSummary(
            madeOn: today, maracName: profile.maracName, setupSteps: setupSteps,
            agenciesMissingDetails: activeAgencies.filter { !$0.hasSignedISP || $0.representatives.isEmpty }.map(\.name),
            awaitingTriage: queue.count, possibleRepeats: queue.lazy.filter { $0.flags.contains(.possibleRepeat) }.count,
            meetingInProgress: meetingInProgress?.id, comingMeetings: coming, agencyNames: agencies.map(\.name),
            openActions: open, reportsToConfirm: reportsToConfirm().map { .init(agency: $0.agency, count: $0.count) })
    }
}
