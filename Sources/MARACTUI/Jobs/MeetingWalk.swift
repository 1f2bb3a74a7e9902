import MARACCore

/// Where the coordinator is in a live meeting: the agenda's order, step by step. Every step
/// is saved as it is made, and the step is worked out again from the record when marac is
/// reopened, so a crash in the middle of a meeting picks up where it was.
public final class MeetingWalk {
    public enum Step: Equatable, Sendable {
        case attendance
        case statement
        case outstanding
        case `case`(CaseID)
        case otherBusiness
    }

    public let meeting: MeetingID
    public var step: Step
    var list = SelectionList()
    /// The case step's first line shown, and the case it was for (a new case starts at the top).
    var caseTop = 0
    var caseTopFor: CaseID?
    /// How far PgDn moves: a screenful less one line, as laid out.
    var casePage = 10
    /// The part of the case just added to, kept in view at the next layout.
    var keep: MeetingCaseStep.Part?
    /// The outstanding-actions step shows every open action, not only those to review.
    var allOutstanding = false

    init(meeting: MeetingID, step: Step) {
        self.meeting = meeting
        self.step = step
    }

    /// The step a meeting in progress is at, from what has been recorded.
    static func resume(_ m: Meeting, in state: MARACState) -> Step {
        if let current = m.currentCase { return .case(current) }
        if m.statementReadAt == nil {
            let signed = state.signedAgencies.count
            return m.recordedAttendance.count < signed ? .attendance : .statement
        }
        if !m.discussions.contains(where: { $0.startedAt != nil }) { return .outstanding }
        return .otherBusiness
    }

    var contexts: [KeyContext] {
        switch step {
        case .attendance: [.meetingAttendance, .meeting, .list, .global]
        case .outstanding: [.meetingOutstanding, .meeting, .list, .global]
        case .case: [.meetingCase, .meeting, .list, .global]
        case .statement, .otherBusiness: [.meeting, .global]
        }
    }

    /// The agencies whose attendance is taken: those signed to the information sharing
    /// protocol, then any other already recorded.
    static func attendanceAgencies(_ m: Meeting, in state: MARACState) -> [Agency] {
        let signed = state.signedAgencies
        let others = m.attendance.map(\.agency).filter { id in !signed.contains { $0.id == id } }.compactMap(state.agency)
        return signed + others
    }

    /// Actions agreed at earlier meetings and still open, as the MARAC reviews them (due by
    /// today's meeting, or on a case heard again); `all` (the a key at this step) shows every one.
    static func outstanding(_ m: Meeting, in state: MARACState, all: Bool = false) -> [ActionID] {
        all ? state.outstandingActions(before: m) : state.outstandingActionsToReview(at: m)
    }

    /// The next case to hear after the current one, in hearing order, not yet heard.
    static func nextCase(_ m: Meeting, after current: CaseID?, in state: MARACState) -> CaseID? {
        let order = state.orderedCases(of: m)
        let unheard = order.filter { c in m.discussion(of: c)?.startedAt == nil && c != current }
        if let current, let at = order.firstIndex(of: current) {
            return order[(at + 1)...].first(where: unheard.contains) ?? unheard.first
        }
        return unheard.first
    }
}
