import MARACCore

/// A line of the case view: text and its role.
struct Line {
    var text: String
    var role: StyleRole
    var indent: Int

    init(_ text: String, _ role: StyleRole = .normal, indent: Int = 0) {
        self.text = text
        self.role = role
        self.indent = indent
    }
}

/// Everything about a case (or a referral not yet a case) as lines: people, criteria and risk,
/// referral and meeting history, information shared, risks, actions, repeat links, transfers.
struct CaseViewContent {
    let state: MARACState
    let today: Day
    let width: Int
    let glyphs: Glyphs
    /// Presentation mode: addresses, phone numbers and dates of birth are replaced by a mark.
    let hideSensitive: Bool
    var lines: [Line] = []

    static let hidden = "(hidden: r shows)"

    init(subject: CaseSubject, state: MARACState, today: Day, width: Int, glyphs: Glyphs, hideSensitive: Bool = false) {
        self.state = state
        self.today = today
        self.width = max(20, width)
        self.glyphs = glyphs
        self.hideSensitive = hideSensitive
        switch subject {
        case .case(let id):
            if let c = state.case(id), let r = state.referral(c.referral) { build(c, r) } else { add("There is no case \(id).", .warning) }
        case .referral(let id):
            guard let r = state.referral(id) else {
                add("There is no referral \(id).", .warning)
                return
            }
            if case .accepted(let caseID) = r.status, let c = state.case(caseID) { build(c, r) } else { build(nil, r) }
        }
    }

    mutating func add(_ text: String, _ role: StyleRole = .normal, indent: Int = 0) {
        for (i, part) in wrap(text, width: width - indent - (indent > 0 ? 2 : 0)).enumerated() {
            lines.append(Line(part, role, indent: i == 0 ? indent : indent + 2))
        }
    }

    mutating func section(_ title: String) {
        lines.append(Line(""))
        lines.append(Line(title, .header))
    }

