import MARACCore

/// Saving what a form holds, and the choices forms share.
extension App {
    /// Saves a command made from a form: true when saved; otherwise the reason is put beside
    /// the field it concerns (the form's field keys are the core's field names) and the form
    /// stays open with everything typed.
    func save(_ command: Command, from form: inout Form, done: String) -> Bool {
        do {
            try session.perform(command)
            stateChanged()
            if !done.isEmpty { say(done) }
            return true
        } catch {
            if case .refused(let e) = error {
                form.show(error: e.message, field: e.field)
            } else {
                form.show(error: error.description, field: nil)
            }
            return false
        }
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
