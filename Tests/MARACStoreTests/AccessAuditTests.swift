import Foundation
import MARACCore
import Testing
@testable import MARACStore
import TestSupport

/// Who may open the store is kept in `store.json`, outside the log; every change to it also
/// leaves a line in the audit trail saying who changed whose access and when.
@Suite struct AccessAuditTests {
    static func accessLines(_ state: MARACState) -> [(AccessChange, Stamp)] {
        state.audit.compactMap { entry in
            if case .access(let change) = entry.kind { (change, entry.stamp) } else { nil }
        }
    }

    @Test func aNewStoreRecordsItsFirstUsers() throws {
        let folder = TemporaryFolder()
        let store = try StoreFixtures.create(at: folder.path, extra: [NewUser(name: "ada", role: .admin, passphrase: "x")])
        let lines = Self.accessLines(store.state)
        #expect(lines.map(\.0) == [AccessChange(kind: .added, user: "tester", role: .coordinator),
                                   AccessChange(kind: .added, user: "ada", role: .admin)])
        #expect(lines.allSatisfy { $0.1.actor == "tester" })
        #expect(store.sequence == 0, "folded into the first snapshot; the log starts empty")
        store.close()
    }

    @Test func addingChangingARoleChangingAPassphraseAndRemovingEachLeaveALine() throws {
        let folder = TemporaryFolder()
        let store = try StoreFixtures.create(at: folder.path)
        try store.addUser(NewUser(name: "eve", role: .viewer, passphrase: "eve's first passphrase"), kdf: .testing)
        try store.changeRole(of: "eve", to: .chair)
        try store.changePassphrase(to: Array("a new passphrase for tester".utf8), kdf: .testing)
        try store.removeUser("eve")
        try store.compact()
        store.close()
        let reopened = try StoreFixtures.open(folder.path, as: Credentials(user: "tester", passphrase: "a new passphrase for tester"))
        let lines = Self.accessLines(reopened.state).dropFirst()
        #expect(lines.map(\.0) == [AccessChange(kind: .added, user: "eve", role: .viewer),
                                   AccessChange(kind: .roleChanged, user: "eve", role: .chair, previousRole: .viewer),
                                   AccessChange(kind: .passphraseChanged, user: "tester", role: .coordinator),
                                   AccessChange(kind: .removed, user: "eve", role: .chair)])
        #expect(lines.allSatisfy { $0.1.actor == "tester" && $0.1.at == StoreFixtures.clock.now() })
        #expect(reopened.state.auditedAccess == ["tester": .coordinator])
        #expect(reopened.notices.isEmpty)
        reopened.close()
    }

    @Test func theLastCoordinatorKeepsTheRoleAndOnlyCoordinatorsChangeRoles() throws {
        let folder = TemporaryFolder()
        let store = try StoreFixtures.create(at: folder.path, extra: [NewUser(name: "ada", role: .admin, passphrase: "ada's passphrase")])
        #expect(throws: StoreError.refused("tester is the only coordinator; make another user coordinator first.")) {
            try store.changeRole(of: "tester", to: .viewer)
        }
        store.close()
        let admin = try StoreFixtures.open(folder.path, as: Credentials(user: "ada", passphrase: "ada's passphrase"))
        #expect {
            try admin.changeRole(of: "ada", to: .coordinator)
        } throws: { error in
            (error as? StoreError)?.message.contains("needs the coordinator role; you are signed in as admin") == true
        }
        admin.close()
    }

    @Test func accessChangedWithNoLineIsRecordedByTheNextWriter() throws {
        let folder = TemporaryFolder()
        let store = try StoreFixtures.create(at: folder.path)
        try store.addUser(NewUser(name: "eve", role: .viewer, passphrase: "eve's first passphrase"), kdf: .testing)
        store.close()
        // The log as it was before eve's line: store.json gives her access, the audit does not say so.
        let log = folder.bytes("log.bin")
        folder.write("log.bin", Array(log.prefix(LogFormat.headerSize)))
        let reopened = try StoreFixtures.open(folder.path)
        #expect(Self.accessLines(reopened.state).last?.0 == AccessChange(kind: .found, user: "eve", role: .viewer))
        #expect(reopened.state.auditedAccess == ["tester": .coordinator, "eve": .viewer])
        reopened.close()
    }
}

/// A stolen folder resists guessing: new slots cost scrypt N = 2^17, and a slot made at a lower
/// cost is raised when its user next opens the store for writing. Demo and test stores keep
/// their deliberately cheap cost.
@Suite struct PassphraseCostTests {
    @Test func aSlotMadeBelowTheStandardCostIsRaisedWhenItsUserNextWrites() throws {
        let folder = TemporaryFolder()
        try Store.create(at: folder.path, users: [StoreFixtures.tester], kdf: KDFParameters(logN: 13), clock: StoreFixtures.clock).close()
        let reader = try StoreFixtures.open(folder.path, .readOnly)
        reader.close()
        #expect(try StoreHeader.read(in: folder.path).slot(for: "tester")?.kdf.logN == 13, "a reader changes nothing")

        let writer = try StoreFixtures.open(folder.path)
        #expect(writer.notices.contains { $0.contains("2^17") && $0.contains("it took 2^13") && $0.contains("16 times slower") })
        writer.close()
        #expect(try StoreHeader.read(in: folder.path).slot(for: "tester")?.kdf == KDFParameters.standard)
        // The same passphrase opens it, and the header still verifies for everyone.
        let again = try StoreFixtures.open(folder.path)
        #expect(again.notices.isEmpty)
        again.close()
        #expect(try StoreFixtures.verify(folder.path).isIntact)
    }

    @Test func demoAndTestCostsAreKept() throws {
        #expect(!KDFParameters.demo.isBelowStandard && !KDFParameters.testing.isBelowStandard && !KDFParameters.standard.isBelowStandard)
        #expect(KDFParameters(logN: 15).isBelowStandard)
        #expect(KDFParameters.standard.logN >= 17, "OWASP's minimum for scrypt")
    }
}
