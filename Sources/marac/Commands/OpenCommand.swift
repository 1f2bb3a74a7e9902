import ArgumentParser
import MARACCore
import MARACStore

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the screen on a store (the default when no subcommand is given).")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var screen: ScreenOptions

    func run() throws {
        try reporting("open") {
            let store = try storeOptions.open(.writeOrFollow, tellingNotices: false)
            defer { store.close() }
            try ScreenLauncher.run(store: store, screen: screen)
        }
    }
}
