import Foundation
import MARACCore
import Testing
@testable import MARACStore
import TestSupport

/// Issue 23: a lock per change. Three processes write one store at once, each taking the lock
/// only for its own change, deciding it against what the others saved; killed at random, none
/// loses a change it acknowledged, none is saved twice, and the chain verifies.
@Suite(.serialized) struct ConcurrentWritersTests {
    static let exerciser = builtProgram("store-exerciser")

    /// Each "ack SEQUENCE INDEX" line a writer printed: the change it was told was on disk.
    static func acks(_ child: ChildProcess) -> [(sequence: Int, index: Int)] {
        child.lines.filter { $0.hasPrefix("ack ") }.map { line in
            let parts = line.split(separator: " ")
            return (Int(parts[1])!, Int(parts[2])!)
        }
    }

    /// Every acknowledged change is in the log at the sequence it was acknowledged with, every
    /// writer's changes are there in its order with no gap, and none is there twice.
    static func check(_ written: [(tag: String, index: Int)], acks: [String: [(sequence: Int, index: Int)]]) {
        for (tag, acked) in acks {
            for ack in acked {
                let at = ack.sequence - 1
                let found = written.indices.contains(at) ? written[at] : nil
                #expect(found?.tag == tag && found?.index == ack.index, "\(tag) \(ack.index) acknowledged as record \(ack.sequence), which holds \(String(describing: found))")
            }
            let mine = written.filter { $0.tag == tag }.map(\.index)
            #expect(mine == Array(0..<mine.count), "\(tag): in order, no gap, none twice")
            #expect(mine.count >= acked.count && mine.count <= acked.count + 1, "\(tag): \(acked.count) acknowledged, \(mine.count) saved")
        }
    }

    @Test func threeWritersInterleaveAndEveryChangeIsThereOnce() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.create(at: folder.path).close()
        let count = 600
        let started = Date()
        // The first also compacts now and then, under the others' feet. Each pauses 2 ms between
        // changes, as people (and commands) do: a writer saving in a tight loop would keep the
        // others waiting until it stopped, since the lock is not handed over in turn.
        let writers = (0..<3).map { k in ChildProcess([Self.exerciser, "shared", folder.path, "\(count)", "w\(k)", k == 0 ? "200" : "0", "2"]) }
        for (k, writer) in writers.enumerated() {
            #expect(writer.waitForExit() == 0, "w\(k): \(writer.lines.suffix(3))")
            #expect(writer.lines.last == "done")
        }
        let seconds = Date().timeIntervalSince(started)
        let store = try StoreFixtures.open(folder.path, .readOnly)
        let written = CrashTests.written(store.state)
        #expect(written.count == 3 * count)
        #expect(store.sequence == UInt64(written.count), "sequences are continuous: one record each")
        let tags = written.map(\.tag)
        let switches = zip(tags, tags.dropFirst()).filter { $0 != $1 }.count
        #expect(switches > 30, "the writers took turns change by change, not writer by writer (\(switches) switches)")
        Self.check(written, acks: Dictionary(uniqueKeysWithValues: writers.enumerated().map { ("w\($0.offset)", Self.acks($0.element)) }))
        #expect(try StoreFixtures.verify(folder.path).isIntact)
        print("three writers: \(3 * count) changes in \(String(format: "%.1f", seconds)) s, \(switches) turns between writers")
    }

    @Test func writersKilledAtRandomLoseNothingTheyAcknowledged() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.create(at: folder.path).close()
        var rng = SeededGenerator(seed: 20261206)
        var acks: [String: [(sequence: Int, index: Int)]] = [:]
        let rounds = 15
        for round in 0..<rounds {
            let tags = (0..<3).map { "r\(round)w\($0)" }
            let writers = tags.map { ChildProcess([Self.exerciser, "shared", folder.path, "100000", $0]) }
            for (tag, writer) in zip(tags, writers) {
                guard writer.waitForLine(where: { $0.hasPrefix("open") || $0.hasPrefix("error") }) != nil else {
                    Issue.record("\(tag) did not open: \(writer.lines)")
                    return
                }
            }
            // One is killed first, the others a moment later, each without warning: mid-save,
            // holding the lock, or waiting for it.
            usleep(UInt32(rng.int(5_000...80_000)))
            writers[rng.int(0...2)].killNow()
            usleep(UInt32(rng.int(0...40_000)))
            for writer in writers { writer.killNow() }
            for (tag, writer) in zip(tags, writers) {
                #expect(!writer.lines.contains { $0.hasPrefix("error") }, "\(tag): \(writer.lines.suffix(2))")
                acks[tag] = Self.acks(writer)
            }
        }
        // The next writer sets aside what a killed one left half written.
        let store = try StoreFixtures.open(folder.path, .write(waitSeconds: 5))
        let written = CrashTests.written(store.state)
        #expect(store.sequence == UInt64(written.count))
        Self.check(written, acks: acks)
        store.close()
        #expect(try StoreFixtures.verify(folder.path).isIntact)
        let acknowledged = acks.values.map(\.count).reduce(0, +)
        print("killed writers: \(rounds * 3) kills, \(acknowledged) acknowledged changes, all kept once")
        #expect(acknowledged > rounds * 3, "the writers had time to write")
    }
}
