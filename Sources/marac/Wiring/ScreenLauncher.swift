import Foundation
import MARACCore
import MARACStore
import MARACTUI

/// Starts the screen on an open store, as its signed-in user, and runs it until the user quits.
enum ScreenLauncher {
    static func run(store: Store, screen: ScreenOptions) throws {
        let terminal = try makeTerminal(screen)
        defer { terminal.end() }
        run(store: store, on: terminal, screen: screen, replaying: [])
    }

    /// Opens the store whose key slot is open and runs the screen on it. With an opening summary
    /// made from the log as it is, what needs attention is drawn at once and the store is read
    /// on another thread meanwhile (a large store takes seconds); without one, the store is read
    /// first, as any command reads it.
    static func run(unlocked: UnlockedStore, mode: Store.OpenMode, screen: ScreenOptions) throws {
        let today = ProgramClock.current.today()
        guard drawsFirstScreenFromSummary(), let summary = unlocked.openingSummary(), summary.answers(for: today) else {
            let store = try Store.open(unlocked, mode: mode, clock: ProgramClock.current)
            defer { store.close() }
            return try run(store: store, screen: screen)
        }
        let terminal = try makeTerminal(screen)
        defer { terminal.end() }
        let reading = StoreReading(unlocked, mode: mode, clock: ProgramClock.current)
        let opening = OpeningScreen(terminal: terminal, summary: summary, actor: unlocked.actor, today: today)
        opening.wait(until: { reading.isDone })
        let store = try reading.result.get()
        defer { store.close() }
        run(store: store, on: terminal, screen: screen, replaying: opening.pending, shown: opening.last)
    }

    /// `MARAC_FIRST_SCREEN=store` reads the store before the first frame whatever it holds
    /// beside it: a way round the summary should it ever mislead.
    static func drawsFirstScreenFromSummary() -> Bool {
        ProcessInfo.processInfo.environment["MARAC_FIRST_SCREEN"] != "store"
    }

    static func makeTerminal(_ screen: ScreenOptions) throws -> CursesTerminal {
        let noColor = screen.noColor || !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        return try CursesTerminal(options: TerminalOptions(ascii: screen.ascii, noColor: noColor))
    }

    static func run(store: Store, on terminal: CursesTerminal, screen: ScreenOptions, replaying early: [TerminalEvent], shown: Canvas? = nil) {
        let connection = StoreConnectionAdapter(store: store, displayName: displayPath(store.path))
        let session = Session(actor: store.actor, connection: connection, clock: ProgramClock.current)
        let app = App(session: session, showAttention: true)
        let loop = RunLoop(terminal: terminal, app: app)
        loop.lockAfterSeconds = screen.lockAfterMinutes(area: store.state.profile.idleLockMinutes) * 60
        loop.run(replaying: early, shown: shown)
    }
}
