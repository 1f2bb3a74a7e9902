import ArgumentParser
import Foundation

/// The options every command that opens a store shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store folder (default: $MARAC_STORE, else ~/.local/share/marac).")
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
        if let data = env["XDG_DATA_HOME"], !data.isEmpty { return data + "/marac" }
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
}

/// How the screen looks.
struct ScreenOptions: ParsableArguments {
    @Flag(name: .long, help: "Plain ASCII lines and markers, for screen readers and old terminals.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set).")
    var noColor = false
}
