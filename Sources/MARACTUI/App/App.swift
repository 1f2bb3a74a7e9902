import MARACCore

/// The screen as a whole: a bar of panes at the top, the current pane, and a status bar at the
/// bottom. Keys become requests through the keymap; the current pane handles its own, the app
/// the rest. Rendering is a function of the app and the state, so tests can check any frame.
public final class App {
    public let session: Session
    public let keymap: Keymap
    public private(set) var current: PaneKind = .referrals
    private var previous: PaneKind?
    public let referrals = ReferralQueuePane()
    public let caseView = CaseViewPane()
    public let agenda = AgendaPane()
    public let actions = ActionTrackerPane()
    public private(set) var showingHelp = false
    private var helpScroll = 0
    public private(set) var message: String?
    private var messageIsAlert = false
    /// Bumped whenever the state may have changed, so panes recompute their rows.
    public private(set) var revision = 0
    /// Presentation mode: a screen shared in the meeting room shows no addresses, phone numbers
    /// or dates of birth until revealed.
    public private(set) var presentation = false
    /// The screen is locked after a while without a key: cleared, until the passphrase is typed.
    public private(set) var locked = false
    private var lockInput: [Character] = []
    private var lockMessage: String?
    private var region = Region(row: 1, column: 0, height: 0, width: 0)
    public static let minimumSize = TerminalSize(rows: 24, columns: 80)

    public init(session: Session, keymap: Keymap = .standard) {
        self.session = session
        self.keymap = keymap
        if let first = session.connection.notices.first { say(first, alert: true) }
    }

    var panes: [Pane] { [referrals, caseView, agenda, actions] }

    func pane(_ kind: PaneKind) -> Pane { panes[kind.rawValue - 1] }

    var context: PaneContext { PaneContext(session: session, revision: revision, presentation: presentation) }

    public func say(_ text: String, alert: Bool = false) {
        message = text
        messageIsAlert = alert
    }

    /// Something outside changed the state (another writer's change arrived).
    public func stateChanged() { revision += 1 }

    public func show(_ kind: PaneKind) {
        if kind != current { previous = current }
        current = kind
    }

    // MARK: - Locking

    /// Clears the screen and asks for the passphrase before anything is shown again.
    public func lock() {
        guard !locked else { return }
        locked = true
        lockInput = []
        lockMessage = nil
        showingHelp = false
    }

    func handleLocked(_ key: Key) {
        switch key {
        case .enter:
            let typed = Array(String(lockInput).utf8)
            lockInput = []
            if session.connection.checkPassphrase(typed) {
                locked = false
                lockMessage = nil
                say("Unlocked.")
            } else {
                lockMessage = "Wrong passphrase; try again."
            }
        case .backspace:
            if !lockInput.isEmpty { lockInput.removeLast() }
        case .escape, .control("u"):
            lockInput = []
        case .character(let c):
            lockInput.append(c)
        default:
            break
        }
    }

    func renderLocked(_ canvas: inout Canvas) {
        let top = max(0, canvas.rows / 2 - 3)
        let lines: [(String, StyleRole)] = [
            ("marac is locked", .title),
            ("", .normal),
            ("The screen locked itself after a time without use. Everything is saved.", .normal),
            ("Passphrase for \(session.actor.name): " + String(repeating: "•", count: lockInput.count), .input),
            ("", .normal),
            (lockMessage ?? "Type your passphrase and press Enter.", lockMessage == nil ? .dim : .warning),
        ]
        for (i, line) in lines.enumerated() {
            let text = line.0.truncated(toWidth: canvas.columns - 4, ellipsis: canvas.glyphs.ellipsis)
            canvas.put(text, row: top + i, column: 2, role: line.1)
        }
    }

    // MARK: - Events

