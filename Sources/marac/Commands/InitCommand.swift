import ArgumentParser
import MARACCore
import MARACStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, empty store with its first user, a coordinator.",
        discussion: "The passphrase is asked twice at the terminal, or read from $MARAC_NEW_PASSPHRASE_FILE.")

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .customLong("marac-name"), help: "The MARAC's name, as it heads minutes (\"Northbridge MARAC\").")
    var maracName: String = "MARAC"

    @Option(name: .long, help: ArgumentHelp("Share the store with this Unix group, so that each person logs in as their own account: the folder 2770 (setgid), every file 0660 with the group. Without it the store is yours alone (0700, files 0600).", valueName: "GROUP"))
    var group: String?

    func run() throws {
        try reporting("init") {
            let user = storeOptions.userName
            // The group is checked before the passphrase is asked for.
            let gid = try group.map { name throws(StoreError) in try StoreSharing.resolve(group: name) }
            let passphrase = try Passphrases.new(for: user)
            let store = try Store.create(at: storeOptions.storePath, users: [NewUser(name: user, role: .coordinator, passphrase: passphrase)],
                                         clock: ProgramClock.current, group: gid)
            defer { store.close() }
            try perform(.setAreaProfile(AreaProfile(maracName: maracName)), in: store)
            print("Created \(store.path) with \(user) as its coordinator.")
            print("Add the other users with: marac user add NAME --role coordinator|admin|chair|viewer")
            if let group { print("The store is shared with the Unix group \(group): each person logs in as their own account and opens it with their own passphrase.") }
        }
    }
}
