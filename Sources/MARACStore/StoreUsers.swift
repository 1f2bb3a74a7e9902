import Crypto
import Foundation
import MARACCore

/// Named users and their key slots. Changing them rewrites `store.json` atomically and needs the
/// write lock; adding and removing users is for coordinators.
extension Store {
    /// The users and their roles, as the header lists them.
    public var users: [(name: String, role: Role, added: String)] {
        header.users.map { ($0.user, $0.role, $0.added) }
    }

    /// Whether a removed user's key is still the data key (until the next compaction).
    public var rotationPending: Bool { header.rotationPending }

    public var keyEpoch: Int { header.keyEpoch }

    private func requireCoordinatorWriter(_ what: String) throws(StoreError) {
        guard case .writer = access else { throw .readOnly(reason: readOnlyReason) }
        guard actor.role == .coordinator else {
            throw .refused("\(what) needs the coordinator role; you are signed in as \(actor.role.rawValue).")
        }
    }

    /// Gives a new user a key slot, sealed with their passphrase.
    ///
    /// - Parameters:
    ///   - user: their name, role and first passphrase.
    ///   - kdf: how the passphrase is stretched.
    /// - Throws: a refusal when the signed-in user is not a coordinator or the name is taken.
    public func addUser(_ user: NewUser, kdf: KDFParameters = .standard) throws(StoreError) {
        try requireCoordinatorWriter("Adding a user")
        let taken = try takeLockForChange()
        defer { releaseLockForChange(taken) }
        try Self.validateName(user.name, existing: header.users)
        var keys: [Int: SymmetricKey] = [:]
        for epoch in Set(header.users.flatMap { $0.dataKeys.map(\.epoch) }) where keyring.hasKey(epoch: epoch) {
            keys[epoch] = keyring.dataKeys[epoch]
        }
        do {
            let (slot, _) = try KeySlot.make(user: user.name, role: user.role, passphrase: user.passphrase, kdf: kdf,
                                             storeID: header.id, dataKeys: keys, added: clock.now())
            header.users.append(slot)
        } catch {
            throw .refused("Could not make a key slot for \(user.name): \(error)")
        }
        header.sign(with: keyring)
        try header.write(in: path, on: disk)
        recordAccess([AccessChange(kind: .added, user: user.name, role: user.role)])
    }

    /// Gives a user another role. Their key slot is unchanged; the role it carries is sealed
    /// into `store.json` with the rest.
    ///
    /// - Throws: a refusal when the signed-in user is not a coordinator, or when it would leave
    ///   the store without a coordinator; ``StoreError/unknownUser(user:path:)``.
    public func changeRole(of name: String, to role: Role) throws(StoreError) {
        try requireCoordinatorWriter("Changing a user's role")
        let taken = try takeLockForChange()
        defer { releaseLockForChange(taken) }
        guard let i = header.users.firstIndex(where: { $0.user == name }) else { throw .unknownUser(user: name, path: path) }
        let before = header.users[i].role
        guard before != role else { throw .refused("\(name) is already \(role.rawValue); nothing was changed.") }
        if before == .coordinator && header.users.filter({ $0.role == .coordinator }).count == 1 {
            throw .refused("\(name) is the only coordinator; make another user coordinator first.")
        }
        header.users[i].role = role
        header.sign(with: keyring)
        try header.write(in: path, on: disk)
        recordAccess([AccessChange(kind: .roleChanged, user: name, role: role, previousRole: before)])
    }

    /// Removes a user's key slot at once; the data key they could open is replaced at the next
    /// compaction (which `marac user remove` runs straight away; a writer opening the store
    /// finishes it if it was stopped first).
    ///
    /// - Parameter name: the user to remove: not yourself, not the last coordinator.
    /// - Throws: a refusal saying which of those it is; ``StoreError/unknownUser(user:path:)``.
    public func removeUser(_ name: String) throws(StoreError) {
        try requireCoordinatorWriter("Removing a user")
        let taken = try takeLockForChange()
        defer { releaseLockForChange(taken) }
        guard let slot = header.slot(for: name) else { throw .unknownUser(user: name, path: path) }
        if slot.role == .coordinator && header.users.filter({ $0.role == .coordinator }).count == 1 {
            throw .refused("\(name) is the only coordinator; add another coordinator before removing them.")
        }
        guard name != actor.name else { throw .refused("You cannot remove yourself; ask another coordinator.") }
        header.users.removeAll { $0.user == name }
        header.rotationPending = true
        header.sign(with: keyring)
        try header.write(in: path, on: disk)
        recordAccess([AccessChange(kind: .removed, user: name, role: slot.role)])
    }

