/// Anyone in the store, found from a few letters: "Has she been to MARAC before?"
public struct FoundPerson: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable {
        case victim, perpetrator, child
    }

    public var role: Role
    public var name: String
    public var dateOfBirth: Day?
    public var referral: ReferralID
    /// The case the referral became, if it did.
    public var caseID: CaseID?
    public var referredOn: Day
    /// The end of the case's repeat window, for a victim's case; nil for others.
    public var repeatWindowEnds: Day?
    /// How it matched: "name", "name, one letter out", "date of birth", "reference", "id".
    public var matchedBy: String
}

/// The folded words of every person a referral names, built once for a state, so that each
/// letter typed in a search is a pass over small integers and short strings, not a folding of
/// every name in the store.
public struct PeopleIndex: Sendable {
    struct Entry: Sendable {
        var referral: Int32
        var role: FoundPerson.Role
        /// Which person of the referral: 0 the victim, then perpetrators, then children.
        var slot: Int16
        var words: [String]
        var birth: Int32?
    }

    var entries: [Entry] = []

    /// Every referral's victim, perpetrators and children, newest referral first.
    public init(_ state: MARACState) {
        entries.reserveCapacity(state.referrals.count * 3)
        for r in state.referrals.reversed() {
            if case .recordedInError = r.status { continue }
            let d = r.details
            let n = r.id.number
            entries.append(Entry(referral: n, role: .victim, slot: 0, words: Self.words(d.victim.name, d.victim.aliases),
                                 birth: d.victim.dateOfBirth?.ordinal))
            for (i, p) in d.perpetrators.enumerated() {
                entries.append(Entry(referral: n, role: .perpetrator, slot: Int16(1 + i), words: Self.words(p.person.name, p.person.aliases),
                                     birth: p.person.dateOfBirth?.ordinal))
            }
            for (i, c) in d.children.enumerated() {
                entries.append(Entry(referral: n, role: .child, slot: Int16(1 + d.perpetrators.count + i), words: Self.words(c.name, []),
                                     birth: c.dateOfBirth?.ordinal))
            }
        }
    }

    /// A name and its aliases as folded words: "Siobhán Ní Mhárlaigh" → siobhan, ni, mharlaigh.
    static func words(_ name: String, _ aliases: [String]) -> [String] {
        var out: [String] = []
        for n in [name] + aliases {
            for w in n.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "," || $0 == "." }) {
                let f = NameFolding.fold(String(w))
                if !f.isEmpty && !out.contains(f) { out.append(f) }
            }
        }
        return out
    }

    public var count: Int { entries.count }
}

extension MARACState {
    /// People, cases and referrals matching `query`, best first:
    /// - an id (`C-0081`, `R-0042`, `A-0042`: its case), or a referral's reference;
    /// - a date of birth (`21/11/1977`, `1977-11-21`);
    /// - a name: every word typed matches a word of the person's name or aliases, in any order,
    ///   as the start of it or, once in the query, one letter out ("Marlow Siobhan" and
    ///   "siobahn marl" both find Siobhán Marlow).
    ///
    /// - Parameters:
    ///   - query: what was typed.
    ///   - index: the state's ``PeopleIndex`` (built once; pass a fresh one after a change).
    ///   - today: for whether a case's repeat window is still open.
    ///   - limit: at most this many.
    public func find(_ query: String, in index: PeopleIndex, today: Day, limit: Int = 100) -> [FoundPerson] {
        let text = query.trimmingSpaces()
        guard !text.isEmpty else { return [] }
        var out: [FoundPerson] = []
        // Ids and references first: they name one record.
        if let id = CaseID(parsing: text), let c = `case`(id), let r = referral(c.referral) {
            out.append(found(r, slot: 0, matchedBy: "id"))
        } else if let id = ReferralID(parsing: text), let r = referral(id) {
            out.append(found(r, slot: 0, matchedBy: "id"))
        } else if let id = ActionID(parsing: text), let a = action(id), let c = `case`(a.caseID), let r = referral(c.referral) {
            out.append(found(r, slot: 0, matchedBy: "id of action \(id)"))
        }
        if let r = referral(withReference: text) { out.append(found(r, slot: 0, matchedBy: "reference")) }
        if !out.isEmpty { return out }

        if let birth = DayParsing.parse(text), text.contains(where: { $0 == "/" || $0 == "-" || $0 == "." }) {
            for e in index.entries where e.birth == birth.ordinal {
                guard let r = referral(ReferralID(e.referral)) else { continue }
                out.append(found(r, slot: Int(e.slot), matchedBy: "date of birth"))
                if out.count >= limit { break }
            }
            return out
        }

        let wanted = PeopleIndex.words(text, [])
        guard !wanted.isEmpty else { return [] }
        var exact: [FoundPerson] = [], near: [FoundPerson] = []
        for e in index.entries {
            guard let typos = Self.match(wanted, e.words) else { continue }
            guard let r = referral(ReferralID(e.referral)) else { continue }
            let f = found(r, slot: Int(e.slot), matchedBy: typos == 0 ? "name" : "name, one letter out")
            if typos == 0 { exact.append(f) } else { near.append(f) }
            if exact.count >= limit { break }
        }
        return Array((exact + near).prefix(limit))
    }

