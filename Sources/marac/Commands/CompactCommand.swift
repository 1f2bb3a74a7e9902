import ArgumentParser
import MARACCore
import MARACStore

struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Write a new snapshot and start an empty log.")

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "Seconds to wait for another writer to finish.")
    var wait: Double = 5

    func run() throws {
        try reporting("compact") {
            let store = try storeOptions.openForWriting(wait: wait)
            defer { store.close() }
            try RolePolicy.require(RolePolicy.keepTheStore, for: "compacting the store", store.actor)
            let before = store.logSize
            try store.compact()
            print("Compacted: snapshot at sequence \(store.sequence); the log went from \(before) to \(store.logSize) bytes.")
        }
    }
}
