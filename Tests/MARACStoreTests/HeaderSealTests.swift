import Crypto
import Foundation
import MARACCore
import Testing
@testable import MARACStore
import TestSupport

/// The header's seal covers bytes defined in Docs/storage-format.md, which another program can
/// build from store.json; headers sealed the older way still open, and are sealed anew by the
/// first writer.
@Suite struct HeaderSealTests {
    /// The sealed bytes as Docs/storage-format.md defines them, built from the JSON alone.
    static func sealedBytes(fromJSON data: Data) throws -> [UInt8] {
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var out: [UInt8] = []
        func field(_ value: Any?) {
            let text: String
            switch value {
            case let n as Int: text = String(n)
            case let n as NSNumber: text = n.stringValue
            case let s as String: text = s
            default: text = ""
            }
            let bytes = Array(text.utf8)
            withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { out += $0 }
            out += bytes
        }
        field(json["seal"])
        for key in ["format", "version", "id", "created", "cipher", "keyEpoch"] { field(json[key]) }
        field((json["rotationPending"] as? Bool) == true ? "true" : "false")
        let users = json["users"] as? [[String: Any]] ?? []
        field(String(users.count))
        for user in users {
            let kdf = user["kdf"] as? [String: Any] ?? [:]
            for value in [user["user"], user["role"], user["added"], kdf["algorithm"], kdf["logN"], kdf["r"], kdf["p"],
                          user["salt"], user["publicKey"], user["privateKey"]] { field(value) }
            let keys = user["dataKeys"] as? [[String: Any]] ?? []
            field(String(keys.count))
            for key in keys { for value in [key["epoch"], key["ephemeralPublicKey"], key["sealed"]] { field(value) } }
        }
        if json["seal"] as? String == "marac-header-seal-v2" {
            let compaction = json["compaction"] as? [String: Any] ?? [:]
            for key in ["generation", "sequence", "chainHead"] { field(compaction[key]) }
        }
        return out
    }

    @Test func aNewStoresSealCoversTheBytesTheFormatDefines() throws {
        let folder = TemporaryFolder()
        let store = try StoreFixtures.create(at: folder.path, extra: [NewUser(name: "zoë.ł", role: .chair, passphrase: "x")])
        store.close()
        let data = Data(folder.bytes("store.json"))
        #expect(String(decoding: data, as: UTF8.self).contains("\"seal\" : \"marac-header-seal-v2\""))
        let header = try StoreHeader.read(in: folder.path)
        let independent = try Self.sealedBytes(fromJSON: data)
        #expect(independent == header.sealedBytes())
        let unlocked = try Store.unlock(folder.path, credentials: StoreFixtures.credentials)
        let mac = try #require(Data(base64Encoded: header.mac))
        #expect(HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: independent, using: unlocked.keyring.macKey(epoch: header.keyEpoch)))
    }

    @Test func aHeaderSealedTheOlderWayOpensAndTheFirstWriterSealsItAnew() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        for name in ["store.json", "snapshot.bin", "log.bin"] { folder.write(name, FixtureBytes.file("store/" + name)) }
        let before = folder.bytes("store.json")
        #expect(!String(decoding: before, as: UTF8.self).contains("\"seal\""))

        let reader = try Store.open(at: folder.path, mode: .readOnly, credentials: FixtureBytes.viewer, clock: StoreFixtures.clock)
        let state = reader.state
        reader.close()
        #expect(folder.bytes("store.json") == before, "reading changes nothing")

        let coordinator = Credentials(user: "coordinator", passphrase: "demo")
        let writer = try Store.open(at: folder.path, mode: .write(waitSeconds: 0), credentials: coordinator, clock: StoreFixtures.clock)
        #expect(writer.state.referrals == state.referrals && writer.state.cases == state.cases && writer.state.actions == state.actions)
        // A store from before access was audited: its first writer records who has access.
        #expect(state.auditedAccess.isEmpty)
        #expect(writer.state.auditedAccess == ["coordinator": .coordinator, "admin": .admin, "chair": .chair, "viewer": .viewer])
        writer.close()
        let after = Data(folder.bytes("store.json"))
        #expect(String(decoding: after, as: UTF8.self).contains("\"seal\" : \"marac-header-seal-v2\""))
        #expect(try StoreHeader.read(in: folder.path).recordedCompaction?.generation == writer.generation, "the first writer records the snapshot")
        #expect(try Self.sealedBytes(fromJSON: after) == StoreHeader.read(in: folder.path).sealedBytes())
        for user in ["coordinator", "admin", "chair", "viewer"] {
            #expect(throws: Never.self) { try Store.verify(at: folder.path, credentials: Credentials(user: user, passphrase: "demo")) }
        }
    }

    @Test func removingTheSealsNameToFallBackToTheOlderSealIsCaught() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.create(at: folder.path).close()
        let text = String(decoding: folder.bytes("store.json"), as: UTF8.self)
        folder.write("store.json", Array(text.replacingOccurrences(of: "\"seal\" : \"marac-header-seal-v2\",", with: "").utf8))
        #expect(throws: StoreError.self) { try StoreFixtures.open(folder.path) }
    }

    /// The v1 seal does not cover the compaction record; naming it to escape the record is caught.
    @Test func namingTheSealBeforeTheCompactionRecordIsCaught() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.create(at: folder.path).close()
        let text = String(decoding: folder.bytes("store.json"), as: UTF8.self)
        folder.write("store.json", Array(text.replacingOccurrences(of: "marac-header-seal-v2", with: "marac-header-seal-v1").utf8))
        #expect {
            try StoreFixtures.open(folder.path)
        } throws: { error in
            guard case .headerTampered = error as? StoreError else { return false }
            return true
        }
    }

    @Test func aSealThisMaracDoesNotKnowIsNamed() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.create(at: folder.path).close()
        let text = String(decoding: folder.bytes("store.json"), as: UTF8.self)
        folder.write("store.json", Array(text.replacingOccurrences(of: "marac-header-seal-v2", with: "marac-header-seal-v9").utf8))
        do {
            _ = try StoreFixtures.open(folder.path)
            Issue.record("a header with an unknown seal opened")
        } catch {
            #expect(error.message.contains("marac-header-seal-v9"))
        }
    }

    /// A changed byte in a user's name or key slot is told as damage (exit 2 on the command
    /// line), not as an unknown user or a wrong passphrase, which is what it would look like.
    @Test(arguments: ["\"user\" : \"", "\"salt\" : \""])
    func aChangedByteInAKeySlotIsDamageNotAWrongPassphrase(field: String) throws {
        let folder = TemporaryFolder()
        try StoreFixtures.create(at: folder.path).close()
        var bytes = folder.bytes("store.json")
        let text = String(decoding: bytes, as: UTF8.self)
        let at = try #require(text.range(of: field)).upperBound
        // The first character of the value: `tester` becomes `uester`, a salt's first letter another.
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: at)
        bytes[offset] ^= 0x01
        folder.write("store.json", bytes)
        #expect {
            try StoreFixtures.open(folder.path)
        } throws: { error in
            guard case .headerTampered(_, let reason) = error as? StoreError else { return false }
            return reason.contains("checksum does not match")
        }
    }
}
