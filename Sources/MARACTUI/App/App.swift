import MARACCore

/// A command the `:` line knows: its name, what it does, and how to run it with what follows
/// the name.
public struct PaletteCommand {
    public var name: String
    public var help: String
    public var run: (App, String) -> Void

    public init(_ name: String, _ help: String, run: @escaping (App, String) -> Void) {
        self.name = name
        self.help = help
        self.run = run
    }
}

/// A form on screen and what to do with it when it is saved: return true to close it, or put
/// errors on the form and return false to keep it open.
public final class FormSession {
    public var form: Form
    let submit: (inout Form) -> Bool
    /// Answers given on a risk checklist opened from this form, kept if the user goes back.
    var checklistAnswers: [RiskAnswerValue?]?

    public init(_ form: Form, submit: @escaping (inout Form) -> Bool) {
        self.form = form
        self.submit = submit
    }
}

/// The screen as a whole: a bar of panes at the top, the current pane, and a status bar at the
/// bottom, with whatever is over them (help, a form, the command line, a search, a question).
/// Keys become requests through the keymap; the current pane handles its own, the app the rest.
/// Rendering is a function of the app and the state, so tests can check any frame.
public final class App {
    public let session: Session
    public let keymap: Keymap
    public private(set) var current: PaneKind = .referrals
    private var previous: PaneKind?
    public let referrals = ReferralQueuePane()
    public let caseView = CaseViewPane()
    public let agenda = AgendaPane()
    public let actions = ActionTrackerPane()
    public private(set) var message: String?
    var messageIsAlert = false
    /// Bumped whenever the state may have changed, so panes recompute their rows.
    public private(set) var revision = 0
    /// Presentation mode: a screen shared in the meeting room shows no addresses, phone numbers
    /// or dates of birth until revealed.
    public private(set) var presentation = false
    /// The screen is locked after a while without a key: cleared, until the passphrase is typed.
    public internal(set) var locked = false
    var lockInput: [Character] = []
    var lockMessage: String?
    var helpScroll = 0
    /// The palette's history lives as long as the app.
    private var paletteHistory: [String] = []
    private var lastSearch: String?
    public private(set) var commands: [PaletteCommand] = []
    public static let minimumSize = TerminalSize(rows: 24, columns: 80)

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
    }

    public var overlay: Overlay?

    /// `showAttention`: open on the screen of what needs attention (the program does; most
    /// tests start on the panes).
    public init(session: Session, keymap: Keymap = .standard, showAttention: Bool = false) {
        self.session = session
        self.keymap = keymap
        if let first = session.connection.notices.first { say(first, alert: true) }
        registerCommands()
        registerJobCommands()
        resumeMeetingIfInProgress()
        if showAttention { overlay = .attention }
    }

    var panes: [Pane] { [referrals, caseView, agenda, actions] }

    func pane(_ kind: PaneKind) -> Pane { panes[kind.rawValue - 1] }

    public var context: PaneContext { PaneContext(session: session, revision: revision, presentation: presentation) }

    public var showingHelp: Bool { if case .help? = overlay { true } else { false } }

    public func say(_ text: String, alert: Bool = false) {
        message = text
        messageIsAlert = alert
    }

    /// Something changed the state (a change saved, or another writer's change arrived).
    public func stateChanged() {
        revision += 1
        resumeMeetingIfInProgress()
    }

    public func show(_ kind: PaneKind) {
        if kind != current { previous = current }
        current = kind
    }

    // MARK: - Commands

    /// Adds a command to the `:` line (panes and jobs add theirs).
    public func register(_ command: PaletteCommand) {
        commands.removeAll { $0.name == command.name }
        commands.append(command)
    }

    private func registerCommands() {
        for request in Request.allCases {
            guard let name = request.paletteName else { continue }
            register(PaletteCommand(name, request.help) { app, _ in app.dispatch(request) })
        }
    }

    /// Runs a line typed at `:`: the longest command name it starts with, and the rest as its
    /// arguments.
    public func run(_ line: String) {
        let text = line.trimmingSpaces()
        let lower = text.lowercased()
        let found = commands.filter { lower == $0.name || lower.hasPrefix($0.name + " ") }.max { $0.name.count < $1.name.count }
        guard let command = found else {
            let near = commands.filter { $0.name.hasPrefix(lower.split(separator: " ").first.map(String.init) ?? lower) }.map(\.name)
            say("No command \"\(text)\"" + (near.isEmpty ? "; press : then Tab for the list." : "; did you mean \(near.prefix(3).joined(separator: ", "))?"),
                alert: true)
            return
        }
        command.run(self, String(text.dropFirst(command.name.count)).trimmingSpaces())
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
        overlay = .form(FormSession(form, submit: submit))
    }

    // MARK: - Events

    /// The screen's size at the last event, for paging in overlays.
    var lastSize = TerminalSize(rows: 24, columns: 80)

    /// Handles one event; false when the user asked to quit.
    public func handle(_ event: TerminalEvent, size: TerminalSize) -> Bool {
        lastSize = size
        if locked {
            switch event {
            case .hangup: return false
            case .key(let key): handleLocked(key)
            default: break
            }
            return true
        }
        switch event {
        case .hangup:
            return false
        case .resize:
            return true
        case .click(let row, _):
            guard overlay == nil, !isTooSmall(size), row > 0 else { return true }
            respond(pane(current).click(row: row, context: context))
            return true
        case .scroll(let down):
            if case .help? = overlay { helpScroll = max(0, helpScroll + (down ? 3 : -3)) } else if overlay == nil { pane(current).scroll(down: down) }
            return true
        case .key(let key):
            if isTooSmall(size) { return key != .character("q") }
            if overlay != nil { return handleOverlay(key) }
            return handle(key)
        }
    }

    private func handleOverlay(_ key: Key) -> Bool {
        switch overlay {
        case .help?:
            switch keymap.request(for: key, in: [.list, .global]) {
            case .help?, .cancel?: overlay = nil
            case .quit?: return false
            case .moveDown?: helpScroll += 1
            case .moveUp?: helpScroll = max(0, helpScroll - 1)
            case .pageDown?: helpScroll += 10
            case .pageUp?: helpScroll = max(0, helpScroll - 10)
            default: break
            }
        case .palette(var p)?:
            switch p.handle(key) {
            case .editing: overlay = .palette(p)
            case .cancelled: overlay = nil
            case .run(let line):
                p.remember(line)
                paletteHistory = p.history
                overlay = nil
                run(line)
            }
        case .search(var s)?:
            switch key {
            case .escape:
                (pane(current) as? SearchablePane)?.select(index: s.origin)
                overlay = nil
            case .enter:
                lastSearch = s.input.text
                overlay = nil
                if !s.found { say("\"\(s.input.text)\" is not in this list.") }
            default:
                if s.input.handle(key), let p = pane(current) as? SearchablePane {
                    s.found = s.input.isEmpty || p.search(s.input.text, from: s.origin, forward: true, context: context)
                }
                overlay = .search(s)
            }
        case .confirm(_, let action)?:
            overlay = nil
            if key == .character("y") || key == .character("Y") || key == .enter {
                action()
            } else {
                say("Nothing was changed.")
            }
        case .form(let session)?:
            switch session.form.handle(key) {
            case .editing: break
            case .cancelled:
                overlay = nil
                say("Cancelled; nothing was saved.")
            case .submit:
                guard session.form.validate(today: self.session.today) else { break }
                // Submitted from a copy: the submit may keep the form session (to come back to
                // it from the checklist) and must not find it in the middle of an access.
                var form = session.form
                let close = session.submit(&form)
                session.form = form
                // The submit may have put something else over the screen (the checklist).
                if close, case .form(let still)? = overlay, still === session { overlay = nil }
            }
        case .checklist(let c)?:
            switch c.checklist.handle(key) {
            case .editing: break
            case .back:
                overlay = .form(c.returnTo)
                say("Back to the referral; the answers are kept until you leave the form.")
                c.returnTo.checklistAnswers = c.checklist.answers
            case .save:
                if c.save(c.checklist), case .checklist(let still)? = overlay, still === c { overlay = nil }
            }
        case .attention?:
            overlay = nil
            if key == .enter || key == .escape {
                show(AttentionView(state: session.state, today: session.today, actor: session.actor).startingPane)
                return true
            }
            return handle(key)
        case .document(var d)?:
            overlay = d.handle(key, height: lastSize.rows - 2) ? .document(d) : nil
        case .quarterly(var q)?:
            overlay = q.handle(key) ? .quarterly(q) : nil
        case nil:
            break
        }
        return true
    }

    func handle(_ key: Key) -> Bool {
        let p = pane(current)
        guard let request = keymap.request(for: key, in: p.keyContexts) else {
            say("\(key) does nothing here; press ? for the keys or : for commands.")
            return true
        }
        if request == .quit { return false }
        let response = p.handle(request, context: context)
        if response != .ignored {
            message = nil
            respond(response)
            return true
        }
        dispatch(request)
        return true
    }

    func respond(_ response: PaneResponse) {
        switch response {
        case .handled, .ignored: break
        case .message(let text): say(text)
        case .open(let subject): open(subject)
        case .reviewOutstanding(let meeting):
            actions.showOutstanding(at: meeting)
            show(.actions)
        }
    }

    func open(_ subject: CaseSubject) {
        let before = caseView.subject
        caseView.show(subject)
        show(.caseView)
        guard before != subject else { return }
        // Opening a case is recorded in the audit trail (a read-only screen cannot write it).
        var caseID: CaseID?
        switch subject {
        case .case(let c): caseID = c
        case .referral(let r):
            if case .accepted(let c)? = session.state.referral(r)?.status { caseID = c }
        }
        if let caseID, session.isWritable, (try? session.perform(.recordCaseViewed(caseID), undoable: false)) != nil {
            revision += 1
        }
    }

    /// The requests the app itself handles, from a key or the command line.
    public func dispatch(_ request: Request) {
        switch request {
        case .quit:
            quitRequested = true
        case .help:
            overlay = .help
            helpScroll = 0
        case .showReferrals: show(.referrals)
        case .showCase: show(.caseView)
        case .showAgenda: show(.agenda)
        case .showActions: show(.actions)
        case .nextPane: show(PaneKind(rawValue: current.rawValue % 4 + 1)!)
        case .previousPane: show(PaneKind(rawValue: (current.rawValue + 2) % 4 + 1)!)
        case .back: show(previous ?? .referrals)
        case .cancel:
            message = nil
            if let p = pane(current) as? SearchablePane, p.taggedCount > 0 {
                p.clearTags()
                say("Tags cleared.")
            }
        case .presentationMode:
            presentation.toggle()
            say(presentation ? "Presentation mode: addresses, phone numbers and dates of birth are hidden (r on a case shows them)."
                : "Presentation mode off.")
        case .palette:
            overlay = .palette(Palette(names: commands.map(\.name), history: paletteHistory))
        case .search:
            guard let p = pane(current) as? SearchablePane else {
                say("There is nothing to search in the \(current.title.lowercased()).")
                return
            }
            overlay = .search(SearchLine(origin: max(0, p.selectionIndex)))
        case .searchNext, .searchPrevious:
            guard let query = lastSearch, let p = pane(current) as? SearchablePane else {
                say("Search first with /.")
                return
            }
            let forward = request == .searchNext
            if !p.search(query, from: p.selectionIndex + (forward ? 1 : -1), forward: forward, context: context) {
                say("\"\(query)\" is not in this list.")
            }
        case .undo:
            do {
                let what = try session.undo()
                revision += 1
                say("Undone: \(what).")
            } catch {
                say(error.description, alert: true)
            }
        case .attention:
            overlay = .attention
        case .quarterlyReturn:
            overlay = .quarterly(QuarterlyView(last: Quarter(containing: session.today)))
        default:
            let response = pane(current).handle(request, context: context)
            if response == .ignored, handleJob(request) { return }
            if response == .ignored {
                say("\(request.help.prefix(1).uppercased() + request.help.dropFirst()) is not available in the \(current.title.lowercased()).")
            } else {
                respond(response)
            }
        }
    }

    /// Set by `:quit`; the run loop ends when it sees it.
    public internal(set) var quitRequested = false
}
