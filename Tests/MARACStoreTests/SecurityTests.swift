import Foundation
import MARACCore
import Testing
@testable import MARACStore
import TestSupport

/// Nobody reads a victim's address without a key, and nothing is changed unseen.
@Suite struct SecurityTests {
    static let leaver = NewUser(name: "leaver", role: .admin, passphrase: "leaver passphrase")

    @Test func aWrongPassphraseIsRefusedAndAnUnknownUserNamed() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.create(at: folder.path).close()
        #expect(throws: StoreError.wrongPassphrase(user: "tester")) {
            try Store.open(at: folder.path, mode: .readOnly, credentials: Credentials(user: "tester", passphrase: "guess"), clock: StoreFixtures.clock)
        }
        do {
            _ = try Store.open(at: folder.path, mode: .readOnly, credentials: Credentials(user: "mallory", passphrase: "x"), clock: StoreFixtures.clock)
            Issue.record("an unknown user opened the store")
        } catch {
            #expect(error.message.contains("no user called mallory"))
        }
    }

    /// Every piece of personal data the store holds, in the forms a search would try.
    static func personalData(in state: MARACState) -> Set<String> {
        var found = Set<String>()
        func add(_ p: Person) {
            if p.name.count >= 4 { found.insert(p.name) }
            if let a = p.address { found.insert(a.lines); found.insert(a.postcode) }
            if let phone = p.contact?.phone, !phone.isEmpty { found.insert(phone) }
            if let b = p.dateOfBirth { found.insert(b.iso); found.insert(b.british) }
        }
        for r in state.referrals {
            add(r.details.victim)
            r.details.perpetrators.forEach { add($0.person) }
            for c in r.details.children {
                if c.name.count >= 4 { found.insert(c.name) }
                if let b = c.dateOfBirth { found.insert(b.iso) }
            }
        }
        return found.filter { !$0.isEmpty }
    }

    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard n.count > 0, haystack.count >= n.count else { return false }
        var i = 0
        while i <= haystack.count - n.count {
            if haystack[i] == n[0] && Array(haystack[i..<i + n.count]) == n { return true }
            i += 1
        }
        return false
    }

    @Test func theStoresBytesHoldNoNameAddressOrDateOfBirth() throws {
        let folder = TemporaryFolder()
        let history = DemoGenerator(seed: 9, cases: 30, today: StoreFixtures.today).changes()
        // Most of the history in the snapshot, the rest in the log.
        let store = try StoreFixtures.create(at: folder.path, changes: Array(history.prefix(history.count - 300)))
        try store.append(Array(history.suffix(300)))
        let secrets = Self.personalData(in: store.state)
        store.close()
        #expect(secrets.count > 100)
        let files = folder.names().map { folder.bytes($0) }
        #expect(files.reduce(0) { $0 + $1.count } > 50_000)
        for secret in secrets.sorted() {
            for (name, bytes) in zip(folder.names(), files) {
                #expect(!Self.contains(bytes, secret), "\(name) holds \(secret)")
            }
        }
    }

    @Test func tamperingWithAnyByteOfARecordIsCaughtByItsSeal() throws {
        let folder = TemporaryFolder()
        let store = try StoreFixtures.create(at: folder.path)
        for n in 1...3 { try store.append(StoreFixtures.change(n)) }
        store.close()
        let original = folder.bytes("log.bin")
        let offsets = StoreFixtures.recordOffsets(original)
        let unlocked = try Store.unlock(folder.path, credentials: StoreFixtures.credentials)
        // Change the first record's payload a byte at a time, mending its checksum as someone
        // who knows the format would: the seal still catches it.
        let start = offsets[0] + LogFormat.recordHeaderSize
        for i in start..<offsets[1] {
            var log = original
            log[i] ^= 0x01
            Self.mendChecksum(&log, recordAt: offsets[0])
            folder.write("log.bin", log)
            do {
                _ = try Store.verify(folder.path, unlocked: unlocked)
                Issue.record("a changed byte at \(i) was not noticed")
            } catch {
                guard case .corrupt(_, let offset, let reason) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(offset == offsets[0])
                #expect(reason.contains("fails authentication"))
            }
        }
    }

    static func mendChecksum(_ log: inout [UInt8], recordAt at: Int) {
        let length = Int(log[at]) | Int(log[at + 1]) << 8 | Int(log[at + 2]) << 16 | Int(log[at + 3]) << 24
        var crc = CRC32C.checksum(log[at..<at + 4])
        crc = CRC32C.checksum(log[(at + 8)..<(at + 16 + length)], extending: crc)
        for k in 0..<4 { log[at + 4 + k] = UInt8(truncatingIfNeeded: crc >> (8 * k)) }
    }

    @Test func theHashChainShowsARemovedRecord() throws {
        let folder = TemporaryFolder()
        let store = try StoreFixtures.create(at: folder.path)
        for n in 1...4 { try store.append(StoreFixtures.change(n)) }
        store.close()
        let log = folder.bytes("log.bin")
        let offsets = StoreFixtures.recordOffsets(log)
        // Cut record 2 and renumber the ones after it, mending their checksums.
        var cut = Array(log[..<offsets[1]]) + Array(log[offsets[2]...])
        let removed = offsets[2] - offsets[1]
        for (i, at) in offsets.dropFirst(2).map({ $0 - removed }).enumerated() {
            let seq = UInt64(2 + i)
            for k in 0..<8 { cut[at + 8 + k] = UInt8(truncatingIfNeeded: seq >> (8 * UInt64(k))) }
            Self.mendChecksum(&cut, recordAt: at)
        }
        folder.write("log.bin", cut)
        do {
            _ = try StoreFixtures.verify(folder.path)
            Issue.record("a removed record went unnoticed")
        } catch {
            guard case .corrupt(_, let offset, let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(offset == offsets[1])
            #expect(reason.contains("chain"))
        }
    }

    @Test func changingARoleInTheHeaderIsRefused() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.create(at: folder.path, extra: [NewUser(name: "val", role: .viewer, passphrase: "viewer passphrase")]).close()
        let text = String(decoding: folder.bytes("store.json"), as: UTF8.self)
        #expect(text.contains("\"viewer\""))
        folder.write("store.json", Array(text.replacingOccurrences(of: "\"viewer\"", with: "\"coordinator\"").utf8))
        #expect(throws: StoreError.self) {
            try Store.open(at: folder.path, mode: .readOnly, credentials: Credentials(user: "val", passphrase: "viewer passphrase"), clock: StoreFixtures.clock)
        }
        do {
            _ = try Store.open(at: folder.path, mode: .readOnly, credentials: Credentials(user: "val", passphrase: "viewer passphrase"), clock: StoreFixtures.clock)
        } catch {
            #expect(error.message.contains("has been altered"))
        }
    }

    @Test func usersCarryTheirRolesIntoTheStore() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.create(at: folder.path, extra: [NewUser(name: "chris", role: .chair, passphrase: "chair passphrase")]).close()
        let store = try Store.open(at: folder.path, mode: .readOnly, credentials: Credentials(user: "chris", passphrase: "chair passphrase"), clock: StoreFixtures.clock)
        #expect(store.actor == Actor(name: "chris", role: .chair))
        #expect(store.users.map(\.name) == ["tester", "chris"])
    }

    @Test func removingAUserReplacesTheDataKeySoTheirOldKeyOpensNothing() throws {
        let folder = TemporaryFolder()
        let store = try StoreFixtures.create(at: folder.path, changes: StoreFixtures.demoChanges(cases: 3), extra: [Self.leaver])
        store.close()
        // What the leaver could keep: their opened keys as of today.
        let leaverKeys = try Store.unlock(folder.path, credentials: Credentials(user: "leaver", passphrase: "leaver passphrase"))
        let admin = try StoreFixtures.open(folder.path)
        try admin.removeUser("leaver")
        #expect(admin.rotationPending)
        try admin.compact()
        #expect(!admin.rotationPending)
        #expect(admin.keyEpoch == 2)
        try admin.append(StoreFixtures.change(1))
        let expected = admin.state
        admin.close()
        #expect(throws: StoreError.unknownUser(user: "leaver", path: folder.path)) {
            try Store.open(at: folder.path, mode: .readOnly, credentials: Credentials(user: "leaver", passphrase: "leaver passphrase"), clock: StoreFixtures.clock)
        }
        // Their old keys open neither the new snapshot nor the new log.
        #expect(throws: StoreError.self) { try Store.readFiles(folder.path, keyring: leaverKeys.keyring, recorded: nil) }
        let header = try StoreHeader.read(in: folder.path)
        #expect(header.users.allSatisfy { $0.dataKeys.map(\.epoch) == [2] })
        // Everyone else still opens it.
        #expect(try StoreFixtures.open(folder.path, .readOnly).state == expected)
    }

    @Test func changingAPassphraseRewritesOnlyThatUsersSlot() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.create(at: folder.path, extra: [Self.leaver]).close()
        let before = try StoreHeader.read(in: folder.path)
        let store = try StoreFixtures.open(folder.path)
        try store.changePassphrase(to: Array("a new long passphrase".utf8), kdf: .testing)
        store.close()
        let after = try StoreHeader.read(in: folder.path)
        #expect(after.slot(for: "leaver") == before.slot(for: "leaver"))
        #expect(after.slot(for: "tester") != before.slot(for: "tester"))
        #expect(after.slot(for: "tester")?.publicKey == before.slot(for: "tester")?.publicKey)
        #expect(throws: StoreError.wrongPassphrase(user: "tester")) { try StoreFixtures.open(folder.path, .readOnly) }
        #expect(try Store.open(at: folder.path, mode: .readOnly, credentials: Credentials(user: "tester", passphrase: "a new long passphrase"), clock: StoreFixtures.clock).actor.name == "tester")
    }

    @Test func onlyCoordinatorsAddAndRemoveUsers() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.create(at: folder.path, extra: [Self.leaver]).close()
        let admin = try Store.open(at: folder.path, mode: .write(waitSeconds: 0), credentials: Credentials(user: "leaver", passphrase: "leaver passphrase"), clock: StoreFixtures.clock)
        do {
            try admin.addUser(NewUser(name: "eve", role: .coordinator, passphrase: "whatever passphrase"), kdf: .testing)
            Issue.record("an admin added a user")
        } catch {
            #expect(error.message.contains("needs the coordinator role"))
        }
        admin.close()
        let coordinator = try StoreFixtures.open(folder.path)
        #expect(throws: StoreError.self) { try coordinator.removeUser("tester") }
        try coordinator.addUser(NewUser(name: "eve", role: .viewer, passphrase: "viewer passphrase"), kdf: .testing)
        #expect(coordinator.users.map(\.name) == ["tester", "leaver", "eve"])
    }

    /// The plaintext of every sealed byte in the store: snapshot and log.
    static func plaintext(of folder: TemporaryFolder) throws -> [UInt8] {
        let unlocked = try Store.unlock(folder.path, credentials: StoreFixtures.credentials)
        let (_, payload) = try SnapshotFormat.decode(folder.bytes("snapshot.bin"), path: "snapshot", keyring: unlocked.keyring)
        let loaded = try Store.readFiles(folder.path, keyring: unlocked.keyring, recorded: unlocked.header.recordedCompaction)
        return payload + loaded.replayedChanges.flatMap { $0.1.encoded() }
    }

    @Test func aPurgedCasesPersonalDataIsGoneFromEveryFile() throws {
        let folder = TemporaryFolder()
        let store = try StoreFixtures.create(at: folder.path, changes: StoreFixtures.demoChanges(cases: 12))
        let target = store.state.cases.first { $0.status == .heard && store.state.referral(of: $0)!.details.children.count > 0 }!
        let details = store.state.referral(of: target)!.details
        var secrets = [details.victim.name, details.reference] + details.perpetrators.map(\.person.name) + details.children.map(\.name)
        if let a = details.victim.address { secrets.append(a.lines) }
        secrets.append(details.summary)
        // An export and a view of it, for the audit trail.
        let context = DecisionContext(actor: store.actor, now: Instant.noon(of: StoreFixtures.today), today: StoreFixtures.today)
        try store.append(try store.state.change(for: .recordCaseViewed(target.id), context: context))
        try store.append(try store.state.change(for: .recordExport(what: "case list", cases: [target.id]), context: context))
        #expect(try secrets.allSatisfy { Self.contains(try Self.plaintext(of: folder), $0) }, "the data is there before")
        try store.append(try store.state.change(for: .purgeCase(target.id), context: context))
        try store.compact()
        store.removeSetAsideFiles()
        store.close()
        let after = try Self.plaintext(of: folder)
        for secret in secrets where !secret.isEmpty {
            #expect(!Self.contains(after, secret), "\(secret) survived the purge")
        }
        let reopened = try StoreFixtures.open(folder.path, .readOnly)
        #expect(reopened.state.case(target.id)?.purgedOn == StoreFixtures.today)
        #expect(reopened.state.referral(of: reopened.state.case(target.id)!)?.details.victim.dateOfBirth == nil)
        // The audit trail keeps the view, the export and the destruction, without the data.
        let kinds = reopened.state.audit.filter { $0.caseIDs.contains(target.id) }.map(\.kind)
        #expect(kinds.contains(.caseViewed(target.id)))
        #expect(kinds.contains(.exported(what: "case list", cases: [target.id])))
        #expect(kinds.contains(.purged(target.id)))
        // Other cases keep their data.
        let other = reopened.state.cases.first { $0.id != target.id }!
        #expect(Self.contains(after, reopened.state.referral(of: other)!.details.victim.name))
    }
}
