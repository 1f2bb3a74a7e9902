import MARACCore

/// The admin's job in the referral queue: enter a referral (with the risk checklist), link a
/// repeat, and decide: accept onto a meeting, return for more information, not eligible, or
/// transfer out. Every decision shows in the case history.
final class TriageJob: Job {
    unowned let app: App

    init(app: App) { self.app = app }

    static let requests: Set<Request> = [.newReferral, .acceptReferral, .returnReferral, .declineReferral, .transferReferral, .linkRepeat]

    static let riskChoices = ["DASH checklist", "DASH score only", "MeRIT score", "None"]

    func handle(_ request: Request, argument: String) -> PaneResponse {
        switch request {
        case .newReferral: newReferral()
        case .acceptReferral: withSelectedReferral { self.accept($0, argument: argument) }
        case .returnReferral: withSelectedReferral { self.returnForInformation($0) }
        case .declineReferral: withSelectedReferral { self.decline($0) }
        case .transferReferral: withSelectedReferral { self.transferOut($0) }
        case .linkRepeat: withSelectedReferral { self.link($0, argument: argument) }
        default: return .ignored
        }
        return .handled
    }

    /// The referral the queue has selected (or the case view shows, if it is still in triage).
    var selectedReferral: ReferralID? {
        if app.current == .caseView, case .referral(let r)? = app.caseView.subject { return r }
        return app.referrals.selectedReferral
    }

    func withSelectedReferral(_ body: (ReferralID) -> Void) {
        guard let id = selectedReferral else {
            say("Select a referral in the queue first (1 shows the queue).", alert: true)
            return
        }
        body(id)
    }

    // MARK: - Entering a referral

    func newReferral() {
        guard !agencyNames.isEmpty else {
            say("No agencies yet: add them with :agency add (or marac agency import FILE.csv) before entering referrals.", alert: true)
            return
        }
        let form = Form(title: "New referral", fields: [
            FormField("reference", "Reference", required: true, hint: "the referrer's reference"),
            FormField("referral date", "Received", kind: .date, value: today.british, required: true),
            FormField("agency", "Referring agency", kind: .choice(agencyNames), required: true),
            FormField("referrer", "Referrer name"),
            FormField("victim name", "Victim name", required: true),
            FormField("aliases", "Also known as", hint: "other names, separated by commas"),
            FormField("victim date of birth", "Victim date of birth", kind: .date, required: true),
            FormField("gender", "Victim gender", kind: .choice(["female", "male", "non-binary", "other", "not known"]), value: "female"),
            FormField("address", "Address"),
            FormField("postcode", "Postcode"),
            FormField("perpetrator 1 name", "Perpetrator name"),
            FormField("perpetrator 1 date of birth", "Perpetrator date of birth", kind: .date),
            FormField("relationship", "Relationship", kind: .choice(["partner", "ex-partner", "family member", "other"]), value: "ex-partner"),
            FormField("children", "Children in household", kind: .number, value: "0"),
            FormField("risk tool", "Risk assessment", kind: .choice(Self.riskChoices), value: Self.riskChoices[0],
                      hint: "the checklist follows this form"),
            FormField("risk score", "Score (if no checklist)", kind: .number),
            FormField("professional judgement", "Professional judgement", kind: .notes),
            FormField("escalation incidents", "Incidents, last 12 months", kind: .number),
            FormField("aware", "Victim aware of referral", kind: .answer),
            FormField("summary", "Incident summary", kind: .notes),
        ])
        present(form) { [unowned self] form in self.submitReferral(&form) }
    }

