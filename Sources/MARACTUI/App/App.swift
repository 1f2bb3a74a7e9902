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
    private var region = Region(row: 1, column: 0, height: 0, width: 0)
    public static let minimumSize = TerminalSize(rows: 24, columns: 80)

    public init(session: Session, keymap: Keymap = .standard) {
        self.session = session
        self.keymap = keymap
        if let first = session.connection.notices.first { say(first, alert: true) }
    }

    var panes: [Pane] { [referrals, caseView, agenda, actions] }

    func pane(_ kind: PaneKind) -> Pane { panes[kind.rawValue - 1] }

    var context: PaneContext { PaneContext(session: session, revision: revision) }

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

    // MARK: - Events

    /// Handles one event; false when the user asked to quit.
    public func handle(_ event: TerminalEvent, size: TerminalSize) -> Bool {
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
        caseView.show(subject)
        show(.caseView)
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
        let left = " marac\(sep)store \(session.connection.name)\(sep)user \(session.actor.name) (\(session.actor.role.rawValue))\(sep)\(showingHelp ? "Help" : current.title)\(sep)\(store) "
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
