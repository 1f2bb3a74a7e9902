import Foundation
import MARACCore
import Testing
@testable import MARACStore
import TestSupport

/// Killing a writer at any moment loses nothing it acknowledged and leaves nothing half there.
@Suite(.serialized) struct CrashTests {
    static let exerciser = builtProgram("store-exerciser")

    /// The exports an exerciser wrote, in log order: "exercise TAG INDEX".
    static func written(_ state: MARACState) -> [(tag: String, index: Int)] {
        state.audit.compactMap { entry in
            guard case .exported(let what, _) = entry.kind else { return nil }
            let parts = what.split(separator: " ")
            guard parts.count >= 3, parts[0] == "exercise", let i = Int(parts[2]) else { return nil }
            return (String(parts[1]), i)
        }
    }

    @Test func aWriterKilledAtRandomMomentsLosesNothingItAcknowledged() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.create(at: folder.path).close()
        var rng = SeededGenerator(seed: 20261128)
        var acknowledged = 0
        var tornTails = 0
        let rounds = 120
        let started = Date()
        for round in 0..<rounds {
            let child = ChildProcess([Self.exerciser, "append", folder.path, "100000", "r\(round)", "5"])
            // Let it open and append for a random moment, then kill it without warning.
            guard child.waitForLine(where: { $0.hasPrefix("open") }) != nil else {
                Issue.record("round \(round): the writer did not open: \(child.lines)")
                return
            }
            usleep(UInt32(rng.int(0...30_000)))
            child.killNow()
            let acks = child.lines.filter { $0.hasPrefix("ack ") }.map { Int($0.split(separator: " ")[2])! }

            let store = try StoreFixtures.open(folder.path, .write(waitSeconds: 5))
            if !store.notices.isEmpty { tornTails += 1 }
            let mine = Self.written(store.state).filter { $0.tag == "r\(round)" }.map(\.index)
            // Every acknowledged change is there, in order, and nothing after a gap: a record
            // is whole or absent.
            #expect(mine == Array(0..<mine.count), "round \(round): \(mine.prefix(5))...")
            #expect(mine.count >= acks.count, "round \(round): \(acks.count) acknowledged, \(mine.count) found")
            #expect(mine.count <= acks.count + 1, "at most the one being acknowledged when killed")
            #expect(store.sequence == UInt64(Self.written(store.state).count))
            acknowledged += acks.count
            // Now and then compact, so that later kills also land after a compaction.
            if round % 10 == 9 { try store.compact() }
            store.close()
            #expect(try StoreFixtures.verify(folder.path).isIntact)
        }
        let seconds = Date().timeIntervalSince(started)
        print("crash test: \(rounds) kills, \(acknowledged) acknowledged changes kept, \(tornTails) torn tails repaired, \(Int(seconds)) s")
        #expect(acknowledged > rounds, "the writer had time to write")
    }

    @Test func twoWritersAtOnceTakeTurnsAndLoseNothing() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.create(at: folder.path).close()
        let a = ChildProcess([Self.exerciser, "append", folder.path, "300", "a", "30"])
        let b = ChildProcess([Self.exerciser, "append", folder.path, "300", "b", "30"])
        #expect(a.waitForExit() == 0)
        #expect(b.waitForExit() == 0)
        #expect(a.lines.last == "done" && b.lines.last == "done")
        let store = try StoreFixtures.open(folder.path, .readOnly)
        let written = Self.written(store.state)
        #expect(written.count == 600)
        // One writer's changes all come before the other's: the lock keeps them from interleaving.
        let tags = written.map(\.tag)
        let switches = zip(tags, tags.dropFirst()).filter { $0 != $1 }.count
        #expect(switches == 1)
        for tag in ["a", "b"] {
            #expect(written.filter { $0.tag == tag }.map(\.index) == Array(0..<300))
        }
    }

    @Test func aSecondWriterThatCannotGetTheLockSaysWhoHasIt() throws {
        let folder = TemporaryFolder()
        let holder = try StoreFixtures.create(at: folder.path)
        let second = ChildProcess([Self.exerciser, "append", folder.path, "1", "bob", "0.3"])
        #expect(second.waitForExit() != 0)
        #expect(second.exitCode == 1)
        let message = second.lines.joined()
        #expect(message.contains("open for writing by tester"))
        #expect(message.contains("process \(getpid())"))
        holder.close()
    }

    @Test func aReaderSeesTheWritersChangeWithinASecond() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.create(at: folder.path).close()
        let reader = try StoreFixtures.open(folder.path, .readOnly)
        let writer = ChildProcess([Self.exerciser, "append", folder.path, "1", "w", "5"])
        guard writer.waitForLine(where: { $0.hasPrefix("ack") }) != nil else {
            Issue.record("the writer did not write: \(writer.lines)")
            return
        }
        let acknowledged = Date()
        var seen: Date?
        while Date().timeIntervalSince(acknowledged) < 1 {
            if try reader.follow() > 0 {
                seen = Date()
                break
            }
            usleep(10_000)
        }
        #expect(seen != nil, "the reader did not see the change within a second")
        #expect(Self.written(reader.state).map(\.tag) == ["w"])
        writer.waitForExit()
    }

    @Test func aFullDiskRefusesTheChangeAndLeavesTheStateAsItWas() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.create(at: folder.path).close()
        let filler = ChildProcess([Self.exerciser, "fill", folder.path, "65536"])
        #expect(filler.waitForExit() == 0, "\(filler.lines)")
        let refusal = filler.lines.first { $0.hasPrefix("refused:") } ?? ""
        #expect(refusal.contains("log.bin"))
        #expect(refusal.contains("no room to write"))
        #expect(filler.lines.contains { $0.hasPrefix("state unchanged") })
        // The log was cut back to its last whole record: the store is intact and opens.
        let report = try StoreFixtures.verify(folder.path)
        #expect(report.isIntact)
        #expect(report.logBytes <= 65536)
        let store = try StoreFixtures.open(folder.path, .write(waitSeconds: 0))
        #expect(Self.written(store.state).map(\.index) == Array(0..<Int(store.sequence)))
        store.close()
    }
}
