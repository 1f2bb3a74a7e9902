public enum MeetingStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case scheduled
    case inProgress = "in-progress"
    case ended
    case cancelled
}

/// How an agency was represented at a meeting.
public enum Attendance: Hashable, Sendable, Codable {
    case present(representative: String)
    /// Sent apologies; whether the agency sent its information for the cases anyway, who sent
    /// the apologies, and the day the information came in (for the minutes).
    case apologies(informationSent: Bool, from: String = "", informationReceivedOn: Day? = nil)
    case absent

    public var key: String {
        switch self {
        case .present: "present"
        case .apologies(let sent, _, _): sent ? "apologies-information-sent" : "apologies"
        case .absent: "absent"
        }
    }

    public var label: String {
        switch self {
        case .present(let rep): rep.isEmpty ? "present" : "present (\(rep))"
        case .apologies(let sent, let from, let on):
            (sent ? "apologies, information sent" : "apologies, no information sent")
                + (from.isEmpty ? "" : " (\(from))") + (on.map { " on \($0.british)" } ?? "")
        case .absent: "absent"
        }
    }

    public var isPresent: Bool { if case .present = self { true } else { false } }
}

public struct AgencyAttendance: Hashable, Sendable, Codable {
    public var agency: AgencyID
    public var attendance: Attendance
    /// Why this line was marked recorded in error: the agency then counts as not yet recorded,
    /// and recording its attendance again replaces the line.
    public var inError: String?

    public init(agency: AgencyID, attendance: Attendance, inError: String? = nil) {
        self.agency = agency
        self.attendance = attendance
        self.inError = inError
    }
}

/// Someone attending who is not an agency representative (a student, an inspector): the
/// minutes must show they signed the confidentiality statement.
public struct Observer: Hashable, Sendable, Codable {
    public var name: String
    public var organisation: String
    public var confidentialitySigned: Bool
    /// Why this observer was marked recorded in error (named wrongly, or not there): still shown,
    /// marked, and left out of the minutes.
    public var inError: String?

    public init(name: String, organisation: String, confidentialitySigned: Bool, inError: String? = nil) {
        self.name = name
        self.organisation = organisation
        self.confidentialitySigned = confidentialitySigned
        self.inError = inError
    }
}

/// A line of the record that can later be marked recorded in error.
public struct NoteLine: Hashable, Sendable, Codable {
    public var text: String
    public var stamp: Stamp
    public var inError: String?

    public init(text: String, stamp: Stamp, inError: String? = nil) {
        self.text = text
        self.stamp = stamp
        self.inError = inError
    }
}

/// What an agency said about a case at the meeting.
public struct SharedInformation: Hashable, Sendable, Codable {
    public var agency: AgencyID
    public var line: NoteLine

    public init(agency: AgencyID, line: NoteLine) {
        self.agency = agency
        self.line = line
    }
}

/// The record of one case's turn at one meeting.
public struct CaseDiscussion: Hashable, Sendable, Codable {
    public var caseID: CaseID
    public var startedAt: Instant?
    public var endedAt: Instant?
    public var information: [SharedInformation]
    public var risks: [NoteLine]
    /// Crimes disclosed in the discussion, for the police to record (SafeLives' minutes).
    public var crimesDisclosed: [NoteLine]
    /// Who tells the victim what the meeting decided: the referrer or the IDVA, by name.
    public var outcomeToldBy: String

    public init(caseID: CaseID, startedAt: Instant? = nil, endedAt: Instant? = nil,
                information: [SharedInformation] = [], risks: [NoteLine] = [],
                crimesDisclosed: [NoteLine] = [], outcomeToldBy: String = "") {
        self.caseID = caseID
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.information = information
        self.risks = risks
        self.crimesDisclosed = crimesDisclosed
        self.outcomeToldBy = outcomeToldBy
    }
}

public struct Meeting: Hashable, Sendable, Codable, Identifiable {
    public var id: MeetingID
    public var date: Day
    /// "10:00": kept as written; meetings are local events.
    public var startTime: String
    public var venue: String
    public var chair: String
    public var status: MeetingStatus
    public var cancelledReason: String?
    public var caseListFrozenAt: Instant?
    /// Cases accepted onto this meeting, in the order they were accepted.
    public var listedCases: [CaseID]
    /// The coordinator's own order of the cases, when the standard order was changed.
    public var caseOrder: [CaseID]?
    public var otherBusiness: [NoteLine]
    public var attendance: [AgencyAttendance]
    public var observers: [Observer]
    public var statementReadAt: Instant?
    public var startedAt: Instant?
    public var endedAt: Instant?
    public var discussions: [CaseDiscussion]
    /// The case being discussed now, during a meeting.
    public var currentCase: CaseID?
    public var minutesSignedOff: Stamp?
    /// Corrections added after the minutes were signed off: dated, never edits.
    public var addenda: [NoteLine] = []
    /// While in progress: whether screens other than the one running it may add information,
    /// risks, crimes disclosed and who tells the victim (`:meeting share`). Codec level 7.
    public var othersMayAdd = false

    public init(id: MeetingID, date: Day, startTime: String, venue: String, chair: String) {
        self.id = id
        self.date = date
        self.startTime = startTime
        self.venue = venue
        self.chair = chair
        self.status = .scheduled
        self.listedCases = []
        self.otherBusiness = []
        self.attendance = []
        self.observers = []
        self.discussions = []
    }

    /// The agency's attendance as it stands; nil when not recorded or recorded in error.
    public func attendance(of agency: AgencyID) -> Attendance? {
        attendance.first { $0.agency == agency && $0.inError == nil }?.attendance
    }

    /// The attendance lines that stand (not recorded in error).
    public var recordedAttendance: [AgencyAttendance] { attendance.filter { $0.inError == nil } }

    /// The observers who stand (not recorded in error).
    public var recordedObservers: [Observer] { observers.filter { $0.inError == nil } }

    /// Whether this meeting reviews an open action from an earlier one: it is due by the
    /// meeting's date, or its case is heard again here.
    public func reviews(_ action: Action) -> Bool {
        action.due <= date || listedCases.contains(action.caseID)
    }

    public func discussion(of caseID: CaseID) -> CaseDiscussion? {
        discussions.first { $0.caseID == caseID }
    }

    public var isOpenForChanges: Bool { status == .scheduled || status == .inProgress }
}
