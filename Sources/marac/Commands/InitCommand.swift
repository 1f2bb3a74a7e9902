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

    func run() throws {
        try reporting("init") {
            let user = storeOptions.userName
            let passphrase = try Passphrases.new(for: user)
            let store = try Store.create(at: storeOptions.storePath, users: [NewUser(name: user, role: .coordinator, passphrase: passphrase)],
                                         clock: ProgramClock.current)
            defer { store.close() }
            try perform(.setAreaProfile(AreaProfile(maracName: maracName)), in: store)
            print("Created \(store.path) with \(user) as its coordinator.")
            print("Add the other users with: marac user add NAME --role coordinator|admin|chair|viewer")
        }
    }
}
