import Foundation
import MARACCore
import Testing
@testable import MARACStore
import TestSupport

@Suite struct StoreTests {
    @Test func whatIsAppendedIsThereAfterReopening() throws {
        let folder = TemporaryFolder()
        let history = StoreFixtures.demoChanges()
        let store = try StoreFixtures.create(at: folder.path, changes: Array(history.prefix(200)))
        for change in history.dropFirst(200) { try store.append(change) }
        let expected = store.state
        store.close()
        let reopened = try StoreFixtures.open(folder.path, .write(waitSeconds: 0))
        #expect(reopened.state == expected)
        var made = StoreFixtures.made(Array(history.prefix(200)))
        for change in history.dropFirst(200) { made.apply(change) }
        #expect(reopened.state == made)
        #expect(reopened.sequence == UInt64(history.count))
        #expect(reopened.notices.isEmpty)
    }

    @Test func storeFilesArePrivateToTheirOwner() throws {
        let folder = TemporaryFolder()
        let store = try StoreFixtures.create(at: folder.path)
        try store.append(StoreFixtures.change(1))
        store.close()
        var st = stat()
        stat(folder.path, &st)
        #expect(st.st_mode & 0o777 == 0o700)
        for name in folder.names() {
            stat(folder.file(name), &st)
            #expect(st.st_mode & 0o777 == 0o600, "\(name)")
        }
    }

    @Test func aTornTailIsCutOffKeptBesideTheLogAndReported() throws {
        let folder = TemporaryFolder()
        let store = try StoreFixtures.create(at: folder.path)
        for n in 1...5 { try store.append(StoreFixtures.change(n)) }
        let intact = store.state
        store.close()
        // Half of a sixth record, as a crash in the middle of write() would leave it.
        let sixth = LogFormat.record(sequence: 6, payload: Array(repeating: 0x42, count: 120))
        var log = folder.bytes("log.bin")
        let goodSize = log.count
        log += sixth.prefix(sixth.count / 2)
        folder.write("log.bin", log)
        #expect(throws: Never.self) { try StoreFixtures.verify(folder.path) }
        #expect(try StoreFixtures.verify(folder.path).incompleteTail?.offset == goodSize)

        let reopened = try StoreFixtures.open(folder.path, .write(waitSeconds: 0))
        #expect(reopened.state == intact)
        #expect(reopened.notices.count == 1)
        #expect(reopened.notices[0].contains("do not form a whole change"))
        #expect(reopened.notices[0].contains("set aside in \(folder.path)/log.bin.torn-"))
        #expect(!reopened.notices[0].contains("nothing saved is lost"), "the notice claims no more than is known")
        #expect(folder.bytes("log.bin").count == goodSize)
        let aside = folder.names().filter { $0.hasPrefix("log.bin.torn-") }
        #expect(aside.count == 1)
        #expect(folder.bytes(aside[0]) == Array(sixth.prefix(sixth.count / 2)))
        // And the store goes on from there.
        try reopened.append(StoreFixtures.change(6))
        #expect(reopened.sequence == 6)
        reopened.close()
        #expect(try StoreFixtures.verify(folder.path).isIntact)
    }

    @Test func damageBeforeTheEndIsAnErrorNamingFileAndOffset() throws {
        let folder = TemporaryFolder()
        let store = try StoreFixtures.create(at: folder.path)
        for n in 1...5 { try store.append(StoreFixtures.change(n)) }
        store.close()
        var log = folder.bytes("log.bin")
        let second = StoreFixtures.recordOffsets(log)[1]
        log[second + 20] ^= 0x40
        folder.write("log.bin", log)
        do {
            _ = try StoreFixtures.open(folder.path, .write(waitSeconds: 0))
            Issue.record("a damaged store opened")
        } catch {
            guard case .corrupt(let path, let offset, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path.hasSuffix("log.bin"))
            #expect(offset == second)
            #expect(error.message.contains("byte \(second)"))
        }
        // Nothing was changed by the failed open.
        #expect(folder.bytes("log.bin") == log)
    }

    @Test func compactionKeepsTheStateAndEmptiesTheLog() throws {
        let folder = TemporaryFolder()
        let history = StoreFixtures.demoChanges()
        let store = try StoreFixtures.create(at: folder.path)
        try store.append(history)
        let before = store.state
        #expect(store.logSize > 10_000)
        try store.compact()
        #expect(store.logSize == LogFormat.headerSize)
        #expect(store.generation == 2)
        try store.append(StoreFixtures.change(1))
        let after = store.state
        store.close()
        let reopened = try StoreFixtures.open(folder.path, .readOnly)
        #expect(reopened.state == after)
        #expect(reopened.state != before)
        #expect(reopened.snapshotSequence == UInt64(history.count))
    }

    @Test func aSecondWriterIsRefusedWithTheHolderNamed() throws {
        let folder = TemporaryFolder()
        let writer = try StoreFixtures.create(at: folder.path)
        do {
            _ = try StoreFixtures.open(folder.path, .write(waitSeconds: 0.2))
            Issue.record("two writers")
        } catch {
            guard case .locked(_, let holder) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(holder?.user == "tester")
            #expect(holder?.pid == getpid())
            #expect(error.message.contains("tester"))
        }
        let reader = try StoreFixtures.open(folder.path, .writeOrFollow)
        #expect(!reader.isWritable)
        #expect(reader.access == .reader(holder: StoreLock.holder(in: folder.path)))
        #expect(throws: StoreError.self) { try reader.append(StoreFixtures.change(1)) }
        writer.close()
    }

    @Test func aReaderFollowsWhatTheWriterSaves() throws {
        let folder = TemporaryFolder()
        let writer = try StoreFixtures.create(at: folder.path)
        let reader = try StoreFixtures.open(folder.path, .readOnly)
        try writer.append(StoreFixtures.change(1))
        try writer.append(StoreFixtures.change(2))
        #expect(try reader.follow() == 2)
        #expect(reader.state == writer.state)
        try writer.compact()
        try writer.append(StoreFixtures.change(3))
        #expect(try reader.follow() > 0)
        #expect(reader.state == writer.state)
        #expect(try reader.follow() == 0)
    }

    @Test func aFolderThatIsNotAStoreIsNamedInTheError() {
        let folder = TemporaryFolder()
        do {
            _ = try StoreFixtures.open(folder.path, .readOnly)
            Issue.record("opened nothing")
        } catch {
            #expect(error.message.contains(folder.path))
            #expect(error.message.contains("does not exist"))
        }
    }
}
