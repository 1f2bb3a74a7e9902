import MARACCore

/// The chair's job in the action tracker, and the outstanding-actions step of a meeting:
/// recording what agencies report (done, not possible, not done, reopened), each with a note
/// kept in the action's history, and narrowing the list to hold one agency to account.
final class ActionFollowUp: Job {
    unowned let app: App

    init(app: App) { self.app = app }

    static let requests: Set<Request> = [.actionDone, .actionNotPossible, .actionNotDone, .actionReopen, .carryForward, .filterActions,
                                         .confirmReport, .rejectReport]

    var actions: ActionTrackerPane { app.actions }

    func handle(_ request: Request, argument: String) -> PaneResponse {
        switch request {
        case .actionDone: updateActions(to: .done, argument: argument)
        case .actionNotPossible: updateActions(to: .notPossible, argument: argument)
        case .actionNotDone: updateActions(to: .notDone, argument: argument)
        case .actionReopen: updateActions(to: .open, argument: argument)
        case .carryForward: carryForward(argument: argument)
        case .filterActions: filterActions(argument: argument)
        case .confirmReport: confirmReports(argument: argument)
        case .rejectReport: rejectReports(argument: argument)
        default: return .ignored
        }
        return .handled
    }

    /// The actions an update applies to: in a meeting's outstanding step the selected one; in
    /// the tracker the tagged ones, or the selected one.
    func actionTargets() -> [ActionID] {
        if app.current == .agenda, let outstanding = app.meeting.selectedOutstandingAction { return [outstanding] }
        if app.current == .actions { return actions.targets(app.context) }
        return []
    }

    func updateActions(to status: ActionStatus, argument: String) {
        var targets = actionTargets()
        if let given = ActionID(parsing: argument.split(separator: " ").first.map(String.init) ?? "") { targets = [given] }
        guard !targets.isEmpty else {
            return say("Select an action in the action tracker (4) first, or name it: :done A-0042.", alert: true)
        }
        let verb: String = switch status {
        case .done: "done"
        case .notPossible: "not possible: circumstances changed"
        case .notDone: "not done by the agency"
        case .open: "reopened"
        }
        let suggested: String = switch status {
        case .done: app.current == .agenda ? "Reported done at the meeting." : ""
        default: ""
        }
        let what = targets.count == 1 ? "\(targets[0])" : "\(targets.count) tagged actions"
        let form = Form(title: "Mark \(what) \(verb)", fields: [
            FormField("note", "Note", kind: .notes, value: suggested, required: status != .done,
                      hint: status == .done ? "" : "why, for the minutes"),
            FormField("date", "Reported on", kind: .date, value: today.british, required: true),
        ])
        present(form) { [unowned self] form in
            guard let day = form.day("date", today: self.session.today) else { return false }
            var saved = 0
            for id in targets {
                guard self.save(.updateActionStatus(id, status, note: form["note"], on: day), from: &form, done: "") else {
                    if saved > 0 { self.say("\(saved) of \(targets.count) saved; \(id) was refused.", alert: true) }
                    return false
                }
                saved += 1
            }
            self.actions.clearTags()
            self.say("\(what) marked \(verb). u undoes.")
            return true
        }
    }

    /// `f` at a meeting's outstanding actions, `C` in the tracker, `:carry [A-0042] [M-0005]`:
    /// the agency has not finished but the action still stands, so it is carried to the next
    /// meeting. Its due date moves to that meeting (or the date given), with the reason kept in
    /// its history; one already due later keeps its date and gets the note.
    func carryForward(argument: String) {
        guard app.requireWritable() else { return }
        let words = argument.split(separator: " ").map(String.init)
        var targets = actionTargets()
        if let given = words.compactMap(ActionID.init(parsing:)).first { targets = [given] }
        guard !targets.isEmpty else {
            return say("Select an action in the action tracker (4) or the meeting's outstanding actions, or name it: :carry A-0042.", alert: true)
        }
        let state = session.state
        if let closed = targets.compactMap(state.action).first(where: { $0.status != .open || $0.inError != nil }) {
            return say("\(closed.id) is \(closed.inError != nil ? "recorded in error" : closed.status.label): only an open action is carried forward (o reopens it).", alert: true)
        }
        let later = state.meetings.filter { $0.status == .scheduled && $0.date > today }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        guard !later.isEmpty else {
            return say("No later meeting is scheduled to carry it to: schedule one first (S in the agenda, or :schedule).", alert: true)
        }
        let choices = later.map { "\($0.id) \($0.date.long)" }
        let chosen = words.compactMap(MeetingID.init(parsing:)).first.flatMap { id in choices.first { $0.hasPrefix(id.description + " ") } } ?? choices[0]
        let from = state.meetingInProgress.map { " at \($0.id)" } ?? ""
        let what = targets.count == 1 ? "\(targets[0])" : "\(targets.count) tagged actions"
        let form = Form(title: "Carry \(what) forward", fields: [
            FormField("meeting", "To the meeting", kind: .choice(choices), value: chosen, required: true),
            FormField("due", "Due by", kind: .date, hint: "empty: the meeting's date"),
            FormField("reason", "Why", kind: .notes, value: "Not yet complete; carried forward\(from).", required: true),
        ])
        present(form) { [unowned self] form in
            guard let meeting = App.meetingID(fromChoice: form["meeting"]).flatMap(self.session.state.meeting) else { return false }
            let due = form.day("due", today: self.today) ?? meeting.date
            let reason = form["reason"] + " To \(meeting.id) on \(meeting.date.british)."
            var saved = 0, kept = 0
            for id in targets {
                guard let a = self.session.state.action(id) else { continue }
                if due <= a.due { kept += 1 }
                let command: Command = due > a.due ? .extendActionDue(id, to: due, reason: reason) : .noteAction(id, note: reason, on: self.today)
                guard self.save(command, from: &form, done: "") else {
                    if saved > 0 { self.say("\(saved) of \(targets.count) carried; \(id) was refused.", alert: true) }
                    return false
                }
                saved += 1
            }
            self.actions.clearTags()
            let dates = kept == 0 ? "due \(due.british)" : kept == targets.count ? "already due later, so the date is kept" : "due \(due.british) (\(kept) already due later kept their dates)"
            self.say("\(what) carried forward to \(meeting.id) (\(meeting.date.british)), \(dates). u undoes.")
            return true
        }
    }