    /// The referral's fields in the new-referral form, at their current values; saving corrects
    /// it in place (what the form does not show is kept as it was).
    func editReferral(_ id: ReferralID) {
        guard session.isWritable else { return say("This screen is read-only: \(app.readOnlyReason)", alert: true) }
        guard let r = state.referral(id) else { return }
        let d = r.details
        let p = d.perpetrators.first
        let relationship: String = switch p?.relationship {
        case .partner?: "partner"
        case .family?: "family member"
        case .other?: "other"
        default: "ex-partner"
        }
        let gender: String = switch d.victim.gender {
        case .male: "male"
        case .nonBinary: "non-binary"
        case .other: "other"
        case .notKnown: "not known"
        default: "female"
        }
        let scored = d.assessment.map { $0.answers.isEmpty }
        let tool = d.assessment.map { $0.toolKey == RiskTool.merit.key ? "MeRIT score" : ($0.answers.isEmpty ? "DASH score only" : "DASH checklist") } ?? "None"
        let form = Form(title: "Correct \(id) (\(d.victim.name))", fields: [
            FormField("reference", "Reference", value: d.reference, required: true),
            FormField("referral date", "Received", kind: .date, value: d.receivedOn.british, required: true),
            FormField("agency", "Referring agency", kind: .choice(agencyNames), value: state.agency(d.agency)?.name ?? "", required: true),
            FormField("referrer", "Referrer name", value: d.referrerName),
            FormField("victim name", "Victim name", value: d.victim.name, required: true),
            FormField("aliases", "Also known as", value: d.victim.aliases.joined(separator: ", ")),
            FormField("victim date of birth", "Victim date of birth", kind: .date, value: d.victim.dateOfBirth?.british ?? "", required: true),
            FormField("gender", "Victim gender", kind: .choice(["female", "male", "non-binary", "other", "not known"]), value: gender),
            FormField("address", "Address", value: d.victim.address?.lines ?? ""),
            FormField("postcode", "Postcode", value: d.victim.address?.postcode ?? ""),
            FormField("perpetrator 1 name", "Perpetrator name", value: p?.person.name ?? ""),
            FormField("perpetrator 1 date of birth", "Perpetrator date of birth", kind: .date, value: p?.person.dateOfBirth?.british ?? ""),
            FormField("relationship", "Relationship", kind: .choice(["partner", "ex-partner", "family member", "other"]), value: relationship),
            FormField("children", "Children in household", kind: .number, value: "\(d.childrenInHousehold)"),
            FormField("risk tool", "Risk assessment", kind: .choice(Self.riskChoices), value: tool,
                      hint: scored == false ? "the checklist answers are kept unless you choose a score" : ""),
            FormField("risk score", "Score (if no checklist)", kind: .number, value: scored == true ? "\(d.assessment!.score)" : ""),
            FormField("professional judgement", "Professional judgement", kind: .notes, value: d.professionalJudgement),
            FormField("escalation incidents", "Incidents, last 12 months", kind: .number, value: d.incidents?.reportedCount.map(String.init) ?? ""),
            FormField("aware", "Victim aware of referral", kind: .answer, value: d.victimAware == .notKnown ? "" : d.victimAware.rawValue),
            FormField("summary", "Incident summary", kind: .notes, value: d.summary),
        ])
        present(form) { [unowned self] form in
            guard var fresh = self.referralDetails(from: form) else {
                form.show(error: "choose the referring agency from the list", field: "agency")
                return false
            }
            // What the form does not show stays as it was.
            var victim = d.victim
            (victim.name, victim.aliases, victim.dateOfBirth, victim.gender) = (fresh.victim.name, fresh.victim.aliases, fresh.victim.dateOfBirth, fresh.victim.gender)
            victim.address = fresh.victim.address
            fresh.victim = victim
            if var first = d.perpetrators.first, let edited = fresh.perpetrators.first {
                (first.person.name, first.person.dateOfBirth, first.relationship) = (edited.person.name, edited.person.dateOfBirth, edited.relationship)
                fresh.perpetrators = [first] + d.perpetrators.dropFirst()
            } else {
                fresh.perpetrators += d.perpetrators.dropFirst()
            }
            fresh.children = d.children
            if form["risk tool"] == "DASH checklist" { fresh.assessment = d.assessment }
            fresh.incidents = fresh.incidents.map { var i = d.incidents ?? $0; i.reportedCount = $0.reportedCount; return i } ?? d.incidents
            (fresh.referrerContact, fresh.victimPregnant, fresh.previousReferralOn) = (d.referrerContact, d.victimPregnant, d.previousReferralOn)
            (fresh.victimNotAwareReason, fresh.consent, fresh.sharingWithoutConsentReason) = (d.victimNotAwareReason, d.consent, d.sharingWithoutConsentReason)
            (fresh.policeReference, fresh.bailAndOrders, fresh.transferredInFrom) = (d.policeReference, d.bailAndOrders, d.transferredInFrom)
            return self.save(.updateReferral(id, fresh), from: &form, done: "\(id) corrected. u undoes.")
        }
    }

