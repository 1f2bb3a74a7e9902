import Foundation
import MARACCore
import MARACStore

/// The synthetic stores: made by the demo generator through the core's commands, as a real
/// area's would be, with the user the benchmark signs in as.
enum BenchStore {
    static let today = Day(year: 2026, month: 11, day: 28)!
    /// Its stores are made on a fixed day, so every run measures the same data.
    static let clock = WallClock.fixed(today)
    static let credentials = Credentials(user: "bench", passphrase: "benchmark passphrase")
    static let user = NewUser(name: "bench", role: .coordinator, passphrase: "benchmark passphrase")
    static let seed: UInt64 = 20_261_128

    static func open(_ directory: String, mode: Store.OpenMode = .readOnly) throws -> Store {
        try Store.open(at: directory, mode: mode, credentials: credentials, clock: clock)
    }

    struct Built {
        var cases: Int
        var events: Int
        var changes: Int
        var tailEvents: Int
        var seconds: Double
    }

    /// Builds a store of `cases` cases: everything up to about 90% of the events in the
    /// snapshot, the rest appended to the log, as a store looks some time after a compaction.
    static func build(cases: Int, in directory: String) throws -> Built {
        // Elapsed time on the monotonic clock, as every other figure here: the store's own
        // stamps come from the pinned `clock`, never from the machine's date.
        let started = DispatchTime.now().uptimeNanoseconds
        // A small run tells how many events a case makes, to know where 90% falls.
        let pilot = DemoGenerator(seed: seed, cases: min(cases, 500), today: today, detail: .lean).changes()
        let perCase = Double(pilot.reduce(0) { $0 + $1.events.count }) / Double(min(cases, 500))
        let threshold = Int(0.9 * perCase * Double(cases))
        var state = MARACState()
        var events = 0, changes = 0, tailEvents = 0
        var store: Store?
        var batch: [Change] = []
        var failure: Error?
        _ = DemoGenerator(seed: seed, cases: cases, today: today, detail: .lean).generate { change in
            guard failure == nil else { return }
            events += change.events.count
            changes += 1
            if let store {
                tailEvents += change.events.count
                batch.append(change)
                if batch.count == 2000 {
                    do { try store.append(batch) } catch { failure = error }
                    batch = []
                }
            } else {
                state.apply(change)
                if events >= threshold {
                    do {
                        store = try Store.create(at: directory, state: state, sequence: UInt64(changes), users: [user], kdf: .standard, clock: clock)
                        store?.compactionThreshold = Int.max / 8
                    } catch { failure = error }
                    state = MARACState()
                }
            }
        }
        if let failure { throw failure }
        guard let store else { throw CocoaError(.fileWriteUnknown) }
        try store.append(batch)
        store.close()
        return Built(cases: cases, events: events, changes: changes, tailEvents: tailEvents,
                     seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }

    static func size(of directory: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.reduce(0) { total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? Int) ?? 0)
        }
    }
}
