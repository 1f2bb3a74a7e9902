import MARACCore

/// One case whole, for `marac show case`: what the case view shows on screen (people, the
/// referral, every meeting's information and risks with lines recorded in error marked, the
/// actions with their histories, repeat links, the referral's history), as JSON for scripts or
/// as a document for people. Restricted like the minutes.
public struct CaseFile {
    public static let marking = "RESTRICTED: MARAC case record. Holds personal data; do not forward."

    public let state: MARACState
    public let caseValue: Case
    public let referral: Referral
    public let today: Day

    public enum Failure: Error, CustomStringConvertible {
        case noSuchCase(String)

        public var description: String {
            switch self {
            case .noSuchCase(let text): "there is no case \(text); give its number (C-0081) or its referral's (R-0042) or reference"
            }
        }
    }

    /// The case named by its id (C-0081), its referral's id (R-0042) or its referral's reference.
    public init(state: MARACState, naming text: String, today: Day) throws(Failure) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var found: Case?
        if let id = CaseID(parsing: trimmed) { found = state.case(id) }
        if found == nil {
            let referral = ReferralID(parsing: trimmed).flatMap(state.referral) ?? state.referral(withReference: trimmed)
            if let r = referral, case .accepted(let id) = r.status { found = state.case(id) }
        }
        guard let c = found, let r = state.referral(c.referral) else { throw .noSuchCase(trimmed) }
        self.state = state
        self.caseValue = c
        self.referral = r
        self.today = today
    }

    public var record: CaseFileRecord { CaseFileRecord(self) }

    public func json() -> String { JSONOutput.render(record) }

    public func document() -> Document {
        let c = caseValue, d = referral.details, rec = record
        var doc = Document(title: "\(state.profile.maracName): case \(c.id), \(d.victim.name)", marking: Self.marking)
        var markers: [String] = []
        if let r = c.repeatOf { markers.append("Repeat of \(r)") }
        if let t = d.transferredInFrom { markers.append("Transferred in from \(t.marac) on \(t.on.british)") }
        if let t = c.transferredOut { markers.append("Transferred out to \(t.marac) on \(t.on.british)") }
        if c.purgedOn != nil { markers.append("Personal data purged") }
        var fields = [Document.Field("Status", c.status.rawValue + (markers.isEmpty ? "" : "; " + markers.joined(separator: "; "))),
                      Document.Field("Meeting", state.meeting(c.meeting).map { "\($0.id), \($0.date.long)" } ?? c.meeting.description),
                      Document.Field("Referral", "\(referral.id), reference \(d.reference), received \(d.receivedOn.long) from \(rec.caseRecord.agency)"),
                      Document.Field("Risk", Self.riskText(rec.caseRecord.risk)),
                      Document.Field("Criteria", rec.referral.criteria.isEmpty ? "none met" : rec.referral.criteria.joined(separator: ", ")),
                      Document.Field("Accepted", c.acceptedOn.long),
                      Document.Field("Repeat window ends", state.repeatWindowEnd(of: c).long)]
        if !d.policeReference.isEmpty { fields.append(Document.Field("Police reference", d.policeReference)) }
        doc.add(.fields(fields))

        doc.add(.heading(level: 1, "People"))
        doc.add(.table(headers: ["Role", "Name", "Born", "Details"], rows: peopleRows()))
        if d.childrenKnown == nil {
            doc.add(.paragraph("Children in the household: not known."))
        } else if d.children.isEmpty && d.childrenInHousehold > 0 {
            doc.add(.paragraph("\(d.childrenInHousehold) children in the household (no details recorded)."))
        }

        doc.add(.heading(level: 1, "Referral"))
        var about = [Document.Field("Summary", d.summary.isEmpty ? "none given" : d.summary)]
        if !d.professionalJudgement.isEmpty { about.append(Document.Field("Professional judgement", d.professionalJudgement)) }
        about.append(Document.Field("Victim aware", d.victimAware.rawValue + (d.victimNotAwareReason.isEmpty ? "" : " (\(d.victimNotAwareReason))")))
        about.append(Document.Field("Consent", d.consent.rawValue + (d.sharingWithoutConsentReason.isEmpty ? "" : "; shared without consent: \(d.sharingWithoutConsentReason)")))
        if !d.bailAndOrders.isEmpty { about.append(Document.Field("Bail and orders", d.bailAndOrders)) }
        if !d.referrerName.isEmpty || !d.referrerContact.isEmpty {
            about.append(Document.Field("Referrer", [d.referrerName, d.referrerContact].filter { !$0.isEmpty }.joined(separator: ", ")))
        }
        doc.add(.fields(about))

        doc.add(.heading(level: 1, "Meetings"))
        if rec.meetings.isEmpty { doc.add(.paragraph("Not yet heard.")) }
        for m in rec.meetings {
            doc.add(.heading(level: 2, "\(m.id), \(DayParsing.parse(m.date)?.long ?? m.date)"))
            var lines = m.information.map { "i\($0.number) \($0.agency): \(Self.marked($0.text, $0.inError))" }
            lines += m.risks.map { "r\($0.number) Risk: \(Self.marked($0.text, $0.inError))" }
            doc.add(lines.isEmpty ? .paragraph("Nothing recorded.") : .bullets(lines))
        }

        doc.add(.heading(level: 1, "Actions"))
        let actions = rec.actions
        if actions.isEmpty { doc.add(.paragraph("No actions.")) } else {
            doc.add(.table(headers: ["Action", "Agency", "Owner", "Description", "Due", "Status"], rows: actions.map { a in
                [a.id, a.agency, a.owner, a.description, a.due, a.status + (a.overdue ? " (overdue)" : "")]
            }))
        }
        if !rec.repeatedBy.isEmpty { doc.add(.paragraph("Repeated by " + rec.repeatedBy.joined(separator: ", ") + ".")) }
        doc.add(.heading(level: 1, "History"))
        doc.add(.bullets(rec.history.map { "\($0.at) \($0.by): \($0.status)" }))
        return doc
    }

    func peopleRows() -> [[String]] {
        let d = referral.details
        var rows: [[String]] = []
        func born(_ day: Day?) -> String { day.map { "\($0.british) (\($0.age(on: today)))" } ?? "not known" }
        func name(_ p: Person) -> String { p.aliases.isEmpty ? p.name : "\(p.name) (also known as \(p.aliases.joined(separator: ", ")))" }
        var victim: [String] = []
        if d.victim.gender != .notKnown { victim.append(d.victim.gender.rawValue) }
        if let a = d.victim.address { victim.append(a.oneLine) }
        if let c = d.victim.contact, !c.phone.isEmpty {
            victim.append("phone \(c.phone), safe to call: \(c.safeToCall.rawValue)\(c.safeTimes.isEmpty ? "" : " (\(c.safeTimes))")")
        }
        if !d.victim.language.isEmpty { victim.append("language \(d.victim.language)\(d.victim.needsInterpreter ? ", interpreter needed" : "")") }
        if d.victim.diversity.ethnicity != .notKnown { victim.append("ethnicity \(d.victim.diversity.ethnicity.rawValue)") }
        if d.victim.diversity.disability == .yes { victim.append("disability") }
        if d.victim.diversity.lgbt == .yes { victim.append("LGBT+") }
        if d.victimPregnant == .yes { victim.append("pregnant or a baby under 18 months") }
        rows.append(["Victim", name(d.victim), born(d.victim.dateOfBirth), victim.joined(separator: "; ")])
        for p in d.perpetrators {
            let rel = p.relationshipDetail.isEmpty ? p.relationship.label : "\(p.relationship.label) (\(p.relationshipDetail))"
            rows.append(["Perpetrator", name(p.person), born(p.person.dateOfBirth), rel])
        }
        for child in d.children {
            rows.append(["Child", child.name, born(child.dateOfBirth), child.school])
        }
        return rows
    }

    static func riskText(_ r: RiskRecord?) -> String {
        guard let r else { return "no assessment" }
        return "\(r.tool) \(r.score)" + (r.band?.name.map { " (\($0))" } ?? "")
    }

    static func marked(_ text: String, _ inError: String?) -> String {
        inError.map { "[recorded in error: \($0)] \(text)" } ?? text
    }
}