    func referralDetails(from form: Form) -> ReferralDetails? {
        guard let received = form.day("referral date", today: today), let agency = agencyID(named: form["agency"]) else { return nil }
        let aliases = form["aliases"].split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        let gender: Gender = switch form["gender"] {
        case "male": .male
        case "non-binary": .nonBinary
        case "other": .other
        case "not known": .notKnown
        default: .female
        }
        var victim = Person(name: form["victim name"], aliases: aliases, dateOfBirth: form.day("victim date of birth", today: today), gender: gender)
        if !form["address"].isEmpty || !form["postcode"].isEmpty {
            victim.address = Address(lines: form["address"], postcode: form["postcode"].uppercased())
        }
        var perpetrators: [Perpetrator] = []
        if !form["perpetrator 1 name"].isEmpty || form.day("perpetrator 1 date of birth", today: today) != nil {
            let relationship: Relationship = switch form["relationship"] {
            case "partner": .partner
            case "family member": .family
            case "other": .other
            default: .exPartner
            }
            perpetrators.append(Perpetrator(person: Person(name: form["perpetrator 1 name"], dateOfBirth: form.day("perpetrator 1 date of birth", today: today)),
                                            relationship: relationship))
        }
        var assessment: RiskAssessment?
        if let score = form.number("risk score") {
            switch form["risk tool"] {
            case "DASH score only": assessment = .scored(session.state.profile.riskTool(RiskTool.dashRIC.key) ?? .dashRIC, on: received, score: score)
            case "MeRIT score": assessment = .scored(session.state.profile.riskTool(RiskTool.merit.key) ?? .merit, on: received, score: score)
            default: break
            }
        }
        return ReferralDetails(reference: form["reference"], receivedOn: received, agency: agency, referrerName: form["referrer"],
                               victim: victim, perpetrators: perpetrators, childrenCount: form.number("children"),
                               assessment: assessment, professionalJudgement: form["professional judgement"],
                               incidents: form.number("escalation incidents").map { IncidentHistory(reportedCount: $0) },
                               victimAware: form.answer("aware"), summary: form["summary"])
    }

    func submitReferral(_ form: inout Form) -> Bool {
        guard let details = referralDetails(from: form) else {
            form.show(error: "choose the referring agency from the list", field: "agency")
            return false
        }
        switch form["risk tool"] {
        case "DASH checklist":
            let tool = session.state.profile.riskTool(RiskTool.dashRIC.key) ?? .dashRIC
            let formSession: FormSession
            if case .form(let s)? = app.overlay { formSession = s } else { formSession = FormSession(form) { _ in true } }
            formSession.form = form
            app.overlay = .checklist(ChecklistSession(RiskChecklist(tool: tool, answers: formSession.checklistAnswers), returnTo: formSession) { [unowned self] checklist in
                var d = details
                d.assessment = .answered(tool, on: d.receivedOn, answers: checklist.assessmentAnswers)
                return self.receive(d, formSession: formSession)
            })
            return true
        case "DASH score only", "MeRIT score":
            if form.number("risk score") == nil {
                form.show(error: "give the score, or choose the DASH checklist", field: "risk score")
                return false
            }
        default: break
        }
        return receiveSaving(details, form: &form)
    }

    func receiveSaving(_ details: ReferralDetails, form: inout Form) -> Bool {
        guard save(.receiveReferral(details), from: &form, done: "") else { return false }
        announceReceived(details)
        return true
    }

    /// Saves a referral from the checklist; a refusal goes back to the form, beside its field.
    func receive(_ details: ReferralDetails, formSession: FormSession) -> Bool {
        var form = formSession.form
        if save(.receiveReferral(details), from: &form, done: "") {
            announceReceived(details)
            return true
        }
        formSession.form = form
        app.overlay = .form(formSession)
        return false
    }

