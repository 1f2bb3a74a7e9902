/// What an agency says of its own action, as it came back in the spreadsheet it was sent:
/// recorded as the agency's word, not as the action's status, until the coordinator confirms
/// it. SafeLives' action tracking asks the MARAC to check what agencies report, and a
/// spreadsheet filled in by someone else is evidence, not a decision.
public struct AgencyReport: Hashable, Sendable, Codable {
    /// The status the agency reports: `open` is "in progress".
    public var status: ActionStatus
    public var note: String
    /// The day the agency made the report (its own column, else the day it was imported).
    public var on: Day
    public var agency: AgencyID
    /// The file it came in, by name, for the audit trail.
    public var source: String
    /// Who imported it, and when.
    public var stamp: Stamp
    public var decision: ReportDecision

    public init(status: ActionStatus, note: String, on: Day, agency: AgencyID, source: String, stamp: Stamp,
                decision: ReportDecision = .pending) {
        self.status = status
        self.note = note
        self.on = on
        self.agency = agency
        self.source = source
        self.stamp = stamp
        self.decision = decision
    }

    public var isPending: Bool { decision == .pending }

    /// "done", "in progress", "not possible", "not done": the words an agency uses.
    public var statusWords: String { status == .open ? "in progress" : status.rawValue.replacingHyphens() }
}

/// What the coordinator made of an agency's report.
public enum ReportDecision: Hashable, Sendable, Codable {
    case pending
    /// Confirmed: the action took the reported status (`statusBefore` is what it had, for undo).
    case confirmed(Stamp, statusBefore: ActionStatus)
    case rejected(Stamp, reason: String)
}

/// One row of an agency's returned action list, as an import decides it.
public struct ActionReportLine: Hashable, Sendable {
    public var action: ActionID
    public var agency: AgencyID
    public var status: ActionStatus
    public var note: String
    public var on: Day

    public init(action: ActionID, agency: AgencyID, status: ActionStatus, note: String, on: Day) {
        self.action = action
        self.agency = agency
        self.status = status
        self.note = note
        self.on = on
    }
}

extension String {
    func replacingHyphens() -> String { String(map { $0 == "-" ? " " : $0 }) }
}

extension String {
    /// "Done", "In progress": the first letter upper-cased, for the start of a line.
    public var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
