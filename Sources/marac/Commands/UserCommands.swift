import ArgumentParser
import MARACCore
import MARACStore

extension Role: ExpressibleByArgument {}

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "List, add and remove the store's users, and change their roles.",
        subcommands: [List.self, Add.self, Remove.self, RoleChange.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users and their roles.")
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            try reporting("user list") {
                let store = try storeOptions.open(.readOnly)
                for u in store.users { print("\(u.name)\t\(u.role.rawValue)\tadded \(u.added)") }
                if store.rotationPending { print("(a removed user's key is replaced at the next compaction)") }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a new user a key slot (coordinators only).",
            discussion: "The new user's passphrase is asked twice, or read from $MARAC_NEW_PASSPHRASE_FILE.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The new user's name.") var name: String
        @Option(name: .long, help: "coordinator, admin, chair or viewer.") var role: Role

        func run() throws {
            try reporting("user add") {
                let store = try storeOptions.openForWriting()
                defer { store.close() }
                guard store.actor.role == .coordinator else {
                    throw CommandFailure(message: "adding a user needs the coordinator role; you are \(store.actor.role.rawValue)", code: 1)
                }
                let seen = store.notices.count
                try store.addUser(NewUser(name: name, role: role, passphrase: try Passphrases.new(for: name)))
                print("Added \(name) as \(role.rawValue). marac audit lists it.")
                tellNotices(of: store, after: seen)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a user's key slot and replace the data key (coordinators only).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The user to remove.") var name: String

        func run() throws {
            try reporting("user remove") {
                let store = try storeOptions.openForWriting()
                defer { store.close() }
                let seen = store.notices.count
                try store.removeUser(name)
                // Replace the data key now rather than at some later compaction.
                try store.compact()
                print("Removed \(name). The data key was replaced (epoch \(store.keyEpoch)); their old key opens nothing in this store.")
                tellNotices(of: store, after: seen)
            }
        }
    }

    struct RoleChange: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "role",
            abstract: "Give a user another role (coordinators only; the last coordinator stays one).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The user.") var name: String
        @Argument(help: "coordinator, admin, chair or viewer.") var role: Role

        func run() throws {
            try reporting("user role") {
                let store = try storeOptions.openForWriting()
                defer { store.close() }
                let before = store.users.first { $0.name == name }?.role
                let seen = store.notices.count
                try store.changeRole(of: name, to: role)
                print("\(name) is now \(role.rawValue)" + (before.map { " (was \($0.rawValue))" } ?? "") + ". marac audit lists it.")
                tellNotices(of: store, after: seen)
            }
        }
    }
}

/// What the store noted while a command ran (an audit line that could not be saved, say), on
/// standard error.
func tellNotices(of store: Store, after seen: Int) {
    for notice in store.notices.dropFirst(seen) { printError("marac: \(notice)") }
}

struct PasswdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Change your passphrase (only your key slot is rewritten).",
        discussion: "The current passphrase comes from $MARAC_PASSPHRASE_FILE or the terminal; the new one from $MARAC_NEW_PASSPHRASE_FILE or the terminal, twice.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting("passwd") {
            let store = try storeOptions.openForWriting()
            defer { store.close() }
            let seen = store.notices.count
            try store.changePassphrase(to: try Passphrases.new(for: store.actor.name))
            print("The passphrase of \(store.actor.name) was changed.")
            tellNotices(of: store, after: seen)
        }
    }
}
