import MARACCore

/// The admin's job in the referral queue: enter a referral (with the risk checklist), link a
/// repeat, and decide: accept onto a meeting, return for more information, not eligible, or
/// transfer out. Every decision shows in the case history.
final class TriageJob: Job {
    unowned let app: App

    init(app: App) { self.app = app }

    static let requests: Set<Request> = [.newReferral, .acceptReferral, .returnReferral, .declineReferral, .transferReferral, .linkRepeat, .addToCase]

    func handle(_ request: Request, argument: String) -> PaneResponse {
        switch request {
        case .newReferral: newReferral()
        case .acceptReferral: withSelectedReferral { self.accept($0, argument: argument) }
        case .returnReferral: withSelectedReferral { self.returnForInformation($0) }
        case .declineReferral: withSelectedReferral { self.decline($0) }
        case .transferReferral: withSelectedReferral { self.transferOut($0) }
        case .linkRepeat: withSelectedReferral { self.link($0, argument: argument) }
        case .addToCase: withSelectedReferral { self.addToCase($0, argument: argument) }
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
        var form = Form(title: "New referral", fields: ReferralForm.fields(nil, agencies: agencyNames, agencyName: "", today: today,
                                                                           escalationMonths: state.profile.escalation.months))
        form.errorRoutes = ReferralForm.errorRoutes
        present(form) { [unowned self] form in self.submit(&form, correcting: nil) }
    }

    /// The referral's fields in the same form, at their current values; saving corrects it in
    /// place (what the form does not show is kept as it was).
    func editReferral(_ id: ReferralID) {
        guard session.isWritable else { return say("This screen is read-only: \(app.readOnlyReason)", alert: true) }
        guard let r = state.referral(id) else { return }
        let d = r.details
        var form = Form(title: "Correct \(id) (\(d.victim.name))",
                        fields: ReferralForm.fields(d, agencies: agencyNames, agencyName: state.agency(d.agency)?.name ?? "", today: today,
                                                        escalationMonths: state.profile.escalation.months))
        form.errorRoutes = ReferralForm.errorRoutes
        present(form) { [unowned self] form in self.submit(&form, correcting: r) }
    }

    /// Saves the form as a new referral, or as a correction of `old`. Choosing the DASH
    /// checklist opens it after the form, unless the referral being corrected already has its
    /// answers (they are kept).
    func submit(_ form: inout Form, correcting old: Referral?) -> Bool {
        let details: ReferralDetails
        switch ReferralForm.details(from: form, keeping: old?.details, state: state, today: today) {
        case .success(let d): details = d
        case .failure(let problem):
            form.show(error: problem.message, field: problem.field)
            return false
        }
        let keepsAnswers = old?.details.assessment.map { !$0.answers.isEmpty && $0.toolKey == RiskTool.dashRIC.key } ?? false
        guard form["risk tool"] == "DASH checklist", !keepsAnswers else { return commit(details, correcting: old, form: &form) }
        let tool = session.state.profile.riskTool(RiskTool.dashRIC.key) ?? .dashRIC
        let formSession: FormSession
        if case .form(let s)? = app.overlay { formSession = s } else { formSession = FormSession(form) { _ in true } }
        formSession.form = form
        app.overlay = .checklist(ChecklistSession(RiskChecklist(tool: tool, answers: formSession.checklistAnswers), returnTo: formSession) { [unowned self] checklist in
            var d = details
            d.assessment = .answered(tool, on: d.receivedOn, answers: checklist.assessmentAnswers)
            var form = formSession.form
            if self.commit(d, correcting: old, form: &form) { return true }
            // A refusal goes back to the form, beside its field.
            formSession.form = form
            self.app.overlay = .form(formSession)
            return false
        })
        return true
    }

    func commit(_ details: ReferralDetails, correcting old: Referral?, form: inout Form) -> Bool {
        if let old {
            return save(.updateReferral(old.id, details), from: &form, done: "\(old.id) corrected. u undoes.")
        }
        guard save(.receiveReferral(details), from: &form, done: "") else { return false }
        announceReceived(details)
        return true
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
            target = state.repeatCandidates(for: r.details, excluding: id).first { $0.canBeRepeat }?.caseID
        }
        guard let caseID = target else {
            say("No earlier case of \(r.details.victim.name) with the same perpetrator is inside its repeat window; :link C-0042 links one by number.", alert: true)
            return
        }
        perform(.linkRepeat(id, caseID), done: "\(id) is linked as a repeat of \(caseID). u undoes.")
    }

    /// `+` / `:add to case [C-0042]`: a further referral for a case accepted but not yet heard
    /// joins that case as a further incident, after the admin confirms.
    func addToCase(_ id: ReferralID, argument: String) {
        let state = session.state
        guard let r = state.referral(id) else { return }
        let target = CaseID(parsing: argument.trimmingSpaces())
            ?? state.repeatCandidates(for: r.details, excluding: id).first { $0.notYetHeard && $0.perpetrator != .different }?.caseID
        guard let caseID = target, let c = state.case(caseID) else {
            return say("No case of \(r.details.victim.name) is waiting to be heard; :add to case C-0042 names one.", alert: true)
        }
        let meeting = state.meeting(c.meeting).map { " (listed for \($0.id), \($0.date.british))" } ?? ""
        confirm("Add \(id) to \(caseID)\(meeting) as a further incident? It does not become a case or a repeat.") { [unowned self] in
            self.perform(.addToCase(id, caseID), done: "\(id) is added to \(caseID) as a further incident. u undoes.")
        }
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