    /// Seals the signed-in user's key under a new passphrase. Only their slot changes.
    public func changePassphrase(to passphrase: [UInt8], kdf: KDFParameters = .standard) throws(StoreError) {
        guard case .writer = access else { throw .readOnly(reason: readOnlyReason) }
        let taken = try takeLockForChange()
        defer { releaseLockForChange(taken) }
        guard let i = header.users.firstIndex(where: { $0.user == actor.name }), let privateKey = keyring.privateKey else {
            throw .unknownUser(user: actor.name, path: path)
        }
        do {
            try header.users[i].rekey(privateKey: privateKey, passphrase: passphrase, kdf: kdf, storeID: header.id)
        } catch {
            throw .refused("Could not seal the key under the new passphrase: \(error)")
        }
        header.sign(with: keyring)
        try header.write(in: path, on: disk)
        recordAccess([AccessChange(kind: .passphraseChanged, user: actor.name, role: header.users[i].role)])
    }

    /// Saves the lines saying who changed whose access, once `store.json` holds the change. A
    /// line that cannot be saved (a full disk) is not lost: opening for writing finds
    /// `store.json` and the audit trail disagreeing and records the difference
    /// (``auditAccess()``); the user is told so.
    func recordAccess(_ changes: [AccessChange]) {
        do throws(StoreError) {
            try append(Change(stamp: Stamp(actor: actor.name, at: clock.now()), command: .changeAccess,
                              events: changes.map { .accessChanged($0) }))
        } catch {
            notices.append("The change of access was made, but its line in the audit trail could not be saved (\(error.message)). "
                + "It is recorded the next time the store is opened for writing.")
        }
    }

    /// On opening for writing: any difference between who `store.json` gives access and what
    /// the audit trail's access lines say is recorded, so no change of access goes unrecorded.
    /// The first time (a store from before access was audited) this records every user.
    func auditAccess() throws(StoreError) {
        let audited = state.auditedAccess
        var changes: [AccessChange] = []
        for slot in header.users where audited[slot.user] != slot.role {
            changes.append(AccessChange(kind: .found, user: slot.user, role: slot.role, previousRole: audited[slot.user]))
        }
        let current = Set(header.users.map(\.user))
        for (name, role) in audited.sorted(by: { $0.key < $1.key }) where !current.contains(name) {
            changes.append(AccessChange(kind: .foundRemoved, user: name, role: role))
        }
        guard !changes.isEmpty else { return }
        try append(Change(stamp: Stamp(actor: actor.name, at: clock.now()), command: .changeAccess,
                          events: changes.map { .accessChanged($0) }))
    }
}

extension Store {
    /// Seals the signed-in user's key again at the standard cost when their slot was made at a
    /// lower one: the passphrase is at hand only now, as they open the store. Only a writer
    /// does it; the user is told in ``notices``.
    func raisePassphraseCost(_ passphrase: [UInt8]) throws(StoreError) {
        guard isWritable, let slot = header.slot(for: actor.name), slot.kdf.isBelowStandard else { return }
        let taken = try takeLockForChange()
        defer { releaseLockForChange(taken) }
        // Looked up again under the lock: another writer may have changed store.json.
        guard let i = header.users.firstIndex(where: { $0.user == actor.name }), header.users[i].kdf.isBelowStandard,
              let privateKey = keyring.privateKey else { return }
        let before = header.users[i].kdf.logN
        do {
            try header.users[i].rekey(privateKey: privateKey, passphrase: passphrase, kdf: .standard, storeID: header.id)
        } catch {
            throw .refused("Could not seal the key of \(actor.name) at the higher cost: \(error)")
        }
        header.sign(with: keyring)
        try header.write(in: path, on: disk)
        notices.append("The passphrase of \(actor.name) now takes scrypt N = 2^\(KDFParameters.standard.logN) to check (it took "
            + "2^\(before)), so a stolen copy of the store is \(1 << (KDFParameters.standard.logN - before)) times slower to guess at.")
    }
}

extension Store {
    /// True when the passphrase opens the signed-in user's key slot: how a locked screen is
    /// unlocked again. Costs one key derivation.
    public func checkPassphrase(_ passphrase: [UInt8]) -> Bool {
        guard let slot = header.slot(for: actor.name) else { return false }
        return (try? slot.unlock(passphrase: passphrase, storeID: header.id, path: path)) != nil
    }
}