    /// The typos needed for every wanted word to match a different word of the name (nil: no
    /// match). A word matches as the start of a name word, or, once, one letter out of a whole
    /// word or of its start.
    static func match(_ wanted: [String], _ words: [String]) -> Int? {
        guard wanted.count <= words.count else { return nil }
        var used = [Bool](repeating: false, count: words.count)
        var typos = 0
        for w in wanted {
            if let i = words.indices.first(where: { !used[$0] && words[$0].hasPrefix(w) }) {
                used[i] = true
                continue
            }
            guard typos == 0, w.count >= 4,
                  let i = words.indices.first(where: { !used[$0] && (EditDistance.withinOne(w, words[$0])
                                                         || EditDistance.withinOne(w, String(words[$0].prefix(w.count)))) }) else { return nil }
            used[i] = true
            typos = 1
        }
        return typos
    }

    func found(_ r: Referral, slot: Int, matchedBy: String) -> FoundPerson {
        let d = r.details
        var caseID: CaseID?
        if case .accepted(let c) = r.status { caseID = c }
        // A further referral added to a case is found as part of that case.
        if case .addedToCase(let c) = r.status { caseID = c }
        let window = slot == 0 ? caseID.flatMap(`case`).map(repeatWindowEnd(of:)) : nil
        let person: (FoundPerson.Role, String, Day?)
        if slot == 0 {
            person = (.victim, d.victim.name, d.victim.dateOfBirth)
        } else if slot - 1 < d.perpetrators.count {
            let p = d.perpetrators[slot - 1].person
            person = (.perpetrator, p.name, p.dateOfBirth)
        } else {
            let c = d.children[slot - 1 - d.perpetrators.count]
            person = (.child, c.name, c.dateOfBirth)
        }
        return FoundPerson(role: person.0, name: person.1, dateOfBirth: person.2, referral: r.id, caseID: caseID,
                           referredOn: d.receivedOn, repeatWindowEnds: window, matchedBy: matchedBy)
    }
}

extension CommandKind {
    /// Whether a change of this kind can change whom ``PeopleIndex`` holds (a name, an alias, a
    /// date of birth, a referral recorded in error or purged): the screen builds the index
    /// again only after such a change, not after every case opened or action noted. Every kind
    /// is named, so a kind added later must be decided here.
    public var mayChangePeople: Bool {
        switch self {
        case .receiveReferral, .updateReferral, .markRecordedInError, .purgeCase, .importReferrals: true
        case .setAreaProfile, .registerAgency, .updateAgency, .recordISPSigned, .linkRepeat, .acceptReferral,
             .returnReferral, .declineReferral, .transferReferralOut, .transferCaseOut, .moveCase, .scheduleMeeting,
             .changeMeeting, .cancelMeeting, .freezeCaseList, .recordResearchReturn, .reorderAgenda, .addOtherBusiness,
             .startMeeting, .recordAttendance, .recordObserver, .recordStatementRead, .startCaseDiscussion,
             .shareInformation, .identifyRisk, .endCaseDiscussion, .endMeeting, .signOffMinutes, .agreeAction,
             .updateActionStatus, .changeAction, .recordCaseViewed, .recordExport, .withdrawAcceptance, .reopenTriage,
             .unfreezeCaseList, .retireAgency, .reinstateAgency, .withdrawMeetingStart, .noteAction, .extendActionDue,
             .addMinutesAddendum, .recordCrimeDisclosed, .recordOutcomeTeller, .addToCase, .recordActionReports,
             .confirmActionReport, .rejectActionReport, .reopenActionReport, .importResearch, .changeAccess,
             .recordExportFailed, .letOthersAdd: false
        }
    }
}
