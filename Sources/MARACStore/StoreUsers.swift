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
    }

    /// Removes a user's key slot at once; the data key they could open is replaced at the next
    /// compaction (which `marac user remove` runs straight away; a writer opening the store
    /// finishes it if it was stopped first).
    ///
    /// - Parameter name: the user to remove: not yourself, not the last coordinator.
    /// - Throws: a refusal saying which of those it is; ``StoreError/unknownUser(user:path:)``.
    public func removeUser(_ name: String) throws(StoreError) {
        try requireCoordinatorWriter("Removing a user")
        guard let slot = header.slot(for: name) else { throw .unknownUser(user: name, path: path) }
        if slot.role == .coordinator && header.users.filter({ $0.role == .coordinator }).count == 1 {
            throw .refused("\(name) is the only coordinator; add another coordinator before removing them.")
        }
        guard name != actor.name else { throw .refused("You cannot remove yourself; ask another coordinator.") }
        header.users.removeAll { $0.user == name }
        header.rotationPending = true
        header.sign(with: keyring)
        try header.write(in: path, on: disk)
    }

    /// Seals the signed-in user's key under a new passphrase. Only their slot changes.
    public func changePassphrase(to passphrase: [UInt8], kdf: KDFParameters = .standard) throws(StoreError) {
        guard case .writer = access else { throw .readOnly(reason: readOnlyReason) }
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
