import MARACCore

/// What the minutes record of a case besides its information, risks and actions (SafeLives'
/// minutes checklist): crimes disclosed in the discussion, for the police to record, and who
/// tells the victim what the meeting decided.
extension MeetingJob {
    func recordCrimeDisclosed(argument: String) {
        guard let (m, c) = currentDiscussion() else { return }
        if !argument.isEmpty {
            if perform(.recordCrimeDisclosed(m.id, c, argument), done: "Crime disclosed recorded (u undoes).") { walk?.keep = .crimes }
            return
        }
        let form = Form(title: "Crime disclosed on \(c)", fields: [
            FormField("crime", "Crime disclosed", kind: .notes, required: true, hint: "what, when, and who is to record it"),
        ])
        present(form) { [unowned self] form in
            self.walk?.keep = .crimes
            return self.save(.recordCrimeDisclosed(m.id, c, form["crime"]), from: &form, done: "Crime disclosed recorded (u undoes).")
        }
    }

    /// The referrer or the IDVA, by name: offered first, or typed.
    func recordOutcomeTeller(argument: String) {
        guard let (m, c) = currentDiscussion() else { return }
        if !argument.isEmpty {
            if perform(.recordOutcomeTeller(m.id, c, argument), done: "\(argument) tells the victim the outcome.") { walk?.keep = .crimes }
            return
        }
        var offered: [String] = []
        if let r = state.case(c).flatMap(state.referral(of:)) {
            offered.append("the referrer (\(Describe.agencyName(r.details.agency, in: state)))")
        }
        if let idva = state.case(c)?.idvaService.flatMap(state.agency) { offered.append("the IDVA (\(idva.name))") }
        let current = m.discussion(of: c)?.outcomeToldBy ?? ""
        let form = Form(title: "Who tells the victim the outcome on \(c)", fields: [
            FormField("who", "Tells the victim", value: current.isEmpty ? (offered.last ?? "") : current, required: true,
                      hint: offered.isEmpty ? "a name and agency" : "e.g. " + offered.joined(separator: " or ")),
        ])
        present(form) { [unowned self] form in
            self.walk?.keep = .crimes
            return self.save(.recordOutcomeTeller(m.id, c, form["who"]), from: &form, done: "\(form["who"]) tells the victim the outcome.")
        }
    }
}
