import Foundation
import MARACCore
import Testing
@testable import MARACStore
import TestSupport

/// Bytes an earlier marac wrote, read with this code: one log record (framing, seal, the change
/// inside) and one snapshot section (the meetings). A change to the formats that would stop
/// existing stores from opening fails here.
@Suite struct FormatFixtureTests {
    @Test func theFirstLogRecordIsFramedSealedAndEncodedAsCommitted() throws {
        let unlocked = try Store.unlock(FixtureBytes.store, credentials: FixtureBytes.viewer)
        let snapshot = try SnapshotFormat.header(of: FixtureBytes.file("store/snapshot.bin"), path: "snapshot.bin")
        let log = FixtureBytes.file("store/log.bin")
        let header = log.withUnsafeBytes { raw in try? LogFormat.readHeader(raw, path: "log.bin") }
        #expect(header?.generation == 1 && header?.epoch == 1)
        let scan = try LogFormat.scan(log, from: LogFormat.headerSize, firstSequence: snapshot.sequence + 1, path: "log.bin")
        #expect(scan.records.map(\.sequence) == [949, 950, 951, 952])
        #expect(scan.ending == .clean)

        let first = scan.records[0]
        let aad = LogFormat.additionalData(storeID: unlocked.keyring.storeID, generation: 1, sequence: 949, previous: snapshot.chainHead)
        let plain = try #require(unlocked.keyring.open(first.payload, key: unlocked.keyring.recordKey(epoch: 1), authenticating: aad))
        let committed = FixtureBytes.hex("log-record-949-plain.hex")
        #expect(committed.count > 300)
        #expect(Array(plain) == committed, "the record opens to the committed plaintext")

        let change = try Change.decode(committed)
        #expect(change.schemaVersion == 1)
        #expect(change.stamp.actor == "admin")
        #expect(change.stamp.at.utcDay == Day(year: 2026, month: 11, day: 28))
        let received = change.events.compactMap { event -> Referral? in
            if case .referralReceived(let r) = event { return r }
            return nil
        }
        #expect(received.map(\.details.reference) == ["FX-1", "FX-2", "FX-3"])
        #expect(received.map(\.details.victim.name) == ["Zoë Łódź-Ashby", "Nguyễn Thị Lan", "李华"])
        #expect(received.map(\.details.receivedOn) == [Day(year: 2026, month: 11, day: 20), Day(year: 2026, month: 11, day: 23),
                                                       Day(year: 2026, month: 11, day: 27)])
        #expect(received.first?.details.summary == "Said \"leave\",\r\nthen left")
        #expect(received.first?.details.assessment?.score == 16)
        // Written again it is written at the current schema, and reads back the same.
        let again = change.encoded()
        #expect(again.first == UInt8(Change.currentSchemaVersion * 2), "the schema version leads (zig-zag varint)")
        #expect(try Change.decode(again).events == change.events)
        #expect(Array(again.dropFirst()) == Array(committed.dropFirst()), "only the schema version differs: the events are written as before")
    }

    @Test func theSnapshotsMeetingsSectionIsSealedAndEncodedAsCommitted() throws {
        let unlocked = try Store.unlock(FixtureBytes.store, credentials: FixtureBytes.viewer)
        let (header, payload) = try SnapshotFormat.decode(FixtureBytes.file("store/snapshot.bin"), path: "snapshot.bin", keyring: unlocked.keyring)
        #expect(header.generation == 1 && header.sequence == 948 && header.epoch == 1)
        let (version, sections) = try FixtureBytes.sections(of: payload)
        #expect(version == 2)
        #expect(sections.count == 8)
        let committed = FixtureBytes.hex("snapshot-section-3-meetings.hex")
        #expect(sections[3] == committed, "the snapshot holds the committed meetings section")

        let (meetings, atEnd) = committed.withUnsafeBytes { raw -> ([Meeting], Bool) in
            var r = BinaryReader(raw, version: version - 1)  // payload 2 is codec level 1
            let list = (try? r.read([Meeting].self)) ?? []
            return (list, r.isAtEnd)
        }
        #expect(meetings.count == 4)
        #expect(atEnd, "the section holds the meetings and nothing else")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(FixtureBytes.file("listed/meetings.json"))) as? [[String: Any]])
        #expect(meetings.map(\.id.description) == listed.map { $0["id"] as? String ?? "" })
        #expect(meetings.map(\.date.iso) == listed.map { $0["date"] as? String ?? "" })
        #expect(meetings.map(\.venue) == listed.map { $0["venue"] as? String ?? "" })
        #expect(meetings.map(\.status.rawValue) == listed.map { $0["status"] as? String ?? "" })
    }
}
