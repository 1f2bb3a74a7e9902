import Foundation
import MARACCore
import MARACStore
import MARACTUI

/// Starts the screen on an open store, as its signed-in user, and runs it until the user quits.
enum ScreenLauncher {
    static func run(store: Store, screen: ScreenOptions) throws {
        let connection = StoreConnectionAdapter(store: store, displayName: displayPath(store.path))
        let session = Session(actor: store.actor, connection: connection, clock: ProgramClock.current)
        let noColor = screen.noColor || !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let terminal = try CursesTerminal(options: TerminalOptions(ascii: screen.ascii, noColor: noColor))
        defer { terminal.end() }
        let app = App(session: session, showAttention: true)
        let loop = RunLoop(terminal: terminal, app: app)
        loop.lockAfterSeconds = screen.lockAfterMinutes(area: store.state.profile.idleLockMinutes) * 60
        loop.run()
    }
}
