import MARACCore

/// Something the screen does for a user: triage, the live meeting, following up actions. Each
/// is one type owning its state and its requests, hosted by the pane it is done in (the
/// referral queue, the agenda, the action tracker). A key reaches a job once: the pane hosting
/// it passes on what it does not take itself, and the app sends a job the requests that no
/// pane took (`:done A-0042` typed anywhere). See Docs/architecture.md, "The route of a key".
///
/// A job asks the app for what is shared (a form or a question over the pane, the message
/// line, another pane) and saves through the session; it never touches a file.
protocol Job: AnyObject {
    /// The app the job is done in.
    var app: App { get }
    /// The requests this job answers.
    static var requests: Set<Request> { get }
    /// Handles one of its requests, with what followed its name on the command line; returns
    /// `.ignored` for a request that is not its own.
    func handle(_ request: Request, argument: String) -> PaneResponse
}

/// What every job asks of the app, by the same names the app uses.
extension Job {
    var session: Session { app.session }
    var state: MARACState { app.session.state }
    var today: Day { app.session.today }

    func say(_ text: String, alert: Bool = false) { app.say(text, alert: alert) }

    @discardableResult
    func perform(_ command: Command, done: @autoclosure () -> String? = nil) -> Bool { app.perform(command, done: done()) }

    func save(_ command: Command, from form: inout Form, done: String) -> Bool { app.save(command, from: &form, done: done) }

    func present(_ form: Form, submit: @escaping (inout Form) -> Bool) { app.present(form, submit: submit) }

    func confirm(_ question: String, then action: @escaping () -> Void) { app.confirm(question, then: action) }

    func show(_ kind: PaneKind) { app.show(kind) }

    /// Agencies by name, for choice fields.
    var agencyNames: [String] { state.activeAgencies.map(\.name).sorted() }

    func agencyID(named name: String) -> AgencyID? { state.agency(named: name)?.id }
}