/// `marac show case --format json`: the case's listing record, its referral's, and what only
/// one case's view holds. Fields may be added, never renamed (Docs/cli.md).
public struct CaseFileRecord: Encodable, Sendable {
    public var caseRecord: CaseRecord
    public var referral: ReferralRecord
    public var victimContact: Contact
    public var summary: String
    public var professionalJudgement: String
    public var bailAndOrders: String
    public var referrer: String
    public var referrerContact: String
    public var meetings: [Hearing]
    public var actions: [ActionRecord]
    /// Later cases that repeat this one.
    public var repeatedBy: [String]
    public var history: [HistoryLine]

    /// The victim's address and safe contact: what the listing leaves out.
    public struct Contact: Encodable, Sendable {
        public var address: String
        public var postcode: String
        public var phone: String
        public var safeToCall: String
        public var safeTimes: String

        enum CodingKeys: String, CodingKey {
            case address, postcode, phone, safeToCall = "safe_to_call", safeTimes = "safe_times"
        }
    }

    /// One meeting that heard the case.
    public struct Hearing: Encodable, Sendable {
        public var id: String
        public var date: String
        @OrNull public var started: String?
        @OrNull public var ended: String?
        public var information: [Line]
        public var risks: [Line]
    }

    /// A numbered line as the screen numbers it (i1, r1): `:error info N` takes the number.
    public struct Line: Encodable, Sendable {
        public var number: Int
        public var agency: String
        public var text: String
        public var by: String
        public var at: String
        @OrNull public var inError: String?

