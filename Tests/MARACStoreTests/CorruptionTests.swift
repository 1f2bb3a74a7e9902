import Foundation
import MARACCore
import Testing
@testable import MARACStore
import TestSupport

/// Damage anywhere in a small store: every flipped byte and every truncation is either
/// reported with a clear error or recovered as a torn tail. Nothing crashes, and no state is
/// ever returned that was not the state after some prefix of the saved changes.
@Suite struct CorruptionTests {
    struct Original {
        var snapshot: [UInt8]
        var log: [UInt8]
        var manifest: [UInt8]
        /// The state after the snapshot and the first k log records, for k = 0...records.
        var prefixes: [MARACState]
        /// The tester's key slot, opened once: key derivation is slow in a debug build, and the
        /// header is the same in every trial.
        var unlocked: Store.Unlocked
    }

    static func makeStore() throws -> Original {
        let folder = TemporaryFolder()
        let history = DemoGenerator(seed: 4, cases: 2, today: Day(year: 2026, month: 11, day: 28)!).changes()
        let base = Array(history.prefix(history.count - 8))
        let tail = Array(history.suffix(8))
        let store = try StoreFixtures.create(at: folder.path, changes: base)
        var prefixes = [store.state]
        for change in tail {
            try store.append(change)
            prefixes.append(store.state)
        }
        store.close()
        return Original(snapshot: folder.bytes("snapshot.bin"), log: folder.bytes("log.bin"),
                        manifest: folder.bytes("store.json"), prefixes: prefixes,
                        unlocked: try Store.unlock(folder.path, credentials: StoreFixtures.credentials))
    }

    enum Outcome: Equatable {
        case refused
        case recovered(prefix: Int, repaired: Bool)
    }

    /// Opens a store made of the given files; what came of it.
    static func open(_ original: Original, snapshot: [UInt8], log: [UInt8], in folder: TemporaryFolder) -> Outcome? {
        for name in folder.names() { try? FileManager.default.removeItem(atPath: folder.file(name)) }
        try? FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        folder.write("store.json", original.manifest)
        folder.write("snapshot.bin", snapshot)
        folder.write("log.bin", log)
        let verified = try? Store.verify(folder.path, unlocked: original.unlocked)
        do {
            let store = try Store.open(folder.path, mode: .write(waitSeconds: 0), unlocked: original.unlocked, user: "tester", clock: StoreFixtures.clock,
                                       disk: SystemDisk.shared)
            defer { store.close() }
            guard let k = original.prefixes.firstIndex(of: store.state) else { return nil }  // a wrong state
            // verify agrees: intact, or an unfinished tail to set aside.
            guard let verified, verified.isIntact == store.notices.isEmpty else { return nil }
            return .recovered(prefix: k, repaired: !store.notices.isEmpty)
        } catch {
            guard !error.message.isEmpty, verified == nil else { return nil }
            return .refused
        }
    }

    /// A record is written with one write, so a crash leaves a prefix of it, never a whole one
    /// with other bytes: a changed byte anywhere, the last record included, is damage. It is
    /// refused, and the log is left exactly as it was found (nothing cut, nothing set aside).
    @Test func everyFlippedByteOfTheLogIsRefusedAndNothingIsCut() throws {
        let original = try Self.makeStore()
        let folder = TemporaryFolder()
        var refused = 0
        for offset in 0..<original.log.count {
            var log = original.log
            log[offset] ^= 0x5A
            let outcome = Self.open(original, snapshot: original.snapshot, log: log, in: folder)
            #expect(outcome == .refused, "flipping byte \(offset) of the log: \(String(describing: outcome))")
            #expect(folder.bytes("log.bin") == log, "byte \(offset): the damaged log was changed")
            #expect(!folder.names().contains { $0.hasPrefix("log.bin.torn-") }, "byte \(offset): something was set aside")
            if outcome == .refused { refused += 1 }
        }
        print("log: \(original.log.count) flipped bytes, \(refused) refused")
    }

    @Test func everyTruncationOfTheLogKeepsAWholePrefix() throws {
        let original = try Self.makeStore()
        let folder = TemporaryFolder()
        var lastPrefix = 0
        for length in 0..<original.log.count {
            let outcome = Self.open(original, snapshot: original.snapshot, log: Array(original.log.prefix(length)), in: folder)
            if length < LogFormat.headerSize {
                #expect(outcome == .refused, "a log of \(length) bytes has no header")
                continue
            }
            guard case .recovered(let k, _)? = outcome else {
                Issue.record("truncating the log to \(length) bytes: \(String(describing: outcome))")
                continue
            }
            #expect(k >= lastPrefix, "records never come back after fewer bytes")
            lastPrefix = k
        }
        #expect(Self.open(original, snapshot: original.snapshot, log: original.log, in: folder)
                == .recovered(prefix: original.prefixes.count - 1, repaired: false))
    }

    @Test func everyFlippedByteOrTruncationOfTheSnapshotIsRefused() throws {
        let original = try Self.makeStore()
        let folder = TemporaryFolder()
        for offset in stride(from: 0, to: original.snapshot.count, by: 3) {
            var snapshot = original.snapshot
            snapshot[offset] ^= 0x21
            let outcome = Self.open(original, snapshot: snapshot, log: original.log, in: folder)
            #expect(outcome == .refused, "flipping snapshot byte \(offset): \(String(describing: outcome))")
        }
        for length in stride(from: 0, to: original.snapshot.count, by: 5) {
            #expect(Self.open(original, snapshot: Array(original.snapshot.prefix(length)), log: original.log, in: folder) == .refused)
        }
    }
}
