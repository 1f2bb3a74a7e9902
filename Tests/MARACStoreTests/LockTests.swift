import Foundation
import MARACCore
import Testing
@testable import MARACStore
import TestSupport

/// The write lock cannot be walked around: it is the folder's, not a file's, so deleting or
/// rewriting `LOCK` lets no second writer in; the holder named is the live one; and a writer
/// whose folder or log is swapped under it stops saving and says why.
@Suite struct LockTests {
    /// Whether the second writer's refusal names this process as the holder, and how.
    static func refusal(_ path: String) -> LockHolder?? {
        do {
            let second = try StoreFixtures.open(path, .write(waitSeconds: 0))
            second.close()
            return nil
        } catch {
            guard case .locked(_, let holder) = error else { return .some(nil) }
            return .some(holder)
        }
    }

    @Test func deletingLOCKLetsNoSecondWriterInAndTheStoreStaysWhole() throws {
        let folder = TemporaryFolder()
        let writer = try StoreFixtures.create(at: folder.path)
        try writer.append(StoreFixtures.change(1))
        #expect(unlink(folder.file("LOCK")) == 0)

        let refused = try #require(Self.refusal(folder.path), "a second writer got in")
        #expect(refused?.pid == getpid(), "the live holder is named")
        #expect(refused?.named == false, "LOCK no longer names it, and the refusal does not pretend it does")
        #expect(!FileManager.default.fileExists(atPath: folder.file("LOCK")), "the refused writer wrote nothing")

        try writer.append(StoreFixtures.change(2))
        writer.close()
        let report = try StoreFixtures.verify(folder.path)
        #expect(report.isIntact)
        #expect(report.lastSequence == 2)
    }

    @Test func aLOCKRewrittenByHandDoesNotNameSomeoneElse() throws {
        let folder = TemporaryFolder()
        let writer = try StoreFixtures.create(at: folder.path)
        let forged = LockHolder(user: "mallory", pid: 1, host: ProcessInfo.processInfo.hostName, since: "2020-01-01T00:00:00Z")
        folder.write("LOCK", forged.encoded())
        let refused = try #require(Self.refusal(folder.path))
        #expect(refused?.pid == getpid())
        #expect(refused?.user != "mallory")
        let message = StoreError.locked(path: folder.path, holder: refused).message
        #expect(message.contains("process \(getpid())") && message.contains("does not name that process"), "\(message)")
        writer.close()
    }

    @Test func aRefusedWriterLeavesLOCKAsItWas() throws {
        let folder = TemporaryFolder()
        let writer = try StoreFixtures.create(at: folder.path)
        let before = folder.bytes("LOCK")
        var st = stat()
        stat(folder.file("LOCK"), &st)
        let (inode, changed) = (st.st_ino, st.st_ctim)
        #expect(Self.refusal(folder.path) != nil)
        stat(folder.file("LOCK"), &st)
        #expect(folder.bytes("LOCK") == before)
        #expect(st.st_ino == inode && st.st_ctim.tv_sec == changed.tv_sec && st.st_ctim.tv_nsec == changed.tv_nsec)
        #expect(LockHolder.decode(before)?.user == "tester")
        writer.close()
    }

