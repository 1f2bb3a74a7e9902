import MARACCore

/// The records `marac list` and the JSON exports give, one type each, with the field names
/// Docs/cli.md documents (scripts rely on them: fields may be added, never renamed). Each also
/// gives its flat text columns for CSV and tables.

/// A referral's risk assessment: the tool and the score (and, for a case, the band).
public struct RiskRecord: Encodable, Sendable {
    public var tool: String
    public var score: Int
    /// Only cases give the band; referrals leave the key out.
    public var band: Band?

    /// The band, or `null` when the tool gives none for the score.
    public struct Band: Encodable, Sendable {
        @OrNull public var name: String?
        public func encode(to encoder: Encoder) throws { try _name.encode(to: encoder) }
    }
}

public struct ReferralRecord: Encodable, Sendable {
    public var id: String
    public var reference: String
    /// Received.
    public var date: String
    public var agency: String
    public var criteria: [String]
    public var `repeat`: Bool
    @OrNull public var repeatOf: String?
    public var status: String
    @OrNull public var caseID: String?
    public var victim: VictimRecord
    @OrNull public var risk: RiskRecord?
    /// Children in the household: the rows given, or the form's number where that is larger;
    /// null when the referral gave neither (not known, which is not none).
    @OrNull public var children: Int?
    public var childrenDetail: [ChildRecord]
    public var perpetrators: [PerpetratorRecord]
    /// `yes`, `no`, `not-known`.
    public var pregnant: String
    public var victimAware: String
    public var consent: String
    public var policeReference: String
    /// Earlier cases that may be this victim's, with why; empty once recorded in error.
    public var repeatCandidates: [RepeatCandidateRecord]

    enum CodingKeys: String, CodingKey {
        case id, reference, date, agency, criteria, `repeat`, repeatOf = "repeat_of", status, caseID = "case", victim, risk, children
        case childrenDetail = "children_detail", perpetrators, pregnant, victimAware = "victim_aware", consent
        case policeReference = "police_reference", repeatCandidates = "repeat_candidates"
    }

    public var flat: [String: String] {
        ["id": id, "reference": reference, "date": date, "agency": agency, "criteria": criteria.joined(separator: " "),
         "repeat": `repeat` ? "true" : "false", "repeat_of": repeatOf ?? "", "status": status, "victim_name": victim.name,
         "victim_dob": victim.dob ?? "", "risk_tool": risk?.tool ?? "", "risk_score": risk.map { "\($0.score)" } ?? "",
         "children": children.map(String.init) ?? "", "victim_gender": victim.gender, "victim_ethnicity": victim.ethnicity,
         "victim_disability": victim.disability, "victim_lgbt": victim.lgbt, "perpetrators": perpetrators.map(\.name).joined(separator: "; "),
         "repeat_candidates": repeatCandidates.map(\.caseID).joined(separator: " ")]
    }
}

public struct CaseRecord: Encodable, Sendable {
    public var id: String
    public var referral: String
    public var reference: String
    public var victim: VictimRecord
    @OrNull public var risk: RiskRecord?
    @OrNull public var repeatOf: String?
    public var status: String
    public var meeting: String
    public var accepted: String
    /// As a referral's: null when not known.
    @OrNull public var children: Int?
    @OrNull public var transferredInFrom: String?
    @OrNull public var transferredOutTo: String?
    public var repeatWindowEnds: String
    public var purged: Bool
    /// The referring agency.
    public var agency: String
    /// The referral's date received.
    public var referred: String
    public var childrenDetail: [ChildRecord]
    public var perpetrators: [PerpetratorRecord]
    /// Other earlier cases that may be this victim's (the one it repeats among them, once linked).
    public var repeatCandidates: [RepeatCandidateRecord]

    enum CodingKeys: String, CodingKey {
        case id, referral, reference, victim, risk, repeatOf = "repeat_of", status, meeting, accepted, children
        case transferredInFrom = "transferred_in_from", transferredOutTo = "transferred_out_to"
        case repeatWindowEnds = "repeat_window_ends", purged
        case agency, referred, childrenDetail = "children_detail", perpetrators, repeatCandidates = "repeat_candidates"
    }

