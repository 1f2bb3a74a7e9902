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

    /// Derived lookups, rebuilt from the records above by ``rebuildIndexes()``; never stored,
    /// and not part of equality (two states with the same records are the same state).
    var index = Indexes()

    public static func == (a: MARACState, b: MARACState) -> Bool {
        a.profile == b.profile && a.agencies == b.agencies && a.referrals == b.referrals && a.cases == b.cases
            && a.meetings == b.meetings && a.actions == b.actions && a.audit == b.audit && a.journal == b.journal
            && a.lastStamp == b.lastStamp
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(referrals.count)
        hasher.combine(cases.count)
        hasher.combine(actions.count)
        hasher.combine(journal.count)
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
        index.referral(forReference: reference).flatMap(referral)
    }

    /// The referral that made a case: every case has one.
    public func referral(of c: Case) -> Referral? { referral(c.referral) }

    // Records are large structs: loops over many of them read fields in place through these
    // (a copy of a referral retains a score of strings), which keeps a keystroke quick in a
    // store of tens of thousands of cases.

    /// The day a case's referral was received.
    func referralDate(of c: Case) -> Day {
        referrals.indices.contains(c.referral.index) ? referrals[c.referral.index].details.receivedOn : c.acceptedOn
    }

    func childrenInHousehold(ofReferral id: ReferralID) -> Int {
        referrals.indices.contains(id.index) ? referrals[id.index].details.childrenInHousehold : 0
    }

    func meetingDate(_ id: MeetingID) -> Day? {
        meetings.indices.contains(id.index) ? meetings[id.index].date : nil
    }

    public func actions(of caseID: CaseID) -> [Action] {
        index.actions(of: caseID.number).compactMap(action)
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

    mutating func rebuildIndexes() {
        index = Indexes()
        index.reserve(referrals: referrals.count, cases: cases.count, actions: actions.count)
        for i in referrals.indices {
            index.setReference(referrals[i].details.reference, referrals[i].id)
            if referrals[i].status == .awaitingTriage { index.awaitingTriage.insert(referrals[i].id) }
        }
        for i in cases.indices { indexVictim(of: cases[i]) }
        for a in actions {
            index.addAction(a.id.number, case: a.caseID.number)
            if a.status == .open && a.inError == nil { index.openActions.insert(a.id) }
        }
    }

    mutating func indexVictim(of c: Case) {
        let i = c.referral.index
        guard referrals.indices.contains(i) else { return }
        index.indexVictim(case: c.id.number, birth: referrals[i].details.victim.dateOfBirth?.ordinal, keys: referrals[i].victimKeys)
    }

    /// True when the lookups kept up by the fold answer as lookups rebuilt from the records
    /// would: for the property tests.
    public func lookupsAgreeWithRecords() -> Bool {
        var rebuilt = self
        rebuilt.rebuildIndexes()
        func live(_ ids: [CaseID]) -> [CaseID] {
            ids.filter { id in self.case(id).map { $0.status != .recordedInError && $0.purgedOn == nil } ?? false }
        }
        for c in cases where c.status != .recordedInError && c.purgedOn == nil {
            guard let r = referral(c.referral) else { continue }
            if let b = r.details.victim.dateOfBirth?.ordinal,
               Set(live(index.cases(bornOn: b))) != Set(live(rebuilt.index.cases(bornOn: b))) { return false }
            for key in r.victimKeys where Set(live(index.cases(withKey: key))) != Set(live(rebuilt.index.cases(withKey: key))) {
                return false
            }
        }
        for c in cases where index.actions(of: c.id.number) != rebuilt.index.actions(of: c.id.number) { return false }
        return index.openActions == rebuilt.index.openActions && index.referralByReference == rebuilt.index.referralByReference
            && index.awaitingTriage == rebuilt.index.awaitingTriage
    }
}

extension Array {
    func element(at i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
