import MARACCore

/// Correcting the record, from wherever the record is shown: edit a referral or an action,
/// note progress on an action or move its due date, mark any line recorded in error, reopen a
/// returned or declined referral, withdraw an acceptance, move a case to another meeting or
/// transfer it out, sign minutes off and add addenda to them. Each is a command in the log with
/// who and when; nothing is deleted.
final class CorrectionsJob: Job {
    unowned let app: App

    init(app: App) { self.app = app }

    static let requests: Set<Request> = [.edit, .comment, .recordedInError]

    func handle(_ request: Request, argument: String) -> PaneResponse {
        switch request {
        case .edit: edit(argument)
        case .comment: note(argument)
        case .recordedInError: markInError(argument)
        default: return .ignored
        }
        return .handled
    }

    // MARK: - What a command is about

    /// The action named in the argument, else the one selected (the tracker, or the meeting's
    /// outstanding actions).
    func action(_ argument: String) -> (Action, rest: String)? {
        var words = argument.split(separator: " ").map(String.init)
        if words.first?.lowercased() == "action" { words.removeFirst() }
        if let first = words.first, let id = ActionID(parsing: first) {
            guard let a = state.action(id) else { say("There is no action \(id).", alert: true); return nil }
            return (a, words.dropFirst().joined(separator: " "))
        }
        var selected: ActionID?
        if app.current == .actions { selected = app.actions.selectedRow }
        if app.current == .agenda { selected = app.meeting.selectedOutstandingAction }
        guard let id = selected, let a = state.action(id) else {
            say("Select an action in the action tracker (4), or name it: A-0042.", alert: true)
            return nil
        }
        return (a, words.joined(separator: " "))
    }

    /// The referral named in the argument, else the one selected in the queue or shown in the
    /// case view.
    func referral(_ argument: String) -> (Referral, rest: String)? {
        var words = argument.split(separator: " ").map(String.init)
        if words.first?.lowercased() == "referral" { words.removeFirst() }
        if let first = words.first {
            if let id = ReferralID(parsing: first), let r = state.referral(id) { return (r, words.dropFirst().joined(separator: " ")) }
            if let id = CaseID(parsing: first), let c = state.case(id), let r = state.referral(of: c) { return (r, words.dropFirst().joined(separator: " ")) }
        }
        var id = app.triage.selectedReferral
        if app.current == .caseView, case .case(let c)? = app.caseView.subject { id = state.case(c)?.referral }
        guard let id, let r = state.referral(id) else {
            say("Select a referral in the queue (1) or open a case, or name it: R-0042.", alert: true)
            return nil
        }
        return (r, words.joined(separator: " "))
    }

    /// The case named, else the one the case view or the agenda shows.
    func caseRecord(_ argument: String) -> (Case, rest: String)? {
        var words = argument.split(separator: " ").map(String.init)
        if words.first?.lowercased() == "case" { words.removeFirst() }
        if let first = words.first, let id = CaseID(parsing: first), let c = state.case(id) { return (c, words.dropFirst().joined(separator: " ")) }
        var id: CaseID?
        if app.current == .caseView, case .case(let c)? = app.caseView.subject { id = c }
        if app.current == .agenda { id = app.agenda.selectedCase }
        if app.current == .actions, let a = app.actions.selectedRow { id = state.action(a)?.caseID }
        guard let id, let c = state.case(id) else {
            say("Open the case first (Enter on it), or name it: C-0042.", alert: true)
            return nil
        }
        return (c, words.joined(separator: " "))
    }

    // MARK: - Editing

    /// `e`, `:edit`: the referral (in the queue or the case view) or the action (in the tracker).
    func edit(_ argument: String) {
        guard app.requireWritable() else { return }
        let first = argument.split(separator: " ").first.map { $0.lowercased() } ?? ""
        if first == "attendance" { return editAttendance(argument) }
        let wantsAction = first == "action" || ActionID(parsing: first) != nil || (first.isEmpty && app.current == .actions)
        if wantsAction {
            guard let (a, _) = action(argument) else { return }
            return editAction(a)
        }
        guard let (r, _) = referral(argument) else { return }
        app.triage.editReferral(r.id)
    }

    /// Owner, description and due date; a new due date needs its reason, kept in the history.
    func editAction(_ a: Action) {
        guard a.inError == nil else { return say("\(a.id) is recorded in error; it is not changed.", alert: true) }
        let form = Form(title: "Correct \(a.id) for \(state.agency(a.agency)?.name ?? "")", fields: [
            FormField("owner", "Owner", value: a.owner),
            FormField("description", "Action", kind: .notes, value: a.description, required: true),
            FormField("due", "Due", kind: .date, value: a.due.british, required: true),
            FormField("reason", "Why the date moves", hint: "needed when the due date changes; kept in its history"),
        ])
        present(form) { [unowned self] form in
            guard let due = form.day("due", today: self.today) else { return false }
            if form["owner"] != a.owner || form["description"] != a.description {
                guard self.save(.changeAction(a.id, owner: form["owner"], description: form["description"], due: a.due), from: &form, done: "") else { return false }
            }
            if due != a.due {
                guard self.save(.extendActionDue(a.id, to: due, reason: form["reason"]), from: &form, done: "") else { return false }
            }
            self.say("\(a.id) corrected\(due != a.due ? ": due \(due.british)" : ""). u undoes.")
            return true
        }
    }

