import ArgumentParser
import Foundation
import MARACCore
import MARACStore
import MARACTUI

/// The options every command that opens a store shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store folder (default: $MARAC_STORE, else $XDG_DATA_HOME/marac, else ~/.local/share/marac).")
    var store: String?

    @Option(name: .long, help: "Who you are (default: $MARAC_USER, else your login name).")
    var user: String?

    var storePath: String {
        if let store { return expand(store) }
        if let env = ProcessInfo.processInfo.environment["MARAC_STORE"], !env.isEmpty { return expand(env) }
        return defaultStorePath
    }

    var defaultStorePath: String {
        let env = ProcessInfo.processInfo.environment
        // The XDG Base Directory spec: a relative XDG_DATA_HOME is invalid and is ignored.
        if let data = env["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/marac" }
        return (env["HOME"] ?? NSHomeDirectory()) + "/.local/share/marac"
    }

    var userName: String {
        if let user, !user.isEmpty { return user }
        let env = ProcessInfo.processInfo.environment
        if let u = env["MARAC_USER"], !u.isEmpty { return u }
        if let u = env["USER"], !u.isEmpty { return u }
        return NSUserName()
    }

    func expand(_ path: String) -> String {
        if path == "~" || path.hasPrefix("~/") {
            return (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
        }
        return path
    }

    /// The user and their passphrase (from MARAC_PASSPHRASE_FILE or the terminal), asked only
    /// once the folder is known to hold a store.
    func credentials() throws -> Credentials {
        try Store.checkIsStore(at: storePath)
        return Credentials(user: userName, passphrase: try Passphrases.current(for: userName))
    }

    /// Opens the store as the user, asking for their passphrase.
    /// What opening found and set right is told on standard error by every command; the screen
    /// (`tellingNotices: false`) shows it on screen instead.
    func open(_ mode: Store.OpenMode, tellingNotices: Bool = true) throws -> Store {
        let store = try Store.open(at: storePath, mode: mode, credentials: try credentials(), clock: ProgramClock.current)
        if tellingNotices { for notice in store.notices { printError("marac: \(notice)") } }
        return store
    }

    /// Opens the user's key slot, asking for their passphrase, and reads nothing else yet: the
    /// screen shows what needs attention while it reads the store.
    func unlock() throws -> UnlockedStore {
        try Store.unlock(at: storePath, credentials: try credentials())
    }

    /// Opens the store for a command that changes it: waits a few seconds for another writer,
    /// then fails naming them.
    func openForWriting(wait: Double = 5) throws -> Store {
        try open(.write(waitSeconds: wait))
    }
}

/// How the screen looks.
struct ScreenOptions: ParsableArguments {
    @Flag(name: .long, help: "Plain ASCII lines and markers, for screen readers and old terminals.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    @Option(name: .customLong("lock-after"), help: "Minutes without a key before the screen locks (0: never; default $MARAC_LOCK_AFTER, else the area's idle-lock-minutes, 10 unless set).")
    var lockAfter: Int?

    /// The option, else the environment, else the area's setting.
    func lockAfterMinutes(area: Int) -> Int {
        if let lockAfter { return max(0, lockAfter) }
        if let env = ProcessInfo.processInfo.environment["MARAC_LOCK_AFTER"], let n = Int(env) { return max(0, n) }
        return max(0, area)
    }
}

/// Decides a command as the store's signed-in user and saves it.
func perform(_ command: Command, in store: Store) throws {
    try store.append(try decide(command, in: store))
}

/// Decides a command as the store's signed-in user, saving nothing: the change, or the core's
/// refusal (the role it needs, say).
func decide(_ command: Command, in store: Store) throws -> Change {
    let context = DecisionContext(actor: store.actor, now: ProgramClock.current.now(), today: ProgramClock.current.today())
    return try store.state.change(for: command, context: context)
}