    mutating func build(_ c: Case?, _ r: Referral) {
        let d = r.details
        let criteria = state.criteria(of: r)
        var heading = c.map { "\($0.id)  " } ?? "\(r.id)  "
        heading += d.victim.name
        if let age = d.victim.age(on: today) { heading += ", \(age)" }
        add(heading, .title)
        var markers: [String] = []
        if let repeatOf = c?.repeatOf ?? r.repeatOf { markers.append("REPEAT of \(repeatOf)") }
        if let t = d.transferredInFrom { markers.append("TRANSFERRED IN from \(t.marac) on \(t.on.british)") }
        if let t = c?.transferredOut { markers.append("TRANSFERRED OUT to \(t.marac) on \(t.on.british)") }
        if c?.purgedOn != nil { markers.append("PERSONAL DATA PURGED") }
        if !markers.isEmpty { add(markers.joined(separator: "  "), .accent) }
        var risk = "Risk: " + Describe.risk(d, in: state)
        if let (score, tool) = state.riskScore(of: d), let band = tool.band(for: score) { risk += " (\(band.name))" }
        risk += " \(glyphs.bullet) Criteria: " + (criteria.isEmpty ? "none met" : criteria.labels.joined(separator: ", "))
        risk += " \(glyphs.bullet) Children: \(d.childrenInWords)"
        add(risk)
        add("Referred by \(Describe.agencyName(d.agency, in: state))\(d.referrerName.isEmpty ? "" : " (\(d.referrerName))") on \(d.receivedOn.british), reference \(d.reference)")
        if let c {
            var status = "Case \(c.status.rawValue)"
            if let m = state.meeting(c.meeting) { status += c.status == .listed ? " for \(m.id) on \(m.date.british)" : " at \(m.id) on \(m.date.british)" }
            if let idva = c.idvaService { status += " \(glyphs.bullet) IDVA referral \(c.idvaReferredOn.british) to \(Describe.agencyName(idva, in: state))" }
            status += " \(glyphs.bullet) repeat window ends \(state.repeatWindowEnd(of: c).british)"
            add(status, .dim)
        } else {
            add("Referral \(r.status.label)", r.status == .awaitingTriage ? .warning : .dim)
        }

        section("People")
        person("Victim", d.victim, extra: d.victimPregnant == .yes ? "pregnant or a baby under 18 months" : nil)
        for p in d.perpetrators {
            let rel = p.relationshipDetail.isEmpty ? p.relationship.label : "\(p.relationship.label) (\(p.relationshipDetail))"
            person("Perpetrator", p.person, extra: rel)
        }
        if d.children.isEmpty && d.childrenInHousehold > 0 {
            add("Children: \(d.childrenInHousehold) in the household (no details recorded)", indent: 2)
        }
        for child in d.children {
            var text = "Child: \(child.name.isEmpty ? "(name not given)" : child.name)"
            if let b = child.dateOfBirth { text += hideSensitive ? ", aged \(b.age(on: today))" : ", born \(b.british) (\(b.age(on: today)))" }
            if !child.school.isEmpty { text += ", \(child.school)" }
            if !child.relationshipToPerpetrator.isEmpty { text += "; perpetrator's \(child.relationshipToPerpetrator)" }
            add(text, indent: 2)
        }

        section("Referral")
        add(d.summary.isEmpty ? "No incident summary." : d.summary, indent: 2)
        if !d.professionalJudgement.isEmpty { add("Professional judgement: \(d.professionalJudgement)", indent: 2) }
        if let c {
            for further in state.furtherReferrals(of: c.id) {
                let f = further.details
                add("Further referral \(further.id) (\(f.reference)), received \(f.receivedOn.british) from \(Describe.agencyName(f.agency, in: state)): "
                    + (f.summary.isEmpty ? "no summary" : f.summary), indent: 2)
            }
        }
        if let incidents = d.incidents {
            let n = incidents.count(under: state.profile.escalation, referralDate: d.receivedOn)
            add("Escalation: \(n) incident\(n == 1 ? "" : "s") in the \(state.profile.escalation.months) months before the referral"
                + (incidents.severityEscalates ? "; escalating in severity: \(incidents.severityReason)" : ""), indent: 2)
        }
        var consent = "Victim aware: \(d.victimAware.rawValue)"
        if !d.victimNotAwareReason.isEmpty { consent += " (\(d.victimNotAwareReason))" }
        consent += "; consent: \(d.consent.rawValue)"
        if !d.sharingWithoutConsentReason.isEmpty { consent += "; shared without consent: \(d.sharingWithoutConsentReason)" }
        add(consent, indent: 2)
        if !d.policeReference.isEmpty { add("Police reference: \(d.policeReference)", indent: 2) }
        if !d.bailAndOrders.isEmpty { add("Bail and orders: \(d.bailAndOrders)", indent: 2) }
        if let a = d.assessment, let tool = state.profile.riskTool(a.toolKey) {
            if a.isScoreOnly {
                add("\(tool.name) completed \(a.completedOn.british): score \(a.score) (answers not recorded)", indent: 2)
            } else {
                let yes = a.answers.enumerated().filter { $0.element.value == .yes }.map { $0.offset + 1 }
                add("\(tool.name) \(a.toolVersion) completed \(a.completedOn.british): \(a.score) of \(tool.maximumScore); yes to questions \(yes.map(String.init).joined(separator: ", "))", indent: 2)
            }
        }

        guard let c else {
            history(r)
            return
        }
        meetings(c)
        actions(c)
        repeats(c)
        if c.status == .listed {
            section("Research returns")
            let returns = state.researchReturns(for: c.id)
            let received = returns.filter { $0.receivedOn != nil }
            add("\(received.count) of \(returns.count) agencies have returned their research.", indent: 2)
            let missing = returns.filter { $0.receivedOn == nil }.map(\.agency.name)
            if !missing.isEmpty { add("Still missing: \(missing.joined(separator: ", "))", .warning, indent: 2) }
        }
        let findings = c.researchReturns.filter(\.hasFindings)
        if !findings.isEmpty {
            section("Shared before the meeting (research)")
            for r in findings { add(ResearchFindings.line(r, in: state), indent: 2) }
        }
        history(r)
        seenBy(c)
    }

    /// Who opened the case on screen and which exports held it: the case's own audit.
    mutating func seenBy(_ c: Case) {
        let entries = state.audit.filter { $0.caseIDs.contains(c.id) }
        section("Viewed and exported (\(entries.count))")
        if entries.isEmpty { add("Nobody has opened or exported this case yet.", .dim, indent: 2) }
        for e in entries.suffix(12).reversed() {
            let what: String
            switch e.kind {
            case .caseViewed: what = "opened it"
            case .exported(let name, _): what = "exported it in the \(name)"
            case .purged: what = "purged its personal data"
            case .access(let change): what = change.description
            case .exportFailed(let name, _, _): what = "tried to export it in the \(name), which was not written"
            }
            add("\(e.stamp.at.isoMinute) \(e.stamp.actor) \(what)", .dim, indent: 2)
        }
        if entries.count > 12 { add("…and \(entries.count - 12) earlier; marac audit --case \(c.id) lists them all.", .dim, indent: 2) }
    }

