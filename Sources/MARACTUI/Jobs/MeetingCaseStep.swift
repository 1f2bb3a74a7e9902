import MARACCore

/// The case being heard, whole: what the room needs to read out (the referral's summary, the
/// criteria with the professional judgement, the children with their ages, earlier MARACs of
/// this victim, research returns) and what it adds (information, risks, actions). It scrolls, so
/// a case with twelve agencies sharing and ten actions can be read back to the room.
struct MeetingCaseStep {
    /// The parts the coordinator adds to: after a save, the screen keeps the part in view.
    enum Part: Sendable, Equatable {
        case information, risks, crimes, actions
    }

    struct Line {
        var text: String
        var role: StyleRole
        var indent: Int
        var part: Part?
    }

    let caseID: CaseID
    let meeting: Meeting
    let state: MARACState
    let today: Day

    /// The lines at `width`, wrapped; each knows the part it belongs to.
    func lines(width: Int, glyphs: Glyphs) -> [Line] {
        guard let c = state.case(caseID), let r = state.referral(c.referral) else { return [] }
        let d = r.details
        var out: [Line] = []
        func add(_ text: String, _ role: StyleRole = .normal, indent: Int = 2, part: Part? = nil) {
            for piece in wrap(text, width: max(10, width - indent - 1)) {
                out.append(Line(text: piece, role: role, indent: indent, part: part))
            }
        }
        func header(_ text: String, part: Part? = nil) { out.append(Line(text: text, role: .header, indent: 0, part: part)) }

        var marks = [Describe.risk(d, in: state), state.criteria(of: r).labels.joined(separator: ", "),
                     d.childrenKnown.map { "\($0) child\($0 == 1 ? "" : "ren")" } ?? "children not known",
                     "referred by \(Describe.agencyName(d.agency, in: state))"]
        if let earlier = c.repeatOf { marks.append("REPEAT of \(earlier)") }
        if let from = d.transferredInFrom { marks.append("transferred in from \(from.marac)") }
        for p in d.perpetrators { marks.append("perpetrator \(p.person.name) (\(p.relationship.label))") }
        add(marks.joined(separator: " \(glyphs.bullet) "), c.repeatOf != nil ? .warning : .normal, indent: 0)
        out.append(Line(text: "", role: .normal, indent: 0, part: nil))

        header("The referral")
        add(d.summary.isEmpty ? "No incident summary." : d.summary)
        if !d.professionalJudgement.isEmpty { add("Professional judgement: \(d.professionalJudgement)", .warning) }
        for further in state.furtherReferrals(of: caseID) {
            let f = further.details
            add("Further referral \(further.id), received \(f.receivedOn.british) from \(Describe.agencyName(f.agency, in: state)): "
                + (f.summary.isEmpty ? "no summary" : f.summary), .warning)
        }
        if let incidents = d.incidents {
            let n = incidents.count(under: state.profile.escalation, referralDate: d.receivedOn)
            add("Escalation: \(n) incident\(n == 1 ? "" : "s") in the \(state.profile.escalation.months) months before the referral"
                + (incidents.severityEscalates ? "; escalating in severity: \(incidents.severityReason)" : ""))
        }
        if !d.bailAndOrders.isEmpty { add("Bail and orders: \(d.bailAndOrders)") }
        for child in d.children {
            let age = child.dateOfBirth.map { ", \($0.age(on: today))" } ?? ", age not known"
            add("Child: \(child.name)\(age)\(child.school.isEmpty ? "" : ", \(child.school)")")
        }
        let earlier = earlierCases(c)
        if !earlier.isEmpty {
            header("Earlier MARACs of this victim")
            for e in earlier {
                let heard = state.meetings.filter { $0.discussion(of: e.id)?.startedAt != nil }.map(\.date).max()
                let actions = state.actions(of: e.id).filter { $0.inError == nil }
                let done = actions.filter { $0.status == .done }.count
                add("\(e.id) heard \(heard?.british ?? "not heard") \(glyphs.bullet) \(actions.count) actions, \(done) done")
            }
        }
        let asked = meeting.isOpenForChanges ? state.signedAgencies : []
        if !c.researchReturns.isEmpty || !asked.isEmpty {
            // What the room needs is who has not researched the case; the case view has the dates.
            let missing = asked.filter { a in c.researchReturn(from: a.id) == nil }.map(\.name)
            add("Research returns: \(c.researchReturns.count) back"
                + (missing.isEmpty ? ", every agency" : "; not back from \(missing.joined(separator: ", "))"), .dim)
        }
        // What agencies found before the meeting, under each agency, as their sheets gave it.
        let findings = c.researchReturns.filter(\.hasFindings)
        if !findings.isEmpty {
            header("Shared before the meeting (research)")
            for r in findings {
                add(ResearchFindings.line(r, in: state))
            }
        }
        out.append(Line(text: "", role: .normal, indent: 0, part: nil))

        // Numbered as :error info N and :error risk N take them; lines in error stay, marked.
        let discussion = meeting.discussion(of: caseID)
        header("Information shared (i)", part: .information)
        let information = discussion?.information ?? []
        if information.isEmpty { add("none yet", .dim, part: .information) }
        for (i, s) in information.enumerated() {
            let agency = Describe.agencyName(s.agency, in: state)
            if let why = s.line.inError {
                add("\(i + 1). [recorded in error: \(why)] \(agency): \(s.line.text)", .dim, part: .information)
            } else {
                add("\(i + 1). \(agency): \(s.line.text)", part: .information)
            }
        }
        header("Risks (r)", part: .risks)
        let risks = discussion?.risks ?? []
        if risks.isEmpty { add("none yet", .dim, part: .risks) }
        for (i, risk) in risks.enumerated() {
            add(risk.inError.map { "\(i + 1). [recorded in error: \($0)] \(risk.text)" } ?? "\(i + 1). \(risk.text)",
                risk.inError == nil ? .normal : .dim, part: .risks)
        }
        header("Crimes disclosed (c)", part: .crimes)
        let crimes = discussion?.crimesDisclosed ?? []
        if crimes.isEmpty { add("none recorded", .dim, part: .crimes) }
        for (i, crime) in crimes.enumerated() {
            add(crime.inError.map { "\(i + 1). [recorded in error: \($0)] \(crime.text)" } ?? "\(i + 1). \(crime.text)",
                crime.inError == nil ? .danger : .dim, part: .crimes)
        }
        let teller = discussion?.outcomeToldBy ?? ""
        add(teller.isEmpty ? "Who tells the victim the outcome: not recorded yet (t)" : "Tells the victim the outcome: \(teller) (t changes)",
            teller.isEmpty ? .warning : .good, indent: 0, part: .crimes)
        let actions = state.actions(of: caseID).filter { $0.meeting == meeting.id && $0.inError == nil }
        header("Actions (a)", part: .actions)
        if actions.isEmpty { add("none yet", .dim, part: .actions) }
        for a in actions {
            add("\(a.id)  \(Describe.agencyName(a.agency, in: state)) (\(a.owner))  due \(a.due.british)  \(a.description)", part: .actions)
        }
        return out
    }

    /// The cases this one repeats, newest first, following the repeat links back.
    func earlierCases(_ c: Case) -> [Case] {
        var out: [Case] = []
        var next = c.repeatOf
        while let id = next, let e = state.case(id), !out.contains(where: { $0.id == id }), out.count < 20 {
            out.append(e)
            next = e.repeatOf
        }
        return out
    }

    /// The first line to show so that `part`'s last line is in view in `height` rows, from `top`.
    static func scroll(keeping part: Part, in lines: [Line], top: Int, height: Int) -> Int {
        guard let last = lines.lastIndex(where: { $0.part == part }) else { return top }
        if last >= top + height { return last - height + 1 }
        if let first = lines.firstIndex(where: { $0.part == part }), first < top { return first }
        return top
    }
}
