import Foundation
import MARACCore
import Testing
@testable import MARACStore
import TestSupport

/// Recovery at every step: a compaction, a key rotation and the creation of a store stopped
/// dead after each of their disk calls in turn; a flush that fails; a disk that fills in the
/// middle of a write; a write cut short by a crash. Each leaves a store that verifies with
/// every acknowledged change in it.
@Suite struct RecoveryTests {
    /// A store with a snapshot and a log after it: 40 changes, 30 of them in the snapshot.
    static func template(_ folder: TemporaryFolder, extra: [NewUser] = []) throws -> (path: String, state: MARACState, sequence: UInt64) {
        let history = StoreFixtures.demoChanges(cases: 6, seed: 9)
        let store = try StoreFixtures.create(at: folder.path, changes: Array(history.prefix(30)), extra: extra)
        for change in history.dropFirst(30).prefix(10) { try store.append(change) }
        defer { store.close() }
        return (folder.path, store.state, store.sequence)
    }

    /// What every recovery must give: a writer opens it with every acknowledged change, it
    /// verifies intact, and it takes a new change. When the job changed who has access, the
    /// audit trail's line for it may or may not have been saved before the stop; either way the
    /// writer's opening leaves the audit agreeing with `store.json`.
    static func expectRecovered(_ path: String, state: MARACState, sequence: UInt64, accessChanged: Bool = false,
                                _ context: Comment) throws {
        let writer = try StoreFixtures.open(path)
        if accessChanged {
            #expect(writer.state.cases == state.cases && writer.state.referrals == state.referrals && writer.state.actions == state.actions, context)
            #expect(writer.sequence == sequence || writer.sequence == sequence + 1, context)
            let header = try StoreHeader.read(in: path)
            #expect(writer.state.auditedAccess == Dictionary(uniqueKeysWithValues: header.users.map { ($0.user, $0.role) }), context)
            writer.close()
            return
        }
        #expect(writer.state == state, context)
        #expect(writer.sequence == sequence, context)
        // A compaction stopped part way is finished and recorded as finished.
        #expect(try StoreHeader.read(in: path).recordedCompaction == writer.compactionRecord, context)
        try writer.append(StoreFixtures.change(1))
        writer.close()
        let report = try StoreFixtures.verify(path)
        #expect(report.isIntact, context)
        #expect(report.lastSequence == sequence + 1, context)
        var expected = state
        expected.apply(StoreFixtures.change(1))
        #expect(report.state == expected, context)
    }

    /// Runs `job` on copies of the store at `path`, stopping the disk dead after 0, 1, 2 … of
    /// its steps, until one copy finishes the job; `check` looks at each copy left behind.
    static func stopAfterEveryStep(of path: String, as credentials: Credentials = StoreFixtures.credentials,
                                   job: (Store) throws -> Void, check: (String, Comment) throws -> Void) throws -> Int {
        var k = 0
        while true {
            let copy = TemporaryFolder()
            let at = StoreFixtures.copy(path, to: copy)
            let disk = FaultyDisk()
            var store: Store? = try StoreFixtures.open(at, as: credentials, on: disk)
            disk.arm(.crash(afterSteps: k))
            var finished = true
            do { try job(store!) } catch { finished = false }
            let steps = disk.log
            finished = finished && !disk.crashed
            store = nil  // the process is gone: its descriptors and its lock with it
            try check(at, "stopped after \(k) steps: \(steps.joined(separator: ", "))")
            if finished { return k }
            k += 1
            if k > 200 { Issue.record("the job never finished"); return k }
        }
    }

    @Test func aCompactionStoppedAfterAnyOfItsStepsLosesNothing() throws {
        let folder = TemporaryFolder()
        let (path, state, sequence) = try Self.template(folder)
        let steps = try Self.stopAfterEveryStep(of: path, job: { try $0.compact() }) { at, context in
            try Self.expectRecovered(at, state: state, sequence: sequence, context)
        }
        #expect(steps >= 12, "a compaction writes two files, each written, flushed, renamed and its folder flushed")
    }

    @Test func aKeyRotationStoppedAfterAnyOfItsStepsLosesNothingAndLocksTheRemovedUserOut() throws {
        let folder = TemporaryFolder()
        let eve = NewUser(name: "eve", role: .chair, passphrase: "eve's passphrase")
        let (path, state, sequence) = try Self.template(folder, extra: [eve])
        let evesKeys = try Store.unlock(path, credentials: Credentials(user: "eve", passphrase: "eve's passphrase")).keyring
        // What `marac user remove eve` does: remove her slot, then compact at once.
        let steps = try Self.stopAfterEveryStep(of: path, job: { store in
            try store.removeUser("eve")
            try store.compact()
        }) { at, context in
            try Self.expectRecovered(at, state: state, sequence: sequence, accessChanged: true, context)
            let header = try StoreHeader.read(in: at)
            guard header.slot(for: "eve") == nil else { return }  // the removal never reached the disk
            #expect(!header.rotationPending, "rotation still pending (key epoch \(header.keyEpoch)); \(context)")
            #expect(header.keyEpoch >= 2, context)
            #expect(header.users.allSatisfy { $0.dataKeys.map(\.epoch) == [header.keyEpoch] }, "older data keys kept; \(context)")
            let snapshot = Array(FileManager.default.contents(atPath: at + "/snapshot.bin")!)
            let opened = (try? SnapshotFormat.decode(snapshot, path: at, keyring: evesKeys)) != nil
            #expect(!opened, "eve's old key opens the snapshot; \(context)")
        }
        #expect(steps >= 20)
    }

