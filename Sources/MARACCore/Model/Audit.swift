/// A line of the audit trail for what changes no record but must be attributable: who opened
/// a case, who exported what, which cases' data were destroyed.
public struct AuditEntry: Hashable, Sendable, Codable {
    public enum Kind: Hashable, Sendable, Codable {
        case caseViewed(CaseID)
        /// `what` names the export ("minutes M-0003", "case list M-0004"); `cases` are those it holds.
        case exported(what: String, cases: [CaseID])
        /// Personal data erased under the retention period; no personal data is kept here.
        case purged(CaseID)
    }

    public var kind: Kind
    public var stamp: Stamp

    public init(kind: Kind, stamp: Stamp) {
        self.kind = kind
        self.stamp = stamp
    }

    public var caseIDs: [CaseID] {
        switch kind {
        case .caseViewed(let c), .purged(let c): [c]
        case .exported(_, let cases): cases
        }
    }
}

/// A line of the record that may be marked recorded in error: nothing is deleted in ordinary use.
public enum RecordReference: Hashable, Sendable, Codable {
    case referral(ReferralID)
    case action(ActionID)
    case risk(MeetingID, CaseID, index: Int)
    case information(MeetingID, CaseID, index: Int)
    case otherBusiness(MeetingID, index: Int)
    /// An agency's attendance line at a meeting.
    case attendance(MeetingID, AgencyID)
    /// The observers of a meeting, counted from 0 in the order they were recorded.
    case observer(MeetingID, index: Int)
    /// An entry of an action's history (a progress note or an update), counted from 0.
    case actionNote(ActionID, index: Int)
    /// A crime disclosed in a case's discussion, counted from 0.
    case crime(MeetingID, CaseID, index: Int)
}
