import ArgumentParser
import MARACCore
import MARACStore

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the screen on a store (the default when no subcommand is given).")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var screen: ScreenOptions

    @Flag(name: .customLong("read-only"), help: "Look without saving anything: the screen follows what others save.")
    var readOnly = false

    func run() throws {
        try reporting("open") {
            // Every screen writes, taking the store's lock for each change only, so the admin,
            // the coordinator and the chair each save while the others work.
            try ScreenLauncher.run(unlocked: try storeOptions.unlock(), mode: readOnly ? .readOnly : .shared(waitSeconds: 5), screen: screen)
        }
    }
}
