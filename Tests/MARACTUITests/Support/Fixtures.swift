import MARACCore
import Testing
@testable import MARACTUI

/// A screen on a demo store, in memory: the app, its run loop and the terminal it draws on.
struct ScreenFixture {
    static let today = Day(year: 2026, month: 11, day: 28)!

    let terminal: MemoryTerminal
    let connection: MemoryConnection
    let app: App
    let loop: RunLoop

    init(state: MARACState, rows: Int = 40, columns: Int = 120, actor: Actor = Actor(name: "coordinator", role: .coordinator),
         glyphs: Glyphs = .unicode, theme: Theme = .color, showAttention: Bool = false) {
        terminal = MemoryTerminal(rows: rows, columns: columns, theme: theme, glyphs: glyphs)
        connection = MemoryConnection(state: state, name: "~/demo")
        let session = Session(actor: actor, connection: connection, clock: .fixed(Self.today))
        app = App(session: session, showAttention: showAttention)
        loop = RunLoop(terminal: terminal, app: app)
        loop.draw()
    }

    static func demo(cases: Int = 60, seed: UInt64 = 3, rows: Int = 40, columns: Int = 120) -> ScreenFixture {
        ScreenFixture(state: DemoGenerator(seed: seed, cases: cases, today: today).generate { _ in }, rows: rows, columns: columns)
    }

    /// Types keys and lets the app handle them, drawing after each; false if one quit.
    @discardableResult
    func press(_ keys: Key...) -> Bool {
        terminal.send(keys: keys)
        return loop.processPendingEvents()
    }

    func type(_ text: String) {
        terminal.type(text)
        loop.processPendingEvents()
    }

    /// Types into the open form's fields by key, as if each were focused and typed over.
    func fill(_ values: [String: String]) {
        guard case .form(let session)? = app.overlay else {
            Issue.record("no form is open")
            return
        }
        for (key, value) in values {
            guard let i = session.form.fields.firstIndex(where: { $0.key == key }) else {
                Issue.record("the form has no field \(key)")
                continue
            }
            session.form.fields[i].input.text = value
        }
        loop.draw()
    }

    /// Another screen saves `command` (decided against this screen's state) and the change
    /// arrives at the next tick, as another user's save does.
    func savedByAnotherScreen(_ command: Command, as actor: Actor = Actor(name: "admin", role: .admin)) throws {
        let context = DecisionContext(actor: actor, now: Instant.noon(of: Self.today), today: Self.today)
        connection.receive(try app.session.state.change(for: command, context: context))
        loop.tick()
    }

    var lines: [String] { terminal.lines }
    var screen: String { terminal.screen }

    /// How many rows the status bar takes: one, and a long message's rows above it.
    var statusRowCount: Int {
        if case .confirm(let question, _)? = app.overlay { return question.rows(columns: terminal.size.columns, screenRows: terminal.size.rows).count }
        return 1 + app.messageRows(columns: terminal.size.columns).count
    }

    /// The status bar as read: a message wrapped above it joined back into one line.
    var status: String {
        lines.suffix(statusRowCount).map { $0.trimmingSpaces() }.joined(separator: " ")
    }

    /// The last row of the pane, above the status bar (a footer of keys, say).
    var paneFooter: String { lines[lines.count - 1 - statusRowCount] }

    /// The row whose selection marker is shown.
    var selectedRow: Int? { lines.firstIndex { $0.hasPrefix(" ▶") || $0.hasPrefix(" >") } }
}

/// The display column at which `needle` starts in `line`, counting wide characters as two.
func displayColumn(of needle: String, in line: String) -> Int? {
    guard let range = line.range(of: needle) else { return nil }
    return TextWidth.of(line[..<range.lowerBound])
}

extension String {
    func range(of needle: String) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
            i = index(after: i)
        }
        return nil
    }
}