    /// `c`, `:note [A-0042] [TEXT]`: a progress note, the status unchanged.
    func note(_ argument: String) {
        guard app.requireWritable(), let (a, text) = action(argument) else { return }
        if !text.isEmpty {
            perform(.noteAction(a.id, note: text, on: today), done: "Note added to \(a.id).")
            return
        }
        let form = Form(title: "Progress note on \(a.id): \(a.description)", fields: [
            FormField("note", "Note", kind: .notes, required: true),
            FormField("date", "On", kind: .date, value: today.british, required: true),
        ])
        present(form) { [unowned self] form in
            guard let day = form.day("date", today: self.today) else { return false }
            return self.save(.noteAction(a.id, note: form["note"], on: day), from: &form, done: "Note added to \(a.id); it stays \(a.status.label).")
        }
    }

    // MARK: - Recorded in error

    /// `:error action|referral [ID] [REASON]`, `:error info|risk N [REASON]`, `:error aob N`,
    /// `:error attendance AGENCY`, `:error observer N`, `:error note [A-0042] N`: the line stays
    /// visible, marked, and is left out of the minutes.
    func markInError(_ argument: String) {
        guard app.requireWritable() else { return }
        var words = argument.split(separator: " ").map(String.init)
        let kind = words.first?.lowercased() ?? (app.current == .actions ? "action" : "referral")
        if kind == "attendance" || kind == "observer" {
            words.removeFirst()
            guard let m = meetingNamed(&words) else { return }
            if kind == "observer" {
                guard let n = words.first.flatMap(Int.init), n >= 1 else {
                    return say("Say which observer: :error observer 2 (they are numbered on the attendance step).", alert: true)
                }
                return askReason(.observer(m.id, index: n - 1), words.dropFirst().joined(separator: " "))
            }
            guard let (agency, rest) = attendingAgency(&words, at: m) else { return }
            return askReason(.attendance(m.id, agency.id), rest)
        }
        if kind == "note" {
            words.removeFirst()
            var actionWords: [String] = []
            // "A-0042" names the action; a bare number is the entry (ids parse from bare numbers too).
            if let first = words.first, first.uppercased().hasPrefix("A-"), ActionID(parsing: first) != nil { actionWords = [words.removeFirst()] }
            guard let (a, _) = action(actionWords.joined(separator: " ")) else { return }
            guard let n = words.first.flatMap(Int.init), n >= 1 else {
                return say("Say which entry of \(a.id)'s history: :error note 2 (they are numbered in the tracker's preview).", alert: true)
            }
            return askReason(.actionNote(a.id, index: n - 1), words.dropFirst().joined(separator: " "))
        }
        if ["info", "information", "risk", "crime", "aob"].contains(kind) {
            words.removeFirst()
            guard let n = words.first.flatMap(Int.init), n >= 1 else {
                return say("Say which line: :error \(kind) 2 (the lines are numbered where they are shown).", alert: true)
            }
            words.removeFirst()
            guard let reference = meetingLine(kind, number: n) else { return }
            return askReason(reference, words.joined(separator: " "))
        }
        if kind == "action" || ActionID(parsing: kind) != nil || (words.isEmpty && app.current == .actions) {
            guard let (a, rest) = action(argument) else { return }
            return askReason(.action(a.id), rest)
        }
        guard let (r, rest) = referral(argument) else { return }
        askReason(.referral(r.id), rest)
    }

    func askReason(_ reference: RecordReference, _ given: String) {
        if !given.trimmingSpaces().isEmpty {
            perform(.markRecordedInError(reference, reason: given), done: "Marked recorded in error; it stays visible, marked, and is left out of the minutes.")
            return
        }
        let form = Form(title: "Mark recorded in error: \(describe(reference))", fields: [
            FormField("reason", "Why", kind: .notes, required: true),
        ])
        present(form) { [unowned self] form in
            self.save(.markRecordedInError(reference, reason: form["reason"]), from: &form,
                      done: "Marked recorded in error; it stays visible, marked, and is left out of the minutes.")
        }
    }