    public var flat: [String: String] {
        ["id": id, "referral": referral, "reference": reference, "victim_name": victim.name, "victim_dob": victim.dob ?? "",
         "risk_tool": risk?.tool ?? "", "risk_score": risk.map { "\($0.score)" } ?? "", "risk_band": risk?.band?.name ?? "",
         "repeat_of": repeatOf ?? "", "status": status, "meeting": meeting, "accepted": accepted, "children": children.map(String.init) ?? "",
         "transferred_in_from": transferredInFrom ?? "", "transferred_out_to": transferredOutTo ?? "",
         "agency": agency, "referred": referred, "victim_gender": victim.gender, "victim_ethnicity": victim.ethnicity,
         "victim_disability": victim.disability, "victim_lgbt": victim.lgbt, "perpetrators": perpetrators.map(\.name).joined(separator: "; ")]
    }
}

public struct MeetingRecord: Encodable, Sendable {
    public var id: String
    public var date: String
    public var time: String
    public var venue: String
    public var chair: String
    public var status: String
    /// How many cases are listed.
    public var cases: Int
    public var caseListFrozen: Bool
    public var minutesSignedOff: Bool
    /// The cases whose discussion began at the meeting, in the order heard: what the quarterly
    /// return counts, once per meeting that heard them.
    public var heard: [String]

    enum CodingKeys: String, CodingKey {
        case id, date, time, venue, chair, status, cases, caseListFrozen = "case_list_frozen", minutesSignedOff = "minutes_signed_off", heard
    }

    public var flat: [String: String] {
        ["id": id, "date": date, "time": time, "venue": venue, "chair": chair, "status": status, "cases": "\(cases)",
         "case_list_frozen": caseListFrozen ? "true" : "false", "heard": heard.joined(separator: " ")]
    }
}

public struct ActionRecord: Encodable, Sendable {
    public var id: String
    public var caseID: String
    public var meeting: String
    public var agency: String
    public var owner: String
    public var description: String
    public var due: String
    public var status: String
    public var overdue: Bool
    @OrNull public var closedOn: String?
    public var history: [Update]
    /// What the agency reported in the sheets it sent back, and what became of each report.
    public var reports: [Report] = []

    /// An agency's report from its returned sheet: `decision` is "to-confirm", "confirmed" or
    /// "rejected" (with the reason).
    public struct Report: Encodable, Sendable {
        public var status: String
        public var on: String
        public var note: String
        public var agency: String
        public var source: String
        public var importedBy: String
        public var decision: String
        public var decidedBy: String?
        public var reason: String?

        enum CodingKeys: String, CodingKey { case status, on, note, agency, source, importedBy = "imported_by", decision, decidedBy = "decided_by", reason }
    }

    /// One update in an action's history: what it became, when, the note and who recorded it.
    public struct Update: Encodable, Sendable {
        public var status: String
        public var on: String
        public var note: String
        public var by: String
        /// Why the entry was marked recorded in error; absent when it stands.
        public var inError: String?

        enum CodingKeys: String, CodingKey { case status, on, note, by, inError = "in_error" }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(status, forKey: .status)
            try c.encode(on, forKey: .on)
            try c.encode(note, forKey: .note)
            try c.encode(by, forKey: .by)
            try c.encodeIfPresent(inError, forKey: .inError)
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, caseID = "case", meeting, agency, owner, description, due, status, overdue, closedOn = "closed_on", history, reports
    }

    public var flat: [String: String] {
        ["id": id, "case": caseID, "meeting": meeting, "agency": agency, "owner": owner, "description": description, "due": due,
         "status": status, "overdue": overdue ? "true" : "false", "closed_on": closedOn ?? "",
         "reported": reports.last { $0.decision == "to-confirm" }.map { "\($0.status) on \($0.on), to confirm" } ?? ""]
    }
}