    mutating func person(_ label: String, _ p: Person, extra: String?) {
        var text = "\(label): \(p.name)"
        if !p.aliases.isEmpty { text += " (also known as \(p.aliases.joined(separator: ", ")))" }
        if let b = p.dateOfBirth { text += hideSensitive ? ", born \(Self.hidden) (\(b.age(on: today)))" : ", born \(b.british) (\(b.age(on: today)))" }
        if p.gender != .notKnown { text += ", \(p.gender.rawValue)" }
        if let extra { text += "; \(extra)" }
        add(text, indent: 2)
        if let a = p.address { add("Address: \(hideSensitive ? Self.hidden : a.oneLine)", .dim, indent: 4) }
        if let contact = p.contact, !contact.phone.isEmpty {
            var t = "Phone: \(hideSensitive ? Self.hidden : contact.phone), safe to call: \(contact.safeToCall.rawValue)"
            if !contact.safeTimes.isEmpty { t += " (\(contact.safeTimes))" }
            add(t, .dim, indent: 4)
        }
        var about: [String] = []
        if !p.language.isEmpty { about.append("language \(p.language)\(p.needsInterpreter ? ", interpreter needed" : "")") }
        if p.diversity.ethnicity != .notKnown { about.append("ethnicity \(p.diversity.ethnicity.rawValue)") }
        if p.diversity.disability == .yes { about.append("disability") }
        if p.diversity.lgbt == .yes { about.append("LGBT+") }
        if !about.isEmpty { add(about.joined(separator: "; "), .dim, indent: 4) }
    }

    mutating func meetings(_ c: Case) {
        let heard = state.meetings.filter { m in m.discussion(of: c.id) != nil }
        section("Meetings")
        if heard.isEmpty {
            if let m = state.meeting(c.meeting) { add("Listed for \(m.id) on \(m.date.long); not yet heard.", indent: 2) }
            return
        }
        for m in heard {
            guard let d = m.discussion(of: c.id) else { continue }
            var t = "\(m.id) \(m.date.long)"
            if let s = d.startedAt, let e = d.endedAt { t += " \(glyphs.bullet) discussed for \(formatElapsed(seconds: s.seconds(until: e)))" }
            add(t, .accent, indent: 2)
            // Numbered, as :error info N and :error risk N take them; a line recorded in
            // error stays, marked, so the record shows what was said and why it was withdrawn.
            for (i, info) in d.information.enumerated() {
                if let why = info.line.inError {
                    add("i\(i + 1) [recorded in error: \(why)] \(Describe.agencyName(info.agency, in: state)): \(info.line.text)", .dim, indent: 4)
                } else {
                    add("i\(i + 1) \(Describe.agencyName(info.agency, in: state)): \(info.line.text)", indent: 4)
                }
            }
            for (i, risk) in d.risks.enumerated() {
                if let why = risk.inError {
                    add("r\(i + 1) [recorded in error: \(why)] Risk: \(risk.text)", .dim, indent: 4)
                } else {
                    add("r\(i + 1) Risk: \(risk.text)", .warning, indent: 4)
                }
            }
        }
    }

    mutating func actions(_ c: Case) {
        let all = state.actions(of: c.id)
        let list = all.filter { $0.inError == nil }
        let done = list.filter { $0.status == .done }.count
        let overdue = list.filter { $0.isOverdue(on: today) }.count
        section("Actions (\(list.count): \(done) done, \(list.filter { $0.status == .open }.count) open, \(overdue) overdue)")
        for a in all where a.inError != nil {
            add("\(a.id) [recorded in error: \(a.inError!)] \(a.description)", .dim, indent: 2)
        }
        for a in list {
            let overdueMark = a.isOverdue(on: today) ? " OVERDUE" : ""
            let role: StyleRole = a.isOverdue(on: today) ? .danger : (a.status == .done ? .dim : .normal)
            add("\(a.id) \(Describe.agencyName(a.agency, in: state)): \(a.description) Due \(a.due.british); \(a.status.label)\(overdueMark)", role, indent: 2)
            if let last = a.latestUpdate, !last.note.isEmpty {
                add("\(last.on.british) \(last.stamp.actor): \(last.note)", .dim, indent: 6)
            }
        }
    }

    mutating func repeats(_ c: Case) {
        let later = state.cases.filter { $0.repeatOf == c.id }
        guard c.repeatOf != nil || !later.isEmpty else { return }
        section("Repeat links")
        if let earlier = c.repeatOf, let e = state.case(earlier) {
            add("Repeat of \(earlier), accepted \(e.acceptedOn.british)", indent: 2)
        }
        for l in later { add("Repeated by \(l.id), accepted \(l.acceptedOn.british)", indent: 2) }
    }

    mutating func history(_ r: Referral) {
        section("History")
        for h in r.history {
            add("\(h.stamp.at.isoMinute) \(h.stamp.actor): referral \(h.status.label)", .dim, indent: 2)
        }
    }
}