    func describe(_ reference: RecordReference) -> String {
        switch reference {
        case .referral(let id): "\(id)"
        case .action(let id): "\(id)"
        case .risk(let m, let c, let i): "risk \(i + 1) on \(c) at \(m)"
        case .crime(let m, let c, let i): "crime disclosed \(i + 1) on \(c) at \(m)"
        case .information(let m, let c, let i): "information \(i + 1) on \(c) at \(m)"
        case .otherBusiness(let m, let i): "other business \(i + 1) at \(m)"
        case .attendance(let m, let a): "\(state.agency(a)?.name ?? "\(a)")'s attendance at \(m)"
        case .observer(let m, let i): "observer \(i + 1) at \(m)" + (state.meeting(m)?.observers.indices.contains(i) == true ? " (\(state.meeting(m)!.observers[i].name))" : "")
        case .actionNote(let a, let i): "entry \(i + 1) of \(a)'s history"
        }
    }

    // MARK: - Referrals and cases

    /// `:reopen [R-0042] [REASON]`: a returned or declined referral back in the queue.
    func reopen(_ argument: String) {
        guard app.requireWritable(), let (r, rest) = referral(argument) else { return }
        reasonThen("Reopen \(r.id) for triage", given: rest) { [unowned self] reason in
            self.app.perform(.reopenTriage(r.id, reason: reason), done: "\(r.id) is back in the queue awaiting triage.")
        }
    }

    /// `:withdraw [R-0042|C-0042] [REASON]`: an acceptance taken back; the referral returns to triage.
    func withdraw(_ argument: String) {
        guard app.requireWritable(), let (r, rest) = referral(argument) else { return }
        reasonThen("Withdraw the acceptance of \(r.id)", given: rest) { [unowned self] reason in
            self.app.perform(.withdrawAcceptance(r.id, reason: reason), done: "Acceptance of \(r.id) withdrawn; it is back in triage.")
        }
    }

    /// `:move case [C-0042] M-0005`.
    func moveCase(_ argument: String) {
        guard app.requireWritable(), let (c, rest) = caseRecord(argument) else { return }
        if let m = MeetingID(parsing: rest.trimmingSpaces()) {
            perform(.moveCase(c.id, to: m), done: "\(c.id) moved to \(m). u undoes.")
            return
        }
        let choices = app.openMeetingChoices.filter { !$0.hasPrefix(c.meeting.description + " ") }
        guard !choices.isEmpty else { return say("No other meeting is open for cases: schedule one (:schedule).", alert: true) }
        present(Form(title: "Move \(c.id) from \(c.meeting)", fields: [
            FormField("meeting", "To", kind: .choice(choices), value: choices[0], required: true),
        ])) { [unowned self] form in
            guard let m = App.meetingID(fromChoice: form["meeting"]) else { return false }
            return self.save(.moveCase(c.id, to: m), from: &form, done: "\(c.id) moved to \(m). u undoes.")
        }
    }

    /// `:transfer case [C-0042]`: the victim moved; the case goes to another MARAC.
    func transferCase(_ argument: String) {
        guard app.requireWritable(), let (c, _) = caseRecord(argument) else { return }
        present(Form(title: "Transfer \(c.id) to another MARAC", fields: [
            FormField("marac", "To which MARAC", required: true),
            FormField("on", "On", kind: .date, value: today.british, required: true),
        ])) { [unowned self] form in
            guard let day = form.day("on", today: self.today) else { return false }
            return self.save(.transferCaseOut(c.id, Transfer(marac: form["marac"], on: day)), from: &form,
                             done: "\(c.id) transferred to \(form["marac"]); send them its minutes and action plan.")
        }
    }

    // MARK: - Minutes

    /// `:sign off [M-0003]`: the minutes say who signed them off and when.
    func signOff(_ argument: String) {
        guard app.requireWritable(), let m = app.setup.meeting(named: argument) else { return }
        confirm("Sign off the minutes of \(m.id) (\(m.date.long))? Later corrections become dated addenda.") { [unowned self] in
            self.perform(.signOffMinutes(m.id), done: "Minutes of \(m.id) signed off by \(self.session.actor.name).")
        }
    }

    /// `:addendum [M-0003] [TEXT]`: a correction to signed-off minutes.
    func addendum(_ argument: String) {
        guard app.requireWritable() else { return }
        var words = argument.split(separator: " ").map(String.init)
        var named = ""
        if let first = words.first, MeetingID(parsing: first) != nil {
            named = first
            words.removeFirst()
        }
        guard let m = app.setup.meeting(named: named) else { return }
        reasonThen("Addendum to the minutes of \(m.id)", given: words.joined(separator: " "), label: "Correction") { [unowned self] text in
            self.app.perform(.addMinutesAddendum(m.id, text), done: "Addendum added to the minutes of \(m.id).")
        }
    }

    /// Runs `then` with the text given, or asks for it in a one-field form.
    func reasonThen(_ title: String, given: String, label: String = "Why", then: @escaping (String) -> Bool) {
        if !given.trimmingSpaces().isEmpty { _ = then(given); return }
        present(Form(title: title, fields: [FormField("reason", label, kind: .notes, required: true)])) { form in then(form["reason"]) }
    }
}