    /// Handles one event; false when the user asked to quit.
    public func handle(_ event: TerminalEvent, size: TerminalSize) -> Bool {
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
            guard !showingHelp, !isTooSmall(size) else { return true }
            if row == 0 { return true }
            respond(pane(current).click(row: row, context: context))
            return true
        case .scroll(let down):
            if showingHelp { helpScroll = max(0, helpScroll + (down ? 3 : -3)) } else { pane(current).scroll(down: down) }
            return true
        case .key(let key):
            if isTooSmall(size) { return key != .character("q") }
            return handle(key)
        }
    }

    func handle(_ key: Key) -> Bool {
        if showingHelp {
            switch keymap.request(for: key, in: [.list, .global]) {
            case .help?, .cancel?: showingHelp = false
            case .quit?: return false
            case .moveDown?: helpScroll += 1
            case .moveUp?: helpScroll = max(0, helpScroll - 1)
            case .pageDown?: helpScroll += 10
            case .pageUp?: helpScroll = max(0, helpScroll - 10)
            default: break
            }
            return true
        }
        let p = pane(current)
        guard let request = keymap.request(for: key, in: p.keyContexts) else {
            say("\(key) does nothing here; press ? for the keys.")
            return true
        }
        let response = p.handle(request, context: context)
        if response != .ignored {
            message = nil
            respond(response)
            return true
        }
        return perform(request)
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
        if let caseID, session.isWritable, (try? session.perform(.recordCaseViewed(caseID))) != nil {
            revision += 1
        }
    }

    /// The requests the app itself handles.
    func perform(_ request: Request) -> Bool {
        switch request {
        case .quit: return false
        case .help:
            showingHelp = true
            helpScroll = 0
        case .showReferrals: show(.referrals)
        case .showCase: show(.caseView)
        case .showAgenda: show(.agenda)
        case .showActions: show(.actions)
        case .nextPane: show(PaneKind(rawValue: current.rawValue % 4 + 1)!)
        case .previousPane: show(PaneKind(rawValue: (current.rawValue + 2) % 4 + 1)!)
        case .back: show(previous ?? .referrals)
        case .cancel: message = nil
        case .presentationMode:
            presentation.toggle()
            say(presentation ? "Presentation mode: addresses, phone numbers and dates of birth are hidden (r on a case shows them)."
                : "Presentation mode off.")
        default: say("\(request.help.prefix(1).uppercased() + request.help.dropFirst()) is not available in the \(current.title.lowercased()).")
        }
        return true
    }

    // MARK: - Drawing

    func isTooSmall(_ size: TerminalSize) -> Bool {
        size.rows < Self.minimumSize.rows || size.columns < Self.minimumSize.columns
    }

    public func render(_ canvas: inout Canvas) {
        let size = TerminalSize(rows: canvas.rows, columns: canvas.columns)
        if locked {
            renderLocked(&canvas)
            return
        }
        if isTooSmall(size) {
            renderTooSmall(&canvas, size: size)
            return
        }
        renderTabs(&canvas)
        region = Region(row: 1, column: 0, height: canvas.rows - 2, width: canvas.columns)
        if showingHelp {
            HelpScreen(keymap: keymap).render(&canvas, region: region, scroll: helpScroll)
        } else {
            pane(current).render(&canvas, region: region.inset(columns: 1), context: context)
        }
        renderStatus(&canvas)
    }

    func renderTooSmall(_ canvas: inout Canvas, size: TerminalSize) {
        let lines = [
            "Terminal too small: \(size.columns)x\(size.rows).",
            "marac needs at least \(Self.minimumSize.columns)x\(Self.minimumSize.rows).",
            "Enlarge the window, or press q to quit.",
        ]
        let top = max(0, canvas.rows / 2 - 1)
        for (i, line) in lines.enumerated() {
            let text = line.truncated(toWidth: canvas.columns, ellipsis: canvas.glyphs.ellipsis)
            canvas.put(text, row: top + i, column: max(0, (canvas.columns - TextWidth.of(text)) / 2), role: i == 0 ? .statusAlert : .normal)
        }
    }

    func renderTabs(_ canvas: inout Canvas) {
        canvas.fill(row: 0, column: 0, count: canvas.columns, role: .status)
        var col = 0
        for kind in PaneKind.allCases {
            let label = " \(kind.rawValue) \(kind.shortTitle) "
            col += canvas.put(label, row: 0, column: col, role: kind == current && !showingHelp ? .selected : .status)
        }
        let title = " \(session.state.profile.maracName) \(canvas.glyphs.bullet) \(session.today.long) "
        let w = TextWidth.of(title)
        if col + w < canvas.columns { canvas.put(title, row: 0, column: canvas.columns - w, role: .status) }
    }

    func renderStatus(_ canvas: inout Canvas) {
        let row = canvas.rows - 1
        let store: String
        switch session.connection.writeStatus {
        case .writable: store = session.lastSavedAt == nil ? "ready" : "saved"
        case .readOnly(let reason): store = "read-only: \(reason)"
        }
        let sep = canvas.glyphs.separator
        let mode = presentation ? "\(sep)PRESENTATION" : ""
        let left = " marac\(sep)store \(session.connection.name)\(sep)user \(session.actor.name) (\(session.actor.role.rawValue))\(sep)\(showingHelp ? "Help" : current.title)\(sep)\(store)\(mode) "
        canvas.fill(row: row, column: 0, count: canvas.columns, role: .status)
        let used = canvas.put(left, row: row, column: 0, role: session.isWritable ? .status : .statusAlert)
        if let message {
            canvas.put(" " + message, row: row, column: used, role: messageIsAlert ? .statusAlert : .status,
                       limit: canvas.columns - used)
        } else {
            let hint = "? help  q quit "
            if used + TextWidth.of(hint) < canvas.columns {
                canvas.put(hint, row: row, column: canvas.columns - TextWidth.of(hint), role: .status)
            }
        }
    }
}
