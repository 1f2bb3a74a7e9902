import MARACCore

/// Saving what a form holds, and the choices forms share.
extension App {
    /// Why this screen cannot save, for the message a form gives before it opens.
    var readOnlyReason: String {
        if case .readOnly(let reason) = session.connection.writeStatus { return reason }
        return "it was opened for reading only"
    }

    /// True when changes can be saved; otherwise says so (before any form opens) and is false.
    func requireWritable() -> Bool {
        guard !session.isWritable else { return true }
        say("This screen is read-only (\(readOnlyReason)): nothing can be changed from it.", alert: true)
        return false
    }

    /// Saves a command made from a form: true when saved; otherwise the reason is put beside
    /// the field it concerns (the form's field keys are the core's field names) and the form
    /// stays open with everything typed.
    func save(_ command: Command, from form: inout Form, done: String) -> Bool {
        if let changed = changedByOthersSinceOpened(command) {
            form.show(error: changed, field: nil)
            return false
        }
        do {
            try session.perform(command)
            stateChanged()
            if !done.isEmpty { say(done) }
            return true
        } catch {
            if case .refused(let e) = error {
                form.show(error: explained(e, told: ""), field: e.field)
            } else if case .refusedMeanwhile(let e, let told) = error {
                form.show(error: explained(e, told: told), field: e.field)
            } else {
                form.show(error: error.description, field: nil)
            }
            return false
        }
    }

    /// When the command rewrites a record someone else changed while this form was open, what
    /// they did and how to go on, once: Ctrl-S again saves this form's version over theirs,
    /// Esc drops it (issue 23).
    func changedByOthersSinceOpened(_ command: Command) -> String? {
        guard let record = command.rewrites, case .form(let s)? = overlay, let opened = s.openedAtJournal, !s.savingOverOthers else {
            return nil
        }
        let journal = session.state.journal
        let theirs = (min(opened, journal.count)..<journal.count).map { journal[$0] }
            .filter { $0.stamp.actor != session.actor.name && $0.record == record }
        guard !theirs.isEmpty else { return nil }
        s.savingOverOthers = true
        return "\(record) was changed while this form was open. " + RefusedMeanwhile.telling(theirs, since: "Since it was opened")
            + " Ctrl-S saves what this form says over it; Esc drops this form's change."
    }

    /// A refusal with what others saved while the form was open, the changes about the record
    /// the refusal names first: why what was right when the form opened is refused now.
    func explained(_ refusal: DomainError, told fromTheStore: String) -> String {
        var opened: Int?
        if case .form(let s)? = overlay { opened = s.openedAtJournal }
        let journal = session.state.journal
        let others = (min(opened ?? journal.count, journal.count)..<journal.count).map { journal[$0] }
            .filter { $0.stamp.actor != session.actor.name }
        guard !others.isEmpty else { return fromTheStore.isEmpty ? refusal.message : "\(refusal.message) \(fromTheStore)" }
        let named = others.filter { e in e.record.map { refusal.message.contains($0.description) } ?? false }
        let rest = others.filter { e in !(e.record.map { refusal.message.contains($0.description) } ?? false) }
        return "\(refusal.message) \(RefusedMeanwhile.telling(rest + named, since: "Since this form was opened"))"
    }

    /// Meetings that can still take cases, soonest first, as "M-0004 Thu 10 Dec 2026".
    var openMeetingChoices: [String] {
        session.state.meetings.filter { $0.status == .scheduled && $0.caseListFrozenAt == nil && $0.date >= session.today }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            .map { "\($0.id) \($0.date.long)" }
    }

    static func meetingID(fromChoice text: String) -> MeetingID? {
        MeetingID(parsing: String(text.split(separator: " ").first ?? ""))
    }
}
