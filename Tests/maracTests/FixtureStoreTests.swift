import Foundation
import Testing
import TestSupport

/// A store that an earlier marac wrote (Tests/Fixtures/made-2026-11-28) opens with this code and
/// lists exactly as that code listed it: a change that would stop people's stores from opening
/// fails here, not in a coordinator's office.
@Suite struct FixtureStoreTests {
    static let made = fixturesFolder + "/made-2026-11-28"

    /// A copy of the committed store (git keeps neither its modes nor its emptiness of LOCK).
    static func copy() throws -> (TemporaryFolder, String) {
        let scratch = TemporaryFolder()
        let store = scratch.root + "/store"
        try FileManager.default.copyItem(atPath: made + "/store", toPath: store)
        chmod(store, 0o700)
        for name in try FileManager.default.contentsOfDirectory(atPath: store) { chmod(store + "/" + name, 0o600) }
        return (scratch, store)
    }

    static func run(_ arguments: [String], store: String, scratch: TemporaryFolder, user: String = "viewer") -> (status: Int32, output: String, error: String) {
        let pp = passphraseFile(in: scratch, named: "pp", "demo")
        return runProcess([maracBinary] + arguments + ["--store", store, "--user", user],
                          environment: ["MARAC_PASSPHRASE_FILE": pp, "MARAC_TODAY": "2026-11-28"])
    }

    static func listed(_ name: String) throws -> String {
        try String(contentsOfFile: made + "/listed/" + name, encoding: .utf8)
    }

    @Test func itVerifiesAndListsAsTheCodeThatWroteItListedIt() throws {
        let (scratch, store) = try Self.copy()
        let verified = Self.run(["verify"], store: store, scratch: scratch)
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")
        #expect(verified.output.contains("4 records"))
        for kind in ["referrals", "cases", "meetings", "actions"] {
            let now = Self.run(["list", kind, "--format", "json"], store: store, scratch: scratch)
            #expect(now.status == 0, "\(now.error)")
            #expect(now.output == (try Self.listed(kind + ".json")), "marac list \(kind) differs from the committed listing")
        }
        let audit = Self.run(["audit"], store: store, scratch: scratch)
        #expect(audit.output == (try Self.listed("audit.txt")))
        #expect(audit.output.contains("exported case list"))
    }

    @Test func writingToItKeepsEveryRecordAndItStillVerifies() throws {
        let (scratch, store) = try Self.copy()
        let compacted = Self.run(["compact"], store: store, scratch: scratch, user: "coordinator")
        #expect(compacted.status == 0, "\(compacted.error)")
        let verified = Self.run(["verify"], store: store, scratch: scratch)
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")
        #expect(verified.output.contains("generation 2"))
        let header = try String(contentsOfFile: store + "/store.json", encoding: .utf8)
        #expect(header.contains("\"seal\" : \"marac-header-seal-v1\""), "the first writer sealed the header anew")
        for kind in ["referrals", "cases", "meetings", "actions"] {
            let now = Self.run(["list", kind, "--format", "json"], store: store, scratch: scratch)
            #expect(now.output == (try Self.listed(kind + ".json")), "marac list \(kind) differs after compacting")
        }
        // Every user still opens it: the rewritten header is sealed so that all of them verify it.
        for user in ["coordinator", "admin", "chair"] {
            #expect(Self.run(["verify"], store: store, scratch: scratch, user: user).status == 0)
        }
    }
}
