/// Everything the store knows, as the fold of its events. A value: copying it is cheap until
/// one copy changes, so a screen can hold the state it drew while the session moves on.
///
/// Records of each kind live in a dense array indexed by their number, because numbers are
/// handed out in order and nothing is ever removed; lookups are then an index, not a hash.
public struct MARACState: Hashable, Sendable {
    public internal(set) var profile: AreaProfile
    public internal(set) var agencies: [Agency]
    public internal(set) var referrals: [Referral]
    public internal(set) var cases: [Case]
    public internal(set) var meetings: [Meeting]
    public internal(set) var actions: [Action]
    public internal(set) var audit: [AuditEntry]
    /// Who made every change, when, by which command and about which record.
    public internal(set) var journal = ChangeJournal()
    /// Who made the last change and when; nil for an empty store.
    public internal(set) var lastStamp: Stamp?

    /// Derived lookups, rebuilt from the records above by ``rebuildIndexes()``; never stored.
    var index = Indexes()

    struct Indexes: Hashable, Sendable {
        var referralByReference: [String: ReferralID] = [:]
        var casesByVictimBirth: [Int32: [CaseID]] = [:]
        var casesByVictimKey: [String: [CaseID]] = [:]
        var actionsByCase: [CaseID: [ActionID]] = [:]
        var openActions: Set<ActionID> = []

        /// Two indexes are the same when they answer every lookup alike: a key left with an
        /// empty list is the same as no key.
        static func == (a: Indexes, b: Indexes) -> Bool {
            a.referralByReference == b.referralByReference && a.openActions == b.openActions
                && a.casesByVictimBirth.filter { !$0.value.isEmpty } == b.casesByVictimBirth.filter { !$0.value.isEmpty }
                && a.casesByVictimKey.filter { !$0.value.isEmpty } == b.casesByVictimKey.filter { !$0.value.isEmpty }
                && a.actionsByCase.filter { !$0.value.isEmpty } == b.actionsByCase.filter { !$0.value.isEmpty }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(referralByReference.count)
            hasher.combine(openActions.count)
        }
    }

    public init(profile: AreaProfile = AreaProfile(maracName: "MARAC")) {
        self.profile = profile
        self.agencies = []
        self.referrals = []
        self.cases = []
        self.meetings = []
        self.actions = []
        self.audit = []
    }

    /// A state from records read back from a snapshot; the derived lookups are rebuilt.
    public init(profile: AreaProfile, agencies: [Agency], referrals: [Referral], cases: [Case],
                meetings: [Meeting], actions: [Action], audit: [AuditEntry], journal: ChangeJournal = ChangeJournal(),
                lastStamp: Stamp?) {
        self.journal = journal
        self.profile = profile
        self.agencies = agencies
        self.referrals = referrals
        self.cases = cases
        self.meetings = meetings
        self.actions = actions
        self.audit = audit
        self.lastStamp = lastStamp
        rebuildIndexes()
    }

    public func agency(_ id: AgencyID) -> Agency? { agencies.element(at: id.index) }
    public func referral(_ id: ReferralID) -> Referral? { referrals.element(at: id.index) }
    public func `case`(_ id: CaseID) -> Case? { cases.element(at: id.index) }
    public func meeting(_ id: MeetingID) -> Meeting? { meetings.element(at: id.index) }
    public func action(_ id: ActionID) -> Action? { actions.element(at: id.index) }

    public func referral(withReference reference: String) -> Referral? {
        index.referralByReference[Self.referenceKey(reference)].flatMap(referral)
    }

    /// The referral that made a case: every case has one.
    public func referral(of c: Case) -> Referral? { referral(c.referral) }

    public func actions(of caseID: CaseID) -> [Action] {
        (index.actionsByCase[caseID] ?? []).compactMap(action)
    }

    /// Actions still open (and not recorded in error), in number order.
    public func openActions() -> [Action] {
        index.openActions.sorted().compactMap(action)
    }

    public func agency(named name: String) -> Agency? {
        let key = NameFolding.fold(name)
        return agencies.first { NameFolding.fold($0.name) == key }
    }

    public var nextAgencyID: AgencyID { AgencyID(agencies.count + 1) }
    public var nextReferralID: ReferralID { ReferralID(referrals.count + 1) }
    public var nextCaseID: CaseID { CaseID(cases.count + 1) }
    public var nextMeetingID: MeetingID { MeetingID(meetings.count + 1) }
    public var nextActionID: ActionID { ActionID(actions.count + 1) }

    static func referenceKey(_ reference: String) -> String {
        reference.trimmingSpaces().uppercased()
    }

    mutating func rebuildIndexes() {
        index = Indexes()
        index.referralByReference.reserveCapacity(referrals.count)
        for r in referrals { index.referralByReference[Self.referenceKey(r.details.reference)] = r.id }
        for c in cases where c.status != .recordedInError && c.purgedOn == nil { indexVictim(of: c) }
        for a in actions {
            index.actionsByCase[a.caseID, default: []].append(a.id)
            if a.status == .open && a.inError == nil { index.openActions.insert(a.id) }
        }
    }

    mutating func indexVictim(of c: Case) {
        guard let r = referral(c.referral) else { return }
        if let birth = r.details.victim.dateOfBirth {
            index.casesByVictimBirth[birth.ordinal, default: []].append(c.id)
        }
        for key in r.victimKeys { index.casesByVictimKey[key, default: []].append(c.id) }
    }

    mutating func unindexVictim(of c: Case) {
        guard let r = referral(c.referral) else { return }
        if let birth = r.details.victim.dateOfBirth {
            index.casesByVictimBirth[birth.ordinal]?.removeAll { $0 == c.id }
        }
        for key in r.victimKeys { index.casesByVictimKey[key]?.removeAll { $0 == c.id } }
    }
}

extension Array {
    func element(at i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
