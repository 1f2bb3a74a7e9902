import ArgumentParser
import MARACCore
import MARACStore

/// `marac store ...`: the store folder itself, as the host sees it.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Who on this host may reach the store's files.",
        subcommands: [StoreShareCommand.self, StorePermissionsCommand.self])
}

struct StoreShareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Share an existing store with a Unix group: the folder 2770 (setgid), every file 0660 with the group.",
        discussion: """
            Each person then logs in as their own account, opens the store with their own marac \
            user and passphrase (marac user add), and the audit names them. The files hold only \
            ciphertext: the group lets a person reach them, a passphrase opens them. Exports stay \
            readable by the person who made them only. Coordinators and admins may do this.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("The Unix group the people who use marac are in.", valueName: "GROUP"))
    var group: String

    @Option(name: .long, help: "Seconds to wait for another writer to finish.")
    var wait: Double = 5

    func run() throws {
        try reporting("store share") {
            let gid = try StoreSharing.resolve(group: group)
            // Under the write lock, so no file is being written while its mode changes.
            let store = try storeOptions.openForWriting(wait: wait)
            defer { store.close() }
            try RolePolicy.require(RolePolicy.keepTheStore, for: "sharing the store", store.actor)
            try StoreSharing.share(store.path, group: gid)
            print("\(store.path) is shared with the group \(group): the folder 2770, its files 0660.")
        }
    }
}

struct StorePermissionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "permissions",
        abstract: "Say who may reach the store's files, and any file whose owner, group or mode breaks that; exit 1 if one does.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let path = storeOptions.storePath
        if let gid = StoreSharing.group(of: path) {
            print("\(path) is shared with the group \(StoreSharing.groupName(gid)) (folder 2770, files 0660).")
        } else {
            print("\(path) is private to its owner (folder 0700, files 0600).")
        }
        let problems = StoreSharing.problems(in: path)
        for line in problems { printError("marac store permissions: \(line)") }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