    @Test func creatingAStoreStoppedAfterAnyStepLeavesAStoreOrAFolderToCreateAgain() throws {
        var k = 0
        while true {
            let folder = TemporaryFolder()
            let disk = FaultyDisk()
            disk.arm(.crash(afterSteps: k))
            let history = StoreFixtures.demoChanges(cases: 3)
            let made = try? Store.create(at: folder.path, state: MARACState.folding(history), sequence: UInt64(history.count),
                                         users: [StoreFixtures.tester], kdf: .testing, clock: StoreFixtures.clock, disk: disk)
            let finished = made != nil && !disk.crashed
            made?.close()
            if FileManager.default.fileExists(atPath: folder.file("store.json")) {
                let report = try StoreFixtures.verify(folder.path)
                #expect(report.isIntact && report.state == StoreFixtures.made(history), "stopped after \(k) steps")
            } else {
                let again = try StoreFixtures.create(at: folder.path, changes: history)
                #expect(again.state == StoreFixtures.made(history), "created again after stopping at step \(k)")
                again.close()
            }
            if finished { break }
            k += 1
        }
        #expect(k >= 10)
    }

    @Test func aFlushThatFailsIsReportedAsNotSavedAndTheChangeIsNowhere() throws {
        let folder = TemporaryFolder()
        let (path, state, sequence) = try Self.template(folder)
        let disk = FaultyDisk()
        let store = try StoreFixtures.open(path, on: disk)
        let logBefore = folder.bytes("log.bin")
        disk.arm(.failedFlush(step: 2))  // the record's write, then its fdatasync
        #expect {
            try store.append(StoreFixtures.change(7))
        } throws: { error in
            (error as? StoreError)?.message.contains("flush") == true
        }
        #expect(store.state == state, "the change is not in the state")
        #expect(store.sequence == sequence)
        #expect(folder.bytes("log.bin") == logBefore, "the record was cut from the log")
        // After a failed flush the kernel may have dropped pages: the store takes nothing more.
        #expect(throws: StoreError.self) { try store.append(StoreFixtures.change(8)) }
        #expect(!store.isWritable)
        store.close()
        try Self.expectRecovered(path, state: state, sequence: sequence, "after a failed flush")
    }

    @Test func aDiskThatFillsInTheMiddleOfAWriteIsCutBackAndTheNextChangeSavesOnceThereIsRoom() throws {
        let folder = TemporaryFolder()
        let (path, state, sequence) = try Self.template(folder)
        let disk = FaultyDisk()
        let store = try StoreFixtures.open(path, on: disk)
        let logBefore = folder.bytes("log.bin")
        disk.arm(.full(room: 40))
        #expect {
            try store.append(StoreFixtures.change(7))
        } throws: { error in
            (error as? StoreError)?.message.contains("no space left") == true
        }
        #expect(store.state == state)
        #expect(folder.bytes("log.bin") == logBefore, "the 40 bytes written were cut off again")
        disk.makeRoom()
        try store.append(StoreFixtures.change(8))
        store.close()
        var expected = state
        expected.apply(StoreFixtures.change(8))
        try Self.expectRecovered(path, state: expected, sequence: sequence + 1, "after a full disk")
    }

    @Test(arguments: [1, 16, 60])
    func aWriteCutShortByACrashIsSetAsideOnOpening(keeping: Int) throws {
        let folder = TemporaryFolder()
        let (path, state, sequence) = try Self.template(folder)
        let disk = FaultyDisk()
        var store: Store? = try StoreFixtures.open(path, on: disk)
        disk.arm(.tornWrite(step: 1, keeping: keeping))
        #expect(throws: StoreError.self) { try store!.append(StoreFixtures.change(7)) }
        store = nil
        #expect(try StoreFixtures.verify(path).incompleteTail?.bytes == keeping)
        let reopened = try StoreFixtures.open(path)
        #expect(reopened.notices.contains { $0.contains("\(keeping) bytes") && $0.contains("do not form a whole change") })
        reopened.close()
        #expect(folder.names().contains { $0.hasPrefix("log.bin.torn-") })
        try Self.expectRecovered(path, state: state, sequence: sequence, "after a torn write of \(keeping) bytes")
    }
}
