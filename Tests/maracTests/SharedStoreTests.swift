import Foundation
import Testing
import TestSupport

/// Issue 23: each person logs in as their own Unix account, so a store is shared through a
/// group. Two uids that exist in no account database (setpriv, as root) share the Debian group
/// `users`: both open the store, both write, and every file keeps the group and mode 0660.
@Suite(.enabled(if: getuid() == 0 && runProcess(["setpriv", "--version"]).status == 0 && getgrnam("users") != nil,
                "needs root, setpriv and the group users"))
struct SharedStoreTests {
    static let group = "users"
    static var gid: gid_t { getgrnam(group)!.pointee.gr_gid }

    /// A folder the other uids can pass through, and a passphrase file each of them owns.
    struct Office {
        let scratch = TemporaryFolder()
        var store: String { scratch.root + "/store" }

        init() { chmod(scratch.root, 0o755) }

        func passphrase(_ name: String, owner: uid_t) -> String {
            let path = passphraseFile(in: scratch, named: "pp-\(name)", "\(name)'s own long passphrase for marac")
            chown(path, owner, gid_t.max)
            return path
        }

        /// marac as `uid` (in the group when `inGroup`), signed in as `user`.
        func run(_ arguments: [String], uid: uid_t, user: String, inGroup: Bool = true, newPassphrase: String? = nil) -> (status: Int32, output: String, error: String) {
            var environment = ["MARAC_PASSPHRASE_FILE": passphrase(user, owner: uid)]
            if let newPassphrase { environment["MARAC_NEW_PASSPHRASE_FILE"] = newPassphrase }
            let prefix = uid == 0 ? [] : ["setpriv", "--reuid=\(uid)", "--regid=\(uid)", inGroup ? "--groups=\(SharedStoreTests.gid)" : "--clear-groups"]
            return runProcess(prefix + [maracBinary] + arguments + ["--store", store, "--user", user], environment: environment)
        }

        /// Each file's group and mode, by name.
        func files() -> [String: (gid: gid_t, mode: mode_t)] {
            var out: [String: (gid_t, mode_t)] = [:]
            for name in (try? FileManager.default.contentsOfDirectory(atPath: store)) ?? [] {
                var st = stat()
                lstat(store + "/" + name, &st)
                out[name] = (st.st_gid, st.st_mode & 0o7777)
            }
            return out
        }

        var folderMode: mode_t {
            var st = stat()
            stat(store, &st)
            return st.st_mode & 0o7777
        }
    }

    /// Makes a store as root (uid 0) with users ann (admin, uid 7101) and bob (coordinator,
    /// uid 7102) added, shared from the start when `shared`.
    static func office(shared: Bool) throws -> Office {
        let office = Office()
        let made = office.run(["init"] + (shared ? ["--group", group] : []), uid: 0, user: "cora", newPassphrase: office.passphrase("cora", owner: 0))
        try #require(made.status == 0, "\(made.error)")
        for (name, role) in [("ann", "admin"), ("bob", "coordinator")] {
            let added = office.run(["user", "add", name, "--role", role], uid: 0, user: "cora", newPassphrase: office.passphrase(name, owner: 0))
            try #require(added.status == 0, "\(added.error)")
        }
        return office
    }

    @Test func twoAccountsInTheGroupBothOpenAndWriteAndEveryFileKeepsTheGroupAndMode() throws {
        let office = try Self.office(shared: true)
        #expect(office.folderMode == 0o2770)
        let ann = office.run(["agency", "add", "Northbridge Police", "--kind", "police"], uid: 7101, user: "ann")
        #expect(ann.status == 0, "ann (uid 7101) writes: \(ann.error)")
        let bob = office.run(["agency", "add", "Northbridge Homes", "--kind", "housing"], uid: 7102, user: "bob")
        #expect(bob.status == 0, "bob (uid 7102) writes: \(bob.error)")
        let compacted = office.run(["compact"], uid: 7102, user: "bob")
        #expect(compacted.status == 0, "bob rewrites the snapshot and the log: \(compacted.error)")
        let again = office.run(["agency", "add", "Haven Women's Aid", "--kind", "specialist-da-service"], uid: 7101, user: "ann")
        #expect(again.status == 0, "ann writes after bob's compaction: \(again.error)")
        let files = office.files()
        #expect(files.keys.contains("log.bin") && files.keys.contains("snapshot.bin") && files.keys.contains("store.json"))
        for (name, file) in files {
            #expect(file.gid == Self.gid, "\(name) keeps the store's group")
            #expect(file.mode == 0o660, "\(name) is 0660, not \(String(file.mode, radix: 8))")
        }
        let verified = office.run(["verify"], uid: 7101, user: "ann")
        #expect(verified.status == 0 && verified.output.contains("intact"), "\(verified.error)")
        let agencies = office.run(["agency", "list"], uid: 7102, user: "bob").output
        #expect(agencies.contains("Northbridge Police") && agencies.contains("Northbridge Homes") && agencies.contains("Haven Women's Aid"))
        let audit = office.run(["audit"], uid: 0, user: "cora").output
        #expect(audit.contains("ann") && audit.contains("bob"), "the audit names each person")
        // An account outside the group cannot even read the folder.
        let outsider = office.run(["verify"], uid: 7103, user: "ann", inGroup: false)
        #expect(outsider.status != 0)
    }

    @Test func aPrivateStoreIsSharedLaterAndABrokenModeIsReported() throws {
        let office = try Self.office(shared: false)
        #expect(office.folderMode == 0o700)
        let refused = office.run(["agency", "add", "Northbridge Police", "--kind", "police"], uid: 7101, user: "ann")
        #expect(refused.status != 0, "a private store is its owner's alone")
        let shared = office.run(["store", "share", "--group", Self.group], uid: 0, user: "bob")
        #expect(shared.status == 0, "coordinators may share: \(shared.error)")
        #expect(office.folderMode == 0o2770)
        let written = office.run(["agency", "add", "Northbridge Police", "--kind", "police"], uid: 7101, user: "ann")
        #expect(written.status == 0, "\(written.error)")
        #expect(office.files().values.allSatisfy { $0.gid == Self.gid && $0.mode == 0o660 })
        #expect(office.run(["store", "permissions"], uid: 7101, user: "ann").status == 0)

        chmod(office.store + "/store.json", 0o600)
        let checked = office.run(["store", "permissions"], uid: 0, user: "cora")
        #expect(checked.status == 1)
        #expect(checked.error.contains("store.json has mode 0600, not 0660"), "\(checked.error)")
        let verified = office.run(["verify"], uid: 0, user: "cora")
        #expect(verified.status == 1 && verified.error.contains("store.json has mode 0600"), "verify says so too")
    }

    @Test func aGroupThatDoesNotExistIsRefusedBeforeAnythingIsMade() {
        let office = Office()
        let refused = office.run(["init", "--group", "no-such-group-marac"], uid: 0, user: "cora", newPassphrase: office.passphrase("cora", owner: 0))
        #expect(refused.status == 1)
        #expect(refused.error.contains("There is no Unix group called no-such-group-marac"), "\(refused.error)")
        #expect(!FileManager.default.fileExists(atPath: office.store))
    }
}
