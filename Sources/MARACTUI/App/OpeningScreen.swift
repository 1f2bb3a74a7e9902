import MARACCore

/// The first frame while the store is being read: the attention screen drawn from the opening
/// summary a writer left beside the store, with a line saying the rest is being read. A large
/// store takes seconds to read whole; what needs attention today is known at once. Keys pressed
/// meanwhile are kept, in order, and handled by the app once the store is read, so nothing
/// typed is lost and no key acts on a part of the store not read yet.
public final class OpeningScreen {
    public let terminal: Terminal
    let view: AttentionView
    let maracName: String
    /// The keys (and resizes) that came while waiting, for ``RunLoop/run(replaying:)``.
    public private(set) var pending: [TerminalEvent] = []
    /// The frame on the terminal, for the app's first frame to send only what differs.
    public private(set) var last: Canvas?

    public init(terminal: Terminal, summary: OpeningSummary, actor: Actor, today: Day) {
        self.terminal = terminal
        self.view = AttentionView(summary: summary, today: today, actor: actor)
        self.maracName = summary.maracName
    }

    /// How many keys are waiting.
    var waitingKeys: Int { pending.filter { if case .key = $0 { true } else { false } }.count }

    /// The frame: the bar of panes, what needs attention, and the status line.
    public func render(_ canvas: inout Canvas) {
        let size = TerminalSize(rows: canvas.rows, columns: canvas.columns)
        if size.rows < App.minimumSize.rows || size.columns < App.minimumSize.columns {
            App.renderTooSmall(&canvas, size: size)
            return
        }
        App.renderTabs(&canvas, selected: nil, maracName: maracName, today: view.today)
        view.render(&canvas, region: Region(row: 1, column: 0, height: canvas.rows - 2, width: canvas.columns))
        let row = canvas.rows - 1
        canvas.fill(row: row, column: 0, count: canvas.columns, role: .status)
        let keys = waitingKeys
        let text = "Attention \(canvas.glyphs.bullet) reading the whole store"
            + (keys == 0 ? "; keys pressed now are handled once it is read" : "; \(keys) key\(keys == 1 ? "" : "s") will be handled once it is read")
        canvas.put(text, row: row, column: 0, role: .status, limit: canvas.columns)
    }

    /// Draws the frame.
    public func draw() {
        let size = terminal.size
        var canvas = Canvas(rows: size.rows, columns: size.columns, glyphs: terminal.glyphs)
        render(&canvas)
        RunLoop.show(canvas, on: terminal, after: last)
        last = canvas
    }

    /// Draws the frame, then keeps the keys pressed until `isRead` says the store is read,
    /// looking every `pollMilliseconds`.
    public func wait(until isRead: () -> Bool, pollMilliseconds: Int = 20) {
        draw()
        while !isRead() {
            guard let event = terminal.nextEvent(timeoutMilliseconds: pollMilliseconds) else { continue }
            if event == .resize { last = nil }
            pending.append(event)
            draw()
        }
    }
}
