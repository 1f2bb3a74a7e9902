import ArgumentParser
import MARACCore
import MARACStore

/// `marac repair`: what opening never does by itself, cutting a damaged log back to its last
/// whole record, shown first and done only when asked.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Show what cutting a damaged log back would remove; with --yes, cut it and keep what was removed.",
        discussion: """
            Opening a store refuses a log record that is whole but fails its checksum or its seal \
            (exit 2), because cutting it would drop a change someone saved. marac repair shows the \
            damage, every record the cut would remove (who saved it and when, where that can still \
            be read) and the last change kept. With --yes it cuts the log there and keeps the removed \
            bytes, still encrypted, in log.bin.damaged-TIME-at-OFFSET beside it. Damage to the \
            snapshot or to store.json cannot be repaired this way: restore the folder from a backup. \
            Coordinators and admins only.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Cut the log as shown (without it, nothing is changed).")
    var yes = false

    @Option(name: .long, help: "Seconds to wait for another writer to finish.")
    var wait: Double = 5

    func run() throws {
        try reporting("repair") {
            let repair = try StoreRepair.examine(at: storeOptions.storePath, credentials: try storeOptions.credentials(),
                                                 wait: wait, clock: ProgramClock.current)
            try RolePolicy.require(RolePolicy.keepTheStore, for: "repairing the store", Actor(name: "", role: repair.role))
            switch repair.finding {
            case .nothingToRepair:
                print("\(repair.path): \(repair.describe())")
            case .beyondRepair:
                throw CommandFailure(message: repair.describe(), code: 2)
            case .cutLog:
                print(repair.describe())
                guard yes else {
                    printError("marac repair: nothing was changed. Keep a copy of the folder, then run marac repair --yes to cut the log as shown.")
                    throw ExitCode(2)
                }
                let aside = try repair.carryOut()
                print("Cut. The removed bytes are in \(aside). marac verify now checks the store.")
            }
        }
    }
}