    @Test func aFolderSwappedUnderAWriterStopsItSavingAndSaysWhy() throws {
        let folder = TemporaryFolder()
        let writer = try StoreFixtures.create(at: folder.path)
        try writer.append(StoreFixtures.change(1))
        // Moved away, and a copy put where it was: the copy is not what the writer locked.
        let moved = folder.root + "/moved"
        #expect(rename(folder.path, moved) == 0)
        _ = StoreFixtures.copy(moved, to: folder)
        #expect {
            try writer.append(StoreFixtures.change(2))
        } throws: { error in
            guard case .failed(let reason) = error as? StoreError else { return false }
            return reason.contains("moved, removed or replaced")
        }
        #expect(!writer.isWritable)
        // The copy at the path opens for writing, and nothing was written into either twice.
        let other = try StoreFixtures.open(folder.path)
        try other.append(StoreFixtures.change(3))
        other.close()
        writer.close()
        #expect(try StoreFixtures.verify(folder.path).lastSequence == 2)
        #expect(try StoreFixtures.verify(moved).lastSequence == 1)
    }

    @Test func aLogReplacedUnderAWriterStopsItSaving() throws {
        let folder = TemporaryFolder()
        let writer = try StoreFixtures.create(at: folder.path)
        try writer.append(StoreFixtures.change(1))
        folder.write("log.bin.copy", folder.bytes("log.bin"))
        #expect(rename(folder.file("log.bin.copy"), folder.file("log.bin")) == 0)
        #expect {
            try writer.append(StoreFixtures.change(2))
        } throws: { error in
            guard case .failed(let reason) = error as? StoreError else { return false }
            return reason.contains("log.bin was removed or replaced")
        }
        writer.close()
        #expect(try StoreFixtures.verify(folder.path).lastSequence == 1)
    }

    /// Issue 20, 8: the time the lock was taken is told in local time, not UTC.
    @Test func theHolderIsToldWithTheLocalTime() {
        let holder = LockHolder(user: "cora", pid: 42, host: "h", since: "2026-07-01T09:42:00Z")
        #expect(holder.since(in: TimeZone(identifier: "Europe/London")!) == "Wed 1 Jul 2026 10:42")
        #expect(holder.since(in: TimeZone(identifier: "UTC")!) == "Wed 1 Jul 2026 09:42")
    }

    @Test func theLockIsReleasedWhenTheWriterCloses() throws {
        let folder = TemporaryFolder()
        let writer = try StoreFixtures.create(at: folder.path)
        #expect(StoreLock.isHeld(in: folder.path))
        #expect(StoreLock.kernelHolder(of: folder.path) == .heldBy(pid: getpid()))
        writer.close()
        #expect(!StoreLock.isHeld(in: folder.path))
        #expect(StoreLock.holder(in: folder.path) == nil, "a LOCK left behind names nobody once the lock is free")
        let next = try StoreFixtures.open(folder.path)
        #expect(next.isWritable)
        next.close()
    }
}

/// A screen that opened read-only because someone else was writing does not stay read-only,
/// naming a writer who has gone: it takes the lock when they close, and reads the files again
/// under it first.
@Suite struct TakingOverTests {
    @Test func aFollowerBecomesTheWriterOnceTheWriterHasClosed() throws {
        let folder = TemporaryFolder()
        let writer = try StoreFixtures.create(at: folder.path)
        let follower = try StoreFixtures.open(folder.path, .writeOrFollow)
        #expect(!follower.isWritable)
        #expect(try follower.takeOverWriting() == false, "not while the writer holds the lock")
        #expect(follower.currentWriter()?.pid == getpid())

        try writer.append(StoreFixtures.change(1))
        try writer.append(StoreFixtures.change(2))
        let written = writer.state
        writer.close()
        #expect(follower.currentWriter() == nil, "a writer who has gone is not named")

        #expect(try follower.takeOverWriting())
        #expect(follower.isWritable)
        #expect(follower.state == written, "what the writer saved last is taken in under the lock")
        try follower.append(StoreFixtures.change(3))
        follower.close()
        #expect(try StoreFixtures.verify(folder.path).lastSequence == 3)
    }

    @Test func aStoreOpenedReadOnlyOnPurposeNeverTakesOver() throws {
        let folder = TemporaryFolder()
        let writer = try StoreFixtures.create(at: folder.path)
        let reader = try StoreFixtures.open(folder.path, .readOnly)
        writer.close()
        #expect(try reader.takeOverWriting() == false)
        #expect(!reader.isWritable)
    }

    @Test func aFollowerThatMeetsDamageSaysSoRatherThanStoppingInSilence() throws {
        let folder = TemporaryFolder()
        let writer = try StoreFixtures.create(at: folder.path)
        let follower = try StoreFixtures.open(folder.path, .writeOrFollow)
        let before = follower.state
        try writer.append(StoreFixtures.change(1))
        var log = folder.bytes("log.bin")
        log[log.count - 3] ^= 0x01
        folder.write("log.bin", log)
        #expect {
            try follower.follow()
        } throws: { error in
            guard case .corrupt(let path, let offset, _) = error as? StoreError else { return false }
            return path.hasSuffix("log.bin") && offset == LogFormat.headerSize
        }
        #expect(follower.state == before, "nothing of the damaged record is shown")
        writer.close()
    }
}
