import Foundation
import Testing
import TestSupport

/// Damage seen from the command line: a changed byte is damage (exit 2, the file and offset
/// named), nothing is cut without a person deciding it, `marac repair` shows what it would
/// remove and keeps it, and a truly unfinished save is told on standard error by every command.
@Suite struct DamageCommandTests {
    /// A demo store whose log holds `count` changes made on the command line (the venue set).
    static func storeWithChanges(_ count: Int) -> DemoDesk {
        let desk = DemoDesk(cases: 10)
        for n in 1...count {
            let set = desk.run(["area", "set", "venue", "Room \(n)"])
            precondition(set.status == 0, set.error)
        }
        return desk
    }

    /// The byte offset of each record in a log (after its 32-byte header).
    static func recordOffsets(_ log: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        var at = 32
        while at + 16 <= log.count {
            offsets.append(at)
            let length = Int(log[at]) | Int(log[at + 1]) << 8 | Int(log[at + 2]) << 16 | Int(log[at + 3]) << 24
            at += 16 + length
        }
        return offsets
    }

    static func bytes(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path) ?? Data()) }

    static func write(_ path: String, _ bytes: [UInt8]) { overwriteInPlace(path, bytes) }

    @Test func aFlippedByteAnywhereInTheLastRecordIsDamageAndNothingIsCut() throws {
        let desk = Self.storeWithChanges(2)
        let logPath = desk.store + "/log.bin"
        let original = Self.bytes(logPath)
        let last = try #require(Self.recordOffsets(original).last)
        var refusedByReaders = 0, refusedByWriters = 0
        // Every byte of the record's framing, and a spread through its sealed payload (the
        // store's own tests flip every byte in process: CorruptionTests).
        let flipped = Array(last..<(last + 16)) + Array(stride(from: last + 16, to: original.count, by: 23)) + [original.count - 1]
        for offset in flipped {
            var damaged = original
            damaged[offset] ^= 0x10
            Self.write(logPath, damaged)
            let listed = desk.run(["list", "referrals"], as: "chair")
            #expect(listed.status == 2, "byte \(offset): \(listed.error)")
            #expect(listed.error.contains("log.bin is damaged at byte \(last)"), "byte \(offset): \(listed.error)")
            if listed.status == 2 { refusedByReaders += 1 }
            // A writer too: it refuses rather than cutting the record off as unfinished.
            if (offset - last) % 5 == 0 {
                let set = desk.run(["area", "set", "venue", "Room 9"])
                #expect(set.status == 2, "byte \(offset): \(set.error)")
                #expect(Self.bytes(logPath) == damaged, "byte \(offset): the log was changed")
                #expect(!(try FileManager.default.contentsOfDirectory(atPath: desk.store)).contains { $0.contains("torn") })
                if set.status == 2 { refusedByWriters += 1 }
            }
        }
        #expect(refusedByReaders == flipped.count)
        Self.write(logPath, original)
        let verified = desk.run(["verify"])
        #expect(verified.status == 0, "\(verified.error)")
        let shown = desk.run(["area", "show"], as: "viewer")
        #expect(shown.output.contains("Room 2"), "the last change is still there")
        print("last record: \(flipped.count) of its \(original.count - last) bytes flipped, \(refusedByReaders) refused by a reader, \(refusedByWriters) by a writer")
    }

    @Test func repairShowsWhatItWouldRemoveCutsOnlyWhenToldAndKeepsWhatItCut() throws {
        let desk = Self.storeWithChanges(3)
        let logPath = desk.store + "/log.bin"
        let original = Self.bytes(logPath)
        let offsets = Self.recordOffsets(original)
        #expect(offsets.count == 3)
        var damaged = original
        damaged[offsets[1] + 40] ^= 0x01  // inside the second record's payload
        Self.write(logPath, damaged)

        let byViewer = desk.run(["repair"], as: "viewer")
        #expect(byViewer.status == 1)
        #expect(byViewer.error.contains("coordinator or admin role"), "\(byViewer.error)")

        let shown = desk.run(["repair"])
        #expect(shown.status == 2, "nothing cut yet: \(shown.error)")
        #expect(shown.output.contains("at byte \(offsets[1])"), "\(shown.output)")
        #expect(shown.output.contains("removing 2 records"), "\(shown.output)")
        // The record after the damage is named with who saved it, since it still opens.
        #expect(shown.output.contains("by coordinator"), "\(shown.output)")
        #expect(shown.error.contains("nothing was changed"))
        #expect(Self.bytes(logPath) == damaged)

        let cut = desk.run(["repair", "--yes"])
        #expect(cut.status == 0, "\(cut.error)")
        #expect(Self.bytes(logPath) == Array(original.prefix(offsets[1])))
        let kept = try FileManager.default.contentsOfDirectory(atPath: desk.store).filter { $0.hasPrefix("log.bin.damaged-") }
        #expect(kept.count == 1)
        #expect(Self.bytes(desk.store + "/" + kept[0]) == Array(damaged[offsets[1]...]), "what was cut is kept, byte for byte")
        #expect(desk.run(["verify"]).status == 0)
        #expect(desk.run(["area", "show"], as: "viewer").output.contains("Room 1"))

        let again = desk.run(["repair"])
        #expect(again.status == 0)
        #expect(again.output.contains("nothing needs repairing"))
    }

    @Test func damageToTheSnapshotIsBeyondRepairAndSaysToRestore() throws {
        let desk = Self.storeWithChanges(1)
        let snapshotPath = desk.store + "/snapshot.bin"
        var snapshot = Self.bytes(snapshotPath)
        snapshot[snapshot.count / 2] ^= 0x04
        Self.write(snapshotPath, snapshot)
        let repaired = desk.run(["repair", "--yes"])
        #expect(repaired.status == 2)
        #expect(repaired.error.contains("snapshot.bin is damaged"), "\(repaired.error)")
        #expect(repaired.error.contains("restore the store folder from a backup"))
        #expect(Self.bytes(snapshotPath) == snapshot)
    }

    @Test func anUnfinishedSaveIsToldOnStandardErrorByEveryCommand() throws {
        let desk = Self.storeWithChanges(1)
        let logPath = desk.store + "/log.bin"
        let original = Self.bytes(logPath)
        // The first 10 bytes of a record: what a save stopped part way leaves.
        let unfinished: [UInt8] = [0x40, 0, 0, 0, 1, 2, 3, 4, 2, 0]
        Self.write(logPath, original + unfinished)

        // A reader cannot show what the bytes held, and no one is writing them: it says so and
        // does not answer as if the store were whole.
        let listed = desk.run(["list", "referrals"], as: "chair")
        #expect(listed.status == 2, "\(listed.error)")
        #expect(listed.error.contains("ends with 10 bytes that do not form a whole change, and no process is writing"), "\(listed.error)")
        #expect(listed.output.isEmpty)
        let shown = desk.run(["repair"])
        #expect(shown.output.contains("removing 1 record (10 bytes)"), "\(shown.output)")

        let set = desk.run(["area", "set", "venue", "Room 5"])
        #expect(set.status == 0, "\(set.error)")
        #expect(set.error.contains("set aside in \(desk.store)/log.bin.torn-"), "\(set.error)")
        #expect(!set.error.contains("nothing saved is lost"), "it claims no more than is known")
        let aside = try FileManager.default.contentsOfDirectory(atPath: desk.store).filter { $0.hasPrefix("log.bin.torn-") }
        #expect(aside.count == 1)
        #expect(Self.bytes(desk.store + "/" + aside[0]) == unfinished)
        #expect(desk.run(["verify"]).status == 0)
        #expect(desk.run(["list", "referrals"], as: "chair").status == 0)
    }
}

