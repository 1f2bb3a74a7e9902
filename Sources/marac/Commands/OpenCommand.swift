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
        let store: Store
        do {
            store = try Store.open(at: storeOptions.storePath, mode: .writeOrFollow, user: storeOptions.userName)
        } catch {
            throw ValidationError(error.message)
        }
        try ScreenLauncher.run(store: store, actor: Actor(name: storeOptions.userName, role: .coordinator), screen: screen)
        store.close()
    }
}