        enum CodingKeys: String, CodingKey {
            case number, agency, text, by, at, inError = "in_error"
        }
    }

    public struct HistoryLine: Encodable, Sendable {
        public var status: String
        public var at: String
        public var by: String
    }

    enum CodingKeys: String, CodingKey {
        case caseRecord = "case", referral, victimContact = "victim_contact", summary
        case professionalJudgement = "professional_judgement", bailAndOrders = "bail_and_orders"
        case referrer, referrerContact = "referrer_contact", meetings, actions, repeatedBy = "repeated_by", history
    }

    init(_ file: CaseFile) {
        let state = file.state, c = file.caseValue, r = file.referral, d = r.details
        caseRecord = CaseRecord(c, state)
        referral = ReferralRecord(r, state)
        let contact = d.victim.contact
        victimContact = Contact(address: d.victim.address?.lines ?? "", postcode: d.victim.address?.postcode ?? "",
                                phone: contact?.phone ?? "", safeToCall: contact?.safeToCall.rawValue ?? YesNoUnknown.notKnown.rawValue,
                                safeTimes: contact?.safeTimes ?? "")
        summary = d.summary
        professionalJudgement = d.professionalJudgement
        bailAndOrders = d.bailAndOrders
        referrer = d.referrerName
        referrerContact = d.referrerContact
        meetings = state.meetings.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.compactMap { m in
            guard let talk = m.discussion(of: c.id) else { return nil }
            func agencyName(_ id: AgencyID) -> String { state.agency(id)?.name ?? id.description }
            return Hearing(id: m.id.description, date: m.date.iso, started: talk.startedAt?.isoMinute, ended: talk.endedAt?.isoMinute,
                           information: talk.information.enumerated().map { i, info in
                               Line(number: i + 1, agency: agencyName(info.agency), text: info.line.text, by: info.line.stamp.actor,
                                    at: info.line.stamp.at.isoMinute, inError: info.line.inError)
                           },
                           risks: talk.risks.enumerated().map { i, risk in
                               Line(number: i + 1, agency: "", text: risk.text, by: risk.stamp.actor, at: risk.stamp.at.isoMinute, inError: risk.inError)
                           })
        }
        actions = state.actions(of: c.id).map { ActionRecord($0, state, today: file.today) }
        repeatedBy = state.cases.filter { $0.repeatOf == c.id }.map(\.id.description)
        history = r.history.map { HistoryLine(status: $0.status.label, at: $0.stamp.at.isoMinute, by: $0.stamp.actor) }
    }
}
