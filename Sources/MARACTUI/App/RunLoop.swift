import Dispatch
import MARACCore

/// Draws frames and feeds events to the app. Each frame is drawn whole into a canvas, compared
/// with the last one, and only the rows that changed are sent to the terminal.
public final class RunLoop {
    public let terminal: Terminal
    public let app: App
    private var last: Canvas?
    /// How long to wait for a key before looking for other writers' changes and the clock.
    public var pollMilliseconds = 250
    private var idleTicks = 0
    /// Seconds without a key before the screen locks; 0 never locks.
    public var lockAfterSeconds = 600
    /// Seconds on a monotonic clock: replaced in tests.
    public var monotonicSeconds: () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    private var lastKeyAt: Double?

    public init(terminal: Terminal, app: App) {
        self.terminal = terminal
        self.app = app
    }

    /// Lays out and draws the current frame.
    public func draw() {
        let size = terminal.size
        app.layout(size: size, glyphs: terminal.glyphs)
        var canvas = Canvas(rows: size.rows, columns: size.columns, glyphs: terminal.glyphs)
        app.render(&canvas)
        Self.show(canvas, on: terminal, after: last)
        last = canvas
    }

    /// Sends a frame: only the rows that differ from `last`, or every row after a clear when
    /// there is no last frame of the same size.
    static func show(_ canvas: Canvas, on terminal: Terminal, after last: Canvas?) {
        func send(_ row: Int) {
            for run in canvas.runs(ofRow: row) {
                terminal.put(row: row, column: run.column, text: run.text, role: run.role)
            }
        }
        if let last, last.rows == canvas.rows, last.columns == canvas.columns {
            for row in 0..<canvas.rows where canvas.rowCells(row) != last.rowCells(row) { send(row) }
        } else {
            terminal.clear()
            for row in 0..<canvas.rows { send(row) }
        }
        terminal.flush()
    }

    /// Forgets the last frame, so the next draw repaints everything (after a resize, say).
    public func invalidate() { last = nil }

    /// Handles one event; false when the app should quit.
    public func handle(_ event: TerminalEvent) -> Bool {
        if event == .resize { invalidate() }
        if case .key = event { lastKeyAt = monotonicSeconds() }
        return app.handle(event, size: terminal.size) && !app.quitRequested
    }

    /// Locks the screen when no key has come for `lockAfterSeconds`, except while a meeting is in
    /// progress: the passphrase is not to be typed in front of the room (presentation mode hides
    /// the details instead). Idle time counts again from the meeting's end.
    public func checkIdleLock() {
        let now = monotonicSeconds()
        if app.meetingInProgress { lastKeyAt = now; return }
        let since = lastKeyAt ?? now
        if lastKeyAt == nil { lastKeyAt = now }
        if lockAfterSeconds > 0, now - since >= Double(lockAfterSeconds), !app.locked {
            app.lock()
            invalidate()
        }
    }

    /// Handles every queued event (tests), drawing after each; false if one asked to quit.
    @discardableResult
    public func processPendingEvents() -> Bool {
        draw()
        while let event = terminal.nextEvent(timeoutMilliseconds: 0) {
            if !handle(event) { return false }
            draw()
        }
        return true
    }

    /// Runs until the user quits or the terminal goes away; `replaying`: keys pressed before
    /// the app could take them (while the store was read), handled first and in order.
    ///
    /// `shown`: the frame already on the terminal (the opening screen's), so the first frame
    /// sends only the rows that differ. curses ignores Ctrl-Z while it updates the terminal; a
    /// whole repaint just after the first frame would swallow one pressed as it appears.
    public func run(replaying early: [TerminalEvent] = [], shown: Canvas? = nil) {
        if let shown { last = shown }
        var early = early[...]
        draw()
        while true {
            if let event = early.popFirst() ?? terminal.nextEvent(timeoutMilliseconds: pollMilliseconds) {
                idleTicks = 0
                if !handle(event) { break }
            } else {
                idleTick()
            }
            draw()
        }
        _ = app.session.connection.idle()
    }

    /// A poll interval passed without a key.
    func idleTick() {
        idleTicks += 1
        tick()
    }

    /// A quiet moment: take in other writers' changes; after a few seconds idle, let the store
    /// compact.
    func tick() {
        checkIdleLock()
        let news = app.session.connection.poll()
        if news.stateChanged || app.stateIsAhead { app.stateChanged() }
        if let message = news.message { app.say(message, alert: news.alert) }
        if idleTicks == 8, let failure = app.session.connection.idle() { app.say(failure, alert: true) }
    }
}
