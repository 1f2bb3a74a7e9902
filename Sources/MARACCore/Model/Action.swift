/// Where an agreed action stands. The last two are the minutes' two kinds of incomplete action.
public enum ActionStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case open
    case done
    /// Not possible because circumstances changed.
    case notPossible = "not-possible"
    /// Not done by the agency.
    case notDone = "not-done"

    public var isClosed: Bool { self != .open }

    public var label: String {
        switch self {
        case .open: "open"
        case .done: "done"
        case .notPossible: "not possible: circumstances changed"
        case .notDone: "not done by the agency"
        }
    }
}

/// One step in an action's history.
public struct ActionStatusChange: Hashable, Sendable, Codable {
    public var status: ActionStatus
    public var note: String
    /// The day the change took effect (the day the agency reported it).
    public var on: Day
    public var stamp: Stamp
    /// Why this entry was marked recorded in error (a note on the wrong action, say): it stays
    /// in the history, marked; the action's status is not changed by marking it.
    public var inError: String?

    public init(status: ActionStatus, note: String, on: Day, stamp: Stamp, inError: String? = nil) {
        self.status = status
        self.note = note
        self.on = on
        self.stamp = stamp
        self.inError = inError
    }
}

/// A SMART action agreed at a meeting: one owner agency and person, a due date, a status.
/// Responsibility stays with the agency; the MARAC only follows it up.
public struct Action: Hashable, Sendable, Codable, Identifiable {
    public var id: ActionID
    public var caseID: CaseID
    public var meeting: MeetingID
    public var agency: AgencyID
    public var owner: String
    public var description: String
    public var due: Day
    public var status: ActionStatus
    public var history: [ActionStatusChange]
    public var agreed: Stamp
    public var inError: String?
    /// What the agency reported in the spreadsheets it sent back, oldest first; each waits for
    /// the coordinator to confirm or reject it.
    public var reports: [AgencyReport] = []

    public init(id: ActionID, caseID: CaseID, meeting: MeetingID, agency: AgencyID, owner: String,
                description: String, due: Day, agreed: Stamp) {
        self.id = id
        self.caseID = caseID
        self.meeting = meeting
        self.agency = agency
        self.owner = owner
        self.description = description
        self.due = due
        self.status = .open
        self.history = []
        self.agreed = agreed
    }

    /// Open, counted, and past its due date.
    public func isOverdue(on today: Day) -> Bool { status == .open && inError == nil && due < today }

    /// The latest history entry that stands (not recorded in error): what an agency last reported.
    public var latestUpdate: ActionStatusChange? { history.last { $0.inError == nil } }

    /// Reports still to confirm or reject, with their positions (as the commands name them).
    public var pendingReports: [(index: Int, report: AgencyReport)] {
        reports.enumerated().filter { $0.element.isPending }.map { ($0.offset, $0.element) }
    }

    /// The day the action was closed, if it is.
    public var closedOn: Day? { status.isClosed ? history.last?.on : nil }
}