extension ReferralRecord {
    init(_ r: Referral, _ state: MARACState) {
        let d = r.details
        let risk = state.riskScore(of: d)
        var caseID: String?
        if case .accepted(let c) = r.status { caseID = c.description }
        if case .addedToCase(let c) = r.status { caseID = c.description }  // a further incident for it
        self.init(id: r.id.description, reference: d.reference, date: d.receivedOn.iso,
                  agency: state.agency(d.agency)?.name ?? d.agency.description, criteria: state.criteria(of: r).keys,
                  repeat: r.repeatOf != nil, repeatOf: r.repeatOf?.description, status: r.status.key, caseID: caseID,
                  victim: VictimRecord(d.victim, referredOn: d.receivedOn),
                  risk: risk.map { RiskRecord(tool: $0.tool.key, score: $0.score, band: nil) }, children: d.childrenKnown,
                  childrenDetail: d.children.map(ChildRecord.init),
                  perpetrators: d.perpetrators.map { PerpetratorRecord($0, referredOn: d.receivedOn) },
                  pregnant: d.victimPregnant.rawValue, victimAware: d.victimAware.rawValue, consent: d.consent.rawValue,
                  policeReference: d.policeReference, repeatCandidates: state.listedRepeatCandidates(of: r))
    }
}

extension CaseRecord {
    init(_ c: Case, _ state: MARACState) {
        let r = state.referral(of: c)
        let d = r?.details
        let risk = d.flatMap { state.riskScore(of: $0) }
        let candidates = c.status == .recordedInError ? [] : r.map { state.listedRepeatCandidates(of: $0) } ?? []
        self.init(id: c.id.description, referral: c.referral.description, reference: d?.reference ?? "",
                  victim: VictimRecord(d?.victim ?? Person(name: ""), referredOn: d?.receivedOn),
                  risk: risk.map { RiskRecord(tool: $0.tool.key, score: $0.score, band: .init(name: $0.tool.band(for: $0.score)?.name)) },
                  repeatOf: c.repeatOf?.description, status: c.status.rawValue, meeting: c.meeting.description,
                  accepted: c.acceptedOn.iso, children: d?.childrenKnown, transferredInFrom: d?.transferredInFrom?.marac,
                  transferredOutTo: c.transferredOut?.marac, repeatWindowEnds: state.repeatWindowEnd(of: c).iso, purged: c.purgedOn != nil,
                  agency: d.map { state.agency($0.agency)?.name ?? $0.agency.description } ?? "", referred: d?.receivedOn.iso ?? "",
                  childrenDetail: d?.children.map(ChildRecord.init) ?? [],
                  perpetrators: d.map { d in d.perpetrators.map { PerpetratorRecord($0, referredOn: d.receivedOn) } } ?? [],
                  repeatCandidates: candidates)
    }
}

extension MeetingRecord {
    init(_ m: Meeting) {
        self.init(id: m.id.description, date: m.date.iso, time: m.startTime, venue: m.venue, chair: m.chair, status: m.status.rawValue,
                  cases: m.listedCases.count, caseListFrozen: m.caseListFrozenAt != nil, minutesSignedOff: m.minutesSignedOff != nil,
                  heard: m.discussions.filter { $0.startedAt != nil }.map(\.caseID.description))
    }
}

extension ActionRecord {
    init(_ a: Action, _ state: MARACState, today: Day) {
        self.init(id: a.id.description, caseID: a.caseID.description, meeting: a.meeting.description,
                  agency: state.agency(a.agency)?.name ?? a.agency.description, owner: a.owner, description: a.description,
                  due: a.due.iso, status: a.status.rawValue, overdue: a.isOverdue(on: today), closedOn: a.closedOn?.iso,
                  history: a.history.map { Update(status: $0.status.rawValue, on: $0.on.iso, note: $0.note, by: $0.stamp.actor, inError: $0.inError) })
        reports = a.reports.map { r in
            var decision = "to-confirm", by: String?, reason: String?
            switch r.decision {
            case .pending: break
            case .confirmed(let s, _): decision = "confirmed"; by = s.actor
            case .rejected(let s, let why): decision = "rejected"; by = s.actor; reason = why
            }
            return Report(status: r.status.rawValue, on: r.on.iso, note: r.note, agency: state.agency(r.agency)?.name ?? r.agency.description,
                          source: r.source, importedBy: r.stamp.actor, decision: decision, decidedBy: by, reason: reason)
        }
    }
}
