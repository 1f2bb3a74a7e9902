import Foundation
import MARACCore
import Testing
@testable import MARACStore
import TestSupport

/// Files put back from before a compaction are a rollback, refused with what was found; only a
/// compaction that truly stopped part way is finished. `store.json` records each finished
/// compaction (its last step), which is how the two are told apart.
@Suite struct RollbackTests {
    /// A store with three changes saved, compacted, and two more saved after; the files as they
    /// were just before the compaction.
    static func compactedWithEarlierCopy(_ folder: TemporaryFolder) throws -> (before: [String: [UInt8]], after: [String: [UInt8]]) {
        let store = try StoreFixtures.create(at: folder.path)
        for n in 1...3 { try store.append(StoreFixtures.change(n)) }
        let names = ["store.json", "snapshot.bin", "log.bin"]
        let before = Dictionary(uniqueKeysWithValues: names.map { ($0, folder.bytes($0)) })
        try store.compact()
        for n in 4...5 { try store.append(StoreFixtures.change(n)) }
        store.close()
        return (before, Dictionary(uniqueKeysWithValues: names.map { ($0, folder.bytes($0)) }))
    }

    static func refusal(_ path: String) -> StoreError? {
        do {
            try StoreFixtures.open(path).close()
            return nil
        } catch {
            return error
        }
    }

    @Test func aLogPutBackFromBeforeACompactionIsRefusedNotFinished() throws {
        let folder = TemporaryFolder()
        let (before, _) = try Self.compactedWithEarlierCopy(folder)
        folder.write("log.bin", before["log.bin"]!)
        let error = try #require(Self.refusal(folder.path), "the rollback was taken for an interrupted compaction")
        guard case .corrupt(let path, let offset, let reason) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(path == folder.file("log.bin") && offset == 16)
        #expect(reason.contains("rollback") && reason.contains("changes saved since that compaction are not in it"), "\(reason)")
        #expect(folder.bytes("log.bin") == before["log.bin"]!, "nothing was finished or cut")
        #expect(throws: StoreError.self) { try StoreFixtures.verify(folder.path) }
    }

    @Test func aSnapshotAndLogPutBackTogetherAreRefused() throws {
        let folder = TemporaryFolder()
        let (before, _) = try Self.compactedWithEarlierCopy(folder)
        folder.write("snapshot.bin", before["snapshot.bin"]!)
        folder.write("log.bin", before["log.bin"]!)
        let error = try #require(Self.refusal(folder.path))
        #expect(error.message.contains("snapshot.bin") && error.message.contains("rollback"), "\(error.message)")
    }

    @Test func anEarlierStoreJSONPutBackIsRefused() throws {
        let folder = TemporaryFolder()
        let (before, _) = try Self.compactedWithEarlierCopy(folder)
        folder.write("store.json", before["store.json"]!)
        let error = try #require(Self.refusal(folder.path))
        guard case .headerTampered(_, let reason) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(reason.contains("2 changes saved after that compaction"), "\(reason)")
    }

    @Test func theFilesAsTheyAreOpenWithEveryChange() throws {
        let folder = TemporaryFolder()
        _ = try Self.compactedWithEarlierCopy(folder)
        let report = try StoreFixtures.verify(folder.path)
        #expect(report.isIntact && report.lastSequence == 5 && report.generation == 2)
    }
}