    /// `:filter agency police status open meeting M-0003 case C-0042 due 31/12/2026`, or
    /// `:filter clear`; with nothing after it, a form.
    func filterActions(argument: String) {
        show(.actions)
        let state = session.state
        let words = argument.split(separator: " ").map(String.init)
        if words.first?.lowercased() == "clear" {
            actions.narrow(ActionFilter())
            return say("Filters cleared.")
        }
        if !words.isEmpty {
            var f = ActionFilter()
            var i = 0
            while i < words.count {
                let key = words[i].lowercased()
                var value: [String] = []
                i += 1
                while i < words.count, !["agency", "status", "meeting", "case", "due"].contains(words[i].lowercased()) {
                    value.append(words[i])
                    i += 1
                }
                let v = value.joined(separator: " ")
                switch key {
                case "agency":
                    let found = state.agencies(matching: v)
                    guard found.count == 1 else {
                        return say(found.isEmpty ? "No agency matches \"\(v)\"." : "\"\(v)\" could be \(found.map(\.name).joined(separator: ", ")).", alert: true)
                    }
                    f.agency = found[0].id
                case "status":
                    guard let s = ActionStatus(rawValue: v.lowercased().replacingSpaces(with: "-")) else {
                        return say("Status is open, done, not-possible or not-done.", alert: true)
                    }
                    f.status = s
                case "meeting":
                    guard let m = MeetingID(parsing: v) else { return say("\"\(v)\" is not a meeting (M-0003).", alert: true) }
                    f.meeting = m
                case "case":
                    guard let c = CaseID(parsing: v) else { return say("\"\(v)\" is not a case (C-0042).", alert: true) }
                    f.caseID = c
                case "due":
                    guard let d = DayParsing.parse(v, today: today) else { return say("\"\(v)\" is not a date.", alert: true) }
                    f.dueOnOrBefore = d
                default:
                    return say("Filter by agency, status, meeting, case or due; :filter clear removes them.", alert: true)
                }
            }
            actions.narrow(f)
            actions.refresh(app.context)
            return say("Filtered: \(actions.rows.count) action\(actions.rows.count == 1 ? "" : "s").")
        }
        let current = actions.narrowing
        let form = Form(title: "Filter actions", fields: [
            FormField("agency", "Agency", kind: .choice([""] + agencyNames), value: current.agency.flatMap { state.agency($0)?.name } ?? ""),
            FormField("status", "Status", kind: .choice(["", "open", "done", "not-possible", "not-done"]), value: current.status?.rawValue ?? ""),
            FormField("meeting", "Agreed at meeting", value: current.meeting?.description ?? "", hint: "M-0003"),
            FormField("case", "Case", value: current.caseID?.description ?? "", hint: "C-0042"),
            FormField("due", "Due on or before", kind: .date, value: current.dueOnOrBefore?.british ?? ""),
        ])
        present(form) { [unowned self] form in
            var f = ActionFilter()
            f.agency = form["agency"].isEmpty ? nil : self.agencyID(named: form["agency"])
            f.status = ActionStatus(rawValue: form["status"])
            if !form["meeting"].isEmpty {
                guard let m = MeetingID(parsing: form["meeting"]) else { form.show(error: "a meeting is written M-0003", field: "meeting"); return false }
                f.meeting = m
            }
            if !form["case"].isEmpty {
                guard let c = CaseID(parsing: form["case"]) else { form.show(error: "a case is written C-0042", field: "case"); return false }
                f.caseID = c
            }
            f.dueOnOrBefore = form.day("due", today: self.session.today)
            self.actions.narrow(f)
            self.say(f.isEmpty ? "Filters cleared." : "Filtered: \(self.actions.narrowingDescription.isEmpty ? "by agency" : self.actions.narrowingDescription).")
            return true
        }
    }
}

extension String {
    func replacingSpaces(with s: String) -> String { split(separator: " ").joined(separator: s) }
}