/// The write lock as the issue found it walked around: the coordinator's screen open, `LOCK`
/// deleted, and a command run from a shell. It is refused, naming the screen's process, and the
/// store verifies afterwards.
@Suite struct LockCommandTests {
    /// A screen takes the store's lock only for each change (issue 23), so with a screen open a
    /// command writes, and deleting `LOCK` under it changes nothing: the lock is the folder's
    /// (Tests/MARACStoreTests/LockTests.swift holds a writer that keeps it).
    @Test func aCommandWritesBesideAnOpenScreenAndDeletingLOCKChangesNothing() throws {
        let desk = DemoDesk(cases: 10)
        let tmux = try desk.open(as: "coordinator")
        unlink(desk.store + "/LOCK")
        let set = desk.run(["area", "set", "venue", "Room 7"])
        #expect(set.status == 0, "\(set.error)")
        let compact = desk.run(["compact", "--wait", "5"])
        #expect(compact.status == 0, "a command compacts beside the screen: \(compact.error)")
        // The screen takes in the new snapshot and log, and still saves: a meeting scheduled
        // from the agenda (S, then Ctrl-S on the form as it comes).
        let meetings = try desk.list("meetings").count
        tmux.send("Enter")
        tmux.send("3")
        tmux.send("S")
        try tmux.wait(for: "the new meeting's form") { $0.contains("Ctrl-S") }
        tmux.send("C-s")
        try tmux.wait(for: "the screen's meeting saved after the command's compaction", seconds: 15) { _ in
            (try? desk.list("meetings").count) == meetings + 1
        }
        tmux.send("q")
        try tmux.wait(for: "[exited 0]")
        let verified = desk.run(["verify"])
        #expect(verified.status == 0, "\(verified.error)")
    }

    /// Two screens on one store both save (issue 23): neither is read-only, and each sees what
    /// the other saved.
    @Test func twoScreensBothSaveAndEachSeesTheOthers() throws {
        let desk = DemoDesk(cases: 10)
        let first = try desk.open(as: "coordinator")
        let second = try desk.open(as: "admin")
        first.send("Enter")
        second.send("Enter")
        try first.wait(for: "the coordinator's queue") { $0.contains("Referral queue │") }
        try second.wait(for: "the admin's queue") { $0.contains("Referral queue │") }
        #expect(!second.capture().contains("is writing"), "the second screen is not read-only")
        let meetings = try desk.list("meetings").count
        for screen in [first, second] {
            screen.send("3")
            screen.send("S")
            try screen.wait(for: "the new meeting's form") { $0.contains("Ctrl-S") }
            screen.send("C-s")
        }
        try first.wait(for: "both screens' meetings saved", seconds: 15) { _ in (try? desk.list("meetings").count) == meetings + 2 }
        // Each screen shows both new meetings: the one it saved and the other's.
        let ids = try desk.list("meetings").compactMap { $0["id"] as? String }.sorted().suffix(2)
        for screen in [first, second] {
            for id in ids {
                var seen = false
                for _ in 0..<30 where !seen {
                    seen = (try? screen.wait(for: id, seconds: 0.3) { $0.contains(id) }) != nil
                    if !seen { screen.send(id == ids.last ? "]" : "[") }
                }
                #expect(seen, "\(id) is on the screen")
            }
        }
        first.send("q")
        second.send("q")
        try first.wait(for: "[exited 0]")
        try second.wait(for: "[exited 0]")
        #expect(desk.run(["verify"]).status == 0)
    }
}
