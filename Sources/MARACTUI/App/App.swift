import MARACCore

/// The screen as a whole: a bar of panes at the top, the current pane (or the job screen it
/// hosts), and a status bar at the bottom, with whatever is over them (help, a form, the
/// command line, a search, a question). A key takes one route (App+Route.swift); a frame is
/// laid out (App+Layout.swift), then drawn from the state without changing it
/// (App+Drawing.swift), so tests can check any frame.
public final class App {
    public let session: Session
    public let keymap: Keymap
    public internal(set) var current: PaneKind = .referrals
    var previous: PaneKind?
    public let referrals = ReferralQueuePane()
    public let caseView = CaseViewPane()
    public let agenda = AgendaPane()
    public let actions = ActionTrackerPane()
    /// The jobs, each hosted by a pane: triage in the referral queue, the meeting in the
    /// agenda, following up actions in the action tracker.
    lazy var triage = TriageJob(app: self)
    lazy var meeting = MeetingJob(app: self)
    lazy var followUp = ActionFollowUp(app: self)
    /// The area's settings, its agencies and meetings from its pattern.
    lazy var setup = SetupJob(app: self)
    /// Corrections to any record.
    lazy var corrections = CorrectionsJob(app: self)
    public internal(set) var message: String?
    var messageIsAlert = false
    /// Every message of the session, for `:messages` (kept in memory only: they name people).
    public internal(set) var messageLog: [(text: String, alert: Bool)] = []
    /// The glyphs of the last layout: the status bar measures with them.
    var lastGlyphs = Glyphs.unicode
    /// Bumped whenever the state may have changed, so panes recompute their rows.
    public internal(set) var revision = 0
    /// Presentation mode: a screen shared in the meeting room shows no addresses, phone numbers
    /// or dates of birth until revealed.
    public internal(set) var presentation = false
    /// The screen is locked after a while without a key: cleared, until the passphrase is typed.
    public internal(set) var locked = false
    var lockInput: [Character] = []
    var lockMessage: String?
    var helpScroll = 0
    /// The palette's history lives as long as the app.
    var paletteHistory: [String] = []
    var lastSearch: String?
    public internal(set) var commands: [PaletteCommand] = []
    public static let minimumSize = TerminalSize(rows: 24, columns: 80)
    /// The screen's size at the last event, for paging in overlays.
    var lastSize = TerminalSize(rows: 24, columns: 80)
    /// Set by `q` or `:quit`; the run loop ends when it sees it.
    public internal(set) var quitRequested = false

    /// What is drawn over the panes and takes the keys first.
    public enum Overlay {
        case help
        case palette(Palette)
        case search(SearchLine)
        case confirm(Confirmation, () -> Void)
        case form(FormSession)
        case checklist(ChecklistSession)
        /// What needs attention: the first screen.
        case attention
        case document(DocumentView)
        case quarterly(QuarterlyView)
        case trends(TrendsView)
        case find(FindView)
    }

    public var overlay: Overlay?

    /// `showAttention`: open on the screen of what needs attention (the program does; most
    /// tests start on the panes).
    public init(session: Session, keymap: Keymap = .standard, showAttention: Bool = false) {
        self.session = session
        laidOutJournal = session.state.journal.count
        self.keymap = keymap
        if let first = session.connection.notices.first { say(first, alert: true) }
        registerCommands()
        meeting.resumeMeetingIfInProgress()
        if showAttention { overlay = .attention }
        peopleIndex.prepare(session.state, revision: peopleRevision)
    }

    var panes: [Pane] { [referrals, caseView, agenda, actions] }

    func pane(_ kind: PaneKind) -> Pane { panes[kind.rawValue - 1] }

    var jobs: [Job] { [triage, meeting, followUp, setup, corrections] }

    /// The people of the state as the find screen searches them, built on another thread and
    /// kept until a change that may change a person (``peopleRevision``): built on the key it
    /// took a third of a second at 30,000 cases, and opening a case (which records the viewing)
    /// used to throw it away (issue 22).
    let peopleIndex = PeopleIndexBuilder()
    /// Counts the changes taken in that may change whom the find screen finds.
    var peopleRevision = 0

    /// Opens the find screen on `text`.
    func openFind(_ text: String) {
        var view = FindView(index: peopleIndex.index(session.state, revision: peopleRevision), text: text)
        view.search(session.state, today: session.today)
        overlay = .find(view)
    }

    public var context: PaneContext { PaneContext(session: session, revision: revision, presentation: presentation) }

    public var showingHelp: Bool { if case .help? = overlay { true } else { false } }

    public func say(_ text: String, alert: Bool = false) {
        message = text
        messageIsAlert = alert
        if messageLog.last?.text != text { messageLog.append((text, alert)) }
        if messageLog.count > Self.messageLogLength { messageLog.removeFirst(messageLog.count - Self.messageLogLength) }
    }

    /// Something changed the state (a change saved, or another writer's change arrived).
    public func stateChanged() {
        revision += 1
        let journal = session.state.journal
        if journal.count < laidOutJournal || (laidOutJournal..<journal.count).contains(where: { journal[$0].command?.mayChangePeople ?? true }) {
            peopleRevision += 1
            peopleIndex.prepare(session.state, revision: peopleRevision)
        }
        laidOutJournal = journal.count
        meeting.resumeMeetingIfInProgress()
    }

    /// The journal's length when the state was last taken in: a save refused after it folded in
    /// others' changes (issue 23) leaves the state ahead of the screen, which the next tick sees.
    var laidOutJournal = 0

    /// True when the state holds changes the screen has not laid out.
    var stateIsAhead: Bool { session.state.journal.count != laidOutJournal }

    public func show(_ kind: PaneKind) {
        if kind != current { previous = current }
        current = kind
    }

    /// Saves a command through the session and says what happened; true when it was saved.
    @discardableResult
    public func perform(_ command: Command, done: @autoclosure () -> String? = nil) -> Bool {
        do {
            try session.perform(command)
            stateChanged()
            if let message = done() { say(message) }
            return true
        } catch {
            say(error.description, alert: true)
            return false
        }
    }

    /// Asks before a destructive step.
    public func confirm(_ question: String, then action: @escaping () -> Void) {
        overlay = .confirm(Confirmation(question), action)
    }

    /// Opens a form over the pane.
    public func present(_ form: Form, submit: @escaping (inout Form) -> Bool) {
        let opened = FormSession(form, submit: submit)
        opened.openedAtJournal = session.state.journal.count
        overlay = .form(opened)
    }
}
