import Foundation
import Testing
import TestSupport

/// Damage of every kind is either refused or leaves what a listing says unchanged: one byte
/// flipped at a spread of offsets in each of the store's files, and each file cut short at a
/// spread of lengths. The one exception is a log cut exactly at a record boundary, which leaves
/// an intact, shorter chain that nothing in the folder can tell from a store that was never
/// longer (Docs/security.md, "What is not protected").
@Suite struct CorruptionSweepTests {
    struct Tally: CustomStringConvertible {
        var refused = 0, unchanged = 0, cutAtABoundary = 0, readAsOtherData = 0
        var description: String {
            "\(refused) refused, \(unchanged) read the same, \(cutAtABoundary) cut at a record boundary, \(readAsOtherData) read as other data"
        }
    }

    static func bytes(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path) ?? Data()) }

    static func write(_ path: String, _ bytes: [UInt8]) { overwriteInPlace(path, bytes) }

    /// A demo store whose log holds three imported referrals, one a record.
    static func storeWithALog() -> DemoDesk {
        let desk = DemoDesk(cases: 10)
        for n in 1...3 {
            let file = desk.write("referrals-\(n).csv", """
                Reference,Referral Date,Referring Agency,Victim Name,Victim DOB,Victim Gender,Perpetrator Name,Perpetrator DOB,Perpetrator Relationship,DASH Score,Summary
                SWEEP-\(n),2\(n)/11/2026,Northbridge Police,Zoë Nguyễn-\(n),03/04/1990,F,Łukasz Price,05/06/1988,partner,16,Threats on the \(n)th

                """)
            let imported = desk.run(["import", "referrals", file])
            precondition(imported.status == 0, imported.error)
        }
        return desk
    }

    @Test func noDamageToAnyFileIsReadAsOtherDataWithoutAWord() throws {
        let desk = Self.storeWithALog()
        let listing = { desk.run(["list", "referrals", "--format", "json"], as: "chair") }
        let original = listing()
        #expect(original.status == 0 && original.output.contains("SWEEP-3"))
        let log = Self.bytes(desk.store + "/log.bin")
        let boundaries = Set(DamageCommandTests.recordOffsets(log) + [log.count])
        #expect(boundaries.count == 4, "three records and the end")

        var tallies: [String: Tally] = [:]
        for name in ["store.json", "snapshot.bin", "log.bin"] {
            let path = desk.store + "/" + name
            let pristine = Self.bytes(path)
            var tally = Tally()
            func judge(_ what: String, _ damaged: [UInt8], boundary: Bool = false) {
                Self.write(path, damaged)
                let seen = listing()
                if seen.status != 0 {
                    tally.refused += 1
                    #expect(!seen.error.isEmpty, "\(name) \(what): refused without a word")
                    // Docs/cli.md: damage and tampering exit 2, whatever the command.
                    #expect(seen.status == 2, "\(name) \(what): exit \(seen.status): \(seen.error)")
                } else if seen.output == original.output {
                    tally.unchanged += 1
                } else if boundary {
                    tally.cutAtABoundary += 1
                } else {
                    tally.readAsOtherData += 1
                    Issue.record("\(name) \(what): read as other data with exit 0")
                }
                Self.write(path, pristine)
            }
            // Every byte of the first 64 (the headers), then a spread through the rest.
            let offsets = Array(0..<min(64, pristine.count)) + Array(stride(from: 64, to: pristine.count, by: max(1, (pristine.count - 64) / 40)))
            for offset in offsets {
                var damaged = pristine
                damaged[offset] ^= offset % 2 == 0 ? 0x01 : 0x80
                judge("byte \(offset) flipped", damaged)
            }
            for length in Array(stride(from: 0, to: pristine.count, by: max(1, pristine.count / 24))) + [pristine.count - 1] {
                judge("cut to \(length) bytes", Array(pristine.prefix(length)), boundary: name == "log.bin" && boundaries.contains(length))
            }
            for length in boundaries where name == "log.bin" && length < pristine.count {
                judge("cut at the record boundary \(length)", Array(pristine.prefix(length)), boundary: true)
            }
            tallies[name] = tally
        }
        let verified = desk.run(["verify"])
        #expect(verified.status == 0, "the store is whole again: \(verified.error)")
        for (name, tally) in tallies.sorted(by: { $0.key < $1.key }) { print("corruption sweep, \(name): \(tally)") }
        #expect(tallies.values.allSatisfy { $0.readAsOtherData == 0 })
        #expect((tallies["log.bin"]?.cutAtABoundary ?? 0) >= 3)
    }
}
