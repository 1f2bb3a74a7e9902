/// A line of the audit trail for what changes no record but must be attributable: who opened
/// a case, who exported what, which cases' data were destroyed.
public struct AuditEntry: Hashable, Sendable, Codable {
    public enum Kind: Hashable, Sendable, Codable {
        case caseViewed(CaseID)
        /// `what` names the export ("minutes M-0003", "case list M-0004"); `cases` are those it holds.
        case exported(what: String, cases: [CaseID])
        /// Personal data erased under the retention period; no personal data is kept here.
        case purged(CaseID)
        /// Who may open the store changed: a user given access, removed, given another role, or
        /// their passphrase changed.
        case access(AccessChange)
        /// An export asked for and not written, with why; nothing left the store.
        case exportFailed(what: String, cases: [CaseID], reason: String)
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
        case .exported(_, let cases), .exportFailed(_, let cases, _): cases
        case .access: []
        }
    }
}

/// A change to who may open the store, for the audit trail. Key slots live in `store.json`,
/// outside the log; this line is what says who changed them, whom, and when.
public struct AccessChange: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case added
        case removed
        case roleChanged
        case passphraseChanged
        /// Found in `store.json` with no line for it here (the store's users when access was
        /// first audited, or a change whose line a crash kept from being saved).
        case found
        /// Recorded here but no longer in `store.json`, with no line for the removal.
        case foundRemoved
    }

    public var kind: Kind
    /// Whose access changed.
    public var user: String
    /// Their role after the change (for a removal, the role they had).
    public var role: Role
    /// Their role before, for a role change.
    public var previousRole: Role?

    public init(kind: Kind, user: String, role: Role, previousRole: Role? = nil) {
        self.kind = kind
        self.user = user
        self.role = role
        self.previousRole = previousRole
    }

    /// The change in words, for the audit trail.
    public var description: String {
        switch kind {
        case .added: "gave \(user) access as \(role.rawValue)"
        case .removed: "removed \(user) (\(role.rawValue))"
        case .roleChanged: "made \(user) \(role.rawValue)" + (previousRole.map { " (was \($0.rawValue))" } ?? "")
        case .passphraseChanged: "changed \(user)'s passphrase"
        case .found: "found \(user) with access as \(role.rawValue), with no line for it"
        case .foundRemoved: "found \(user) (\(role.rawValue)) removed, with no line for it"
        }
    }
}

extension MARACState {
    /// Who has access, as the audit trail's access lines say: what opening for writing compares
    /// with `store.json` to record any change that has no line.
    public var auditedAccess: [String: Role] {
        var roster: [String: Role] = [:]
        for entry in audit {
            guard case .access(let change) = entry.kind else { continue }
            switch change.kind {
            case .added, .roleChanged, .found, .passphraseChanged: roster[change.user] = change.role
            case .removed, .foundRemoved: roster[change.user] = nil
            }
        }
        return roster
    }

    /// True when access has been audited at all in this store.
    public var accessIsAudited: Bool {
        audit.contains { if case .access = $0.kind { true } else { false } }
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
