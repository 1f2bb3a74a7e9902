import Foundation
import MARACCore
@testable import MARACStore
import TestSupport

enum StoreFixtures {
    static let today = Day(year: 2026, month: 11, day: 28)!
    /// Every test store is made and opened at ten o'clock on that day.
    static let clock = WallClock.fixed(today)

    /// The user the store exerciser signs in as; every test store has them.
    static let tester = NewUser(name: "tester", role: .coordinator, passphrase: "exercise passphrase")
    static let credentials = Credentials(user: "tester", passphrase: "exercise passphrase")

    static func users(_ extra: NewUser...) -> [NewUser] { [tester] + extra }

    static func create(at path: String, changes: [Change] = [], extra: [NewUser] = []) throws(StoreError) -> Store {
        try Store.create(at: path, changes: changes, users: [tester] + extra, kdf: .testing, clock: StoreFixtures.clock)
    }

    /// The state a store made by ``create(at:changes:extra:)`` holds: the history folded, and
    /// its first users' access in the audit trail.
    static func made(_ history: [Change], extra: [NewUser] = []) -> MARACState {
        var state = MARACState.folding(history)
        state.apply(Store.initialAccess([tester] + extra, clock: clock))
        return state
    }

    static func open(_ path: String, _ mode: Store.OpenMode = .write(waitSeconds: 0), as credentials: Credentials = credentials) throws(StoreError) -> Store {
        try Store.open(at: path, mode: mode, credentials: credentials, clock: StoreFixtures.clock)
    }

    /// Opens the store with every change to its files made through `disk`.
    static func open(_ path: String, _ mode: Store.OpenMode = .write(waitSeconds: 0), as credentials: Credentials = credentials,
                     on disk: Disk) throws(StoreError) -> Store {
        try Store.open(at: path, mode: mode, credentials: credentials, clock: clock, disk: disk)
    }

    /// A copy of a store folder (without its lock file), to try one thing on.
    static func copy(_ path: String, to folder: TemporaryFolder) -> String {
        try? FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where name != "LOCK" {
            try? FileManager.default.copyItem(atPath: path + "/" + name, toPath: folder.file(name))
        }
        return folder.path
    }

    static func verify(_ path: String) throws(StoreError) -> VerificationReport {
        try Store.verify(at: path, credentials: credentials)
    }

    /// A small, realistic history to store.
    static func demoChanges(cases: Int = 12, seed: UInt64 = 5) -> [Change] {
        DemoGenerator(seed: seed, cases: cases, today: today).changes()
    }

    /// Where each record of a log starts, read from the length fields.
    static func recordOffsets(_ log: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        var at = LogFormat.headerSize
        while at + LogFormat.recordHeaderSize <= log.count {
            offsets.append(at)
            let length = Int(log[at]) | Int(log[at + 1]) << 8 | Int(log[at + 2]) << 16 | Int(log[at + 3]) << 24
            at += LogFormat.recordHeaderSize + length
        }
        return offsets
    }

    /// The n-th of a stream of small, distinct changes, for appending many times.
    static func change(_ n: Int) -> Change {
        Change(stamp: Stamp(actor: "coordinator", at: Instant(milliseconds: Int64(n) * 1000)),
               events: [.exported(what: "test export \(n)", cases: [CaseID(n % 7 + 1)])])
    }
}