    func announceReceived(_ details: ReferralDetails) {
        let state = session.state
        guard let r = state.referral(withReference: details.reference) else { return }
        app.referrals.select(r.id, context: app.context)
        show(.referrals)
        let candidates = state.repeatCandidates(for: r.details, excluding: r.id)
        let score = " (\(Describe.risk(r.details, in: state)))"
        if let first = candidates.first {
            say("Saved \(r.id)\(score). Possible repeat of \(first.caseID) (\(first.reasons.joined(separator: "; "))): l links it.")
        } else {
            say("Saved \(r.id)\(score); it waits in the queue. a accepts it onto the next meeting.")
        }
    }

    // MARK: - Repeats

    func link(_ id: ReferralID, argument: String) {
        let state = session.state
        guard let r = state.referral(id) else { return }
        let text = argument.trimmingSpaces().lowercased()
        if text == "none" || text == "unlink" || (text.isEmpty && r.repeatOf != nil) {
            perform(.linkRepeat(id, nil), done: "\(id) is no longer linked as a repeat.")
            return
        }
        let target: CaseID?
        if let given = CaseID(parsing: argument.trimmingSpaces()) {
            target = given
        } else {
            target = state.repeatCandidates(for: r.details, excluding: id).first { $0.withinWindow }?.caseID
        }
        guard let caseID = target else {
            say("No earlier case matches \(r.details.victim.name) inside its repeat window; :link C-0042 links one by number.", alert: true)
            return
        }
        perform(.linkRepeat(id, caseID), done: "\(id) is linked as a repeat of \(caseID). u undoes.")
    }

    // MARK: - Decisions

    func accept(_ id: ReferralID, argument: String) {
        let state = session.state
        let choices = app.openMeetingChoices
        guard !choices.isEmpty else {
            say("No meeting is open for cases: schedule one in the agenda (S) first.", alert: true)
            return
        }
        if let given = MeetingID(parsing: argument.trimmingSpaces()) {
            perform(.acceptReferral(id, onto: given), done: acceptedMessage(id, given))
            return
        }
        let victim = state.referral(id)?.details.victim.name ?? ""
        let form = Form(title: "Accept \(id) (\(victim)) onto a meeting", fields: [
            FormField("meeting", "Meeting", kind: .choice(choices), value: choices[0], required: true,
                      hint: "the next meeting unless you choose"),
        ])
        present(form) { [unowned self] form in
            guard let meeting = App.meetingID(fromChoice: form["meeting"]) else { return false }
            guard self.save(.acceptReferral(id, onto: meeting), from: &form, done: "") else { return false }
            self.say(self.acceptedMessage(id, meeting))
            return true
        }
    }

    func acceptedMessage(_ id: ReferralID, _ meeting: MeetingID) -> String {
        let state = session.state
        guard case .accepted(let c)? = state.referral(id)?.status, let made = state.case(c) else { return "Accepted \(id) onto \(meeting)." }
        let idva = made.idvaService.flatMap { state.agency($0)?.name }.map { "; IDVA referral recorded with \($0)" } ?? ""
        return "Accepted \(id) as \(c) on \(meeting)\(idva). u undoes."
    }

    func returnForInformation(_ id: ReferralID) {
        let form = Form(title: "Return \(id) for more information", fields: [
            FormField("missing", "What is missing", kind: .notes, required: true),
        ])
        present(form) { [unowned self] form in
            self.save(.returnReferral(id, missing: form["missing"]), from: &form, done: "Returned \(id) to the referrer. u undoes.")
        }
    }

    func decline(_ id: ReferralID) {
        let form = Form(title: "Not eligible: decline \(id)", fields: [
            FormField("reason", "Reason", kind: .notes, required: true),
        ])
        present(form) { [unowned self] form in
            self.save(.declineReferral(id, reason: form["reason"]), from: &form, done: "Declined \(id) as not eligible. u undoes.")
        }
    }

    func transferOut(_ id: ReferralID) {
        let form = Form(title: "Transfer \(id) to another MARAC", fields: [
            FormField("marac", "To which MARAC", required: true),
            FormField("on", "On", kind: .date, value: today.british, required: true),
        ])
        present(form) { [unowned self] form in
            guard let day = form.day("on", today: self.session.today) else { return false }
            return self.save(.transferReferralOut(id, Transfer(marac: form["marac"], on: day)), from: &form,
                             done: "Transferred \(id) to \(form["marac"]). u undoes.")
        }
    }
}
