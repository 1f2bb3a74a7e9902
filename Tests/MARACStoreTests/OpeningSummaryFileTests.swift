import Foundation
import MARACCore
import Testing
@testable import MARACStore
import TestSupport

/// The opening summary beside the store: left by a writer as it lets the store go, used by the
/// next screen only while it is the summary of the log as it is, and never trusted over the
/// store itself.
@Suite struct OpeningSummaryFileTests {
    static func summaryNow(_ path: String) throws -> OpeningSummary? {
        try Store.unlock(at: path, credentials: StoreFixtures.credentials).openingSummary()
    }

    /// A store of a few cases, closed by its writer.
    static func closedStore(_ folder: TemporaryFolder) throws -> MARACState {
        let history = StoreFixtures.demoChanges(cases: 20)
        let store = try StoreFixtures.create(at: folder.path, changes: Array(history.prefix(100)))
        for change in history.dropFirst(100) { try store.append(change) }
        let state = store.state
        store.close()
        return state
    }

    @Test func aWriterLeavesTheSummaryOfWhatItSavedWhenItLetsTheStoreGo() throws {
        let folder = TemporaryFolder()
        let state = try Self.closedStore(folder)
        #expect(folder.names().contains(Store.openingSummaryName))
        let summary = try #require(try Self.summaryNow(folder.path))
        #expect(summary == state.openingSummary(on: StoreFixtures.today))
        #expect(summary.awaitingTriage > 0 || !summary.openActions.isEmpty, "the demo history has something to show")
    }

    @Test func aSummaryIsNotUsedOnceTheLogHasMovedOnAndIsMadeAgainAtTheNextClose() throws {
        let folder = TemporaryFolder()
        _ = try Self.closedStore(folder)
        let store = try StoreFixtures.open(folder.path)
        try store.append(StoreFixtures.change(1))
        #expect(try Self.summaryNow(folder.path) == nil, "made before the last change")
        let state = store.state
        store.close()
        #expect(try Self.summaryNow(folder.path) == state.openingSummary(on: StoreFixtures.today))
    }

    /// A compaction replaces the log the summary names (and, after a user is removed, the key
    /// it was sealed with): it leaves one of the new log, under the new key.
    @Test func aCompactionLeavesASummaryOfTheNewLogUnderTheCurrentKey() throws {
        let folder = TemporaryFolder()
        let history = StoreFixtures.demoChanges(cases: 20)
        let store = try StoreFixtures.create(at: folder.path, changes: Array(history.prefix(100)),
                                             extra: [NewUser(name: "leaver", role: .admin, passphrase: "leaver passphrase")])
        for change in history.dropFirst(100) { try store.append(change) }
        store.close()
        let before = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder.file(Store.openingSummaryName))))
        let writer = try StoreFixtures.open(folder.path)
        try writer.removeUser("leaver")
        try writer.compact()
        let after = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder.file(Store.openingSummaryName))))
        #expect(before != after)
        #expect(after[12] == before[12] + 1, "sealed under the new key epoch")
        #expect(try Self.summaryNow(folder.path) == writer.state.openingSummary(on: StoreFixtures.today))
        writer.close()
    }

    @Test func aDamagedOrForeignSummaryIsIgnoredAndTheStoreStillOpensWhole() throws {
        let folder = TemporaryFolder()
        let state = try Self.closedStore(folder)
        let file = folder.file(Store.openingSummaryName)
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        for offset in [3, 20, Store.openingHeaderSize + 20, good.count - 1] {
            var bad = good
            bad[offset] ^= 0x40
            try Data(bad).write(to: URL(fileURLWithPath: file))
            #expect(try Self.summaryNow(folder.path) == nil, "a byte changed at \(offset)")
        }
        try Data(good.prefix(30)).write(to: URL(fileURLWithPath: file))
        #expect(try Self.summaryNow(folder.path) == nil, "cut short")
        let other = TemporaryFolder()
        _ = try Self.closedStore(other)
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.copyItem(atPath: other.file(Store.openingSummaryName), toPath: file)
        #expect(try Self.summaryNow(folder.path) == nil, "another store's summary, though its log is alike")
        let reopened = try StoreFixtures.open(folder.path, .readOnly)
        #expect(reopened.state == state && reopened.notices.isEmpty)
    }

    @Test func aReaderWritesNoSummary() throws {
        let folder = TemporaryFolder()
        _ = try Self.closedStore(folder)
        try FileManager.default.removeItem(atPath: folder.file(Store.openingSummaryName))
        let reader = try StoreFixtures.open(folder.path, .readOnly)
        reader.close()
        #expect(!folder.names().contains(Store.openingSummaryName))
    }

    /// The admin's and the coordinator's screens share the store; the one that quits without
    /// having taken in the other's last save leaves no summary of its older state.
    @Test func aScreenBehindAnotherScreensSaveLeavesNoSummaryOfItsOlderState() throws {
        let folder = TemporaryFolder()
        _ = try Self.closedStore(folder)
        let first = try StoreFixtures.open(folder.path, .shared(waitSeconds: 1))
        let second = try StoreFixtures.open(folder.path, .shared(waitSeconds: 1))
        try first.append(StoreFixtures.change(1))
        second.close()
        #expect(try Self.summaryNow(folder.path) == nil, "the second screen's state is older than the log")
        let state = first.state
        first.close()
        #expect(try Self.summaryNow(folder.path) == state.openingSummary(on: StoreFixtures.today))
    }

    @Test func itIsPrivateToItsOwnerAndSealedNotPlain() throws {
        let folder = TemporaryFolder()
        let state = try Self.closedStore(folder)
        var st = stat()
        stat(folder.file(Store.openingSummaryName), &st)
        #expect(st.st_mode & 0o777 == 0o600)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder.file(Store.openingSummaryName))))
        let name = try #require(state.agencies.first?.name)
        #expect(bytes.firstRange(of: Array(name.utf8)) == nil, "an agency's name is not readable in the file")
    }
}
