import Crypto
import Foundation
import MARACCore

/// Making a new store folder: its users' key slots, the first snapshot, an empty log, and the
/// header last, so a folder without a header is not yet a store.
extension Store {
    /// Makes a new store in `path` (created 0700 if missing; it must not already hold a store)
    /// with its users' key slots, holding `state` as its first snapshot at `sequence`. The
    /// first user is the one signed in.
    ///
    /// - Parameters:
    ///   - path: the store folder.
    ///   - state: what the first snapshot holds (empty for `marac init`).
    ///   - sequence: the number of changes `state` folds.
    ///   - users: at least one; each gets a key slot sealed with their passphrase.
    ///   - kdf: how passphrases are stretched (``KDFParameters/standard`` for real stores).
    ///   - clock: the process's clock, for the header's and the slots' dates.
    /// - Returns: the store, open for writing as the first user.
    /// - Throws: ``StoreError/alreadyExists(path:)`` when the folder holds a store; a refusal
    ///   naming a user whose name is not one; a disk error naming the file.
    public static func create(at path: String, state: MARACState = MARACState(), sequence: UInt64 = 0,
                              users: [NewUser], kdf: KDFParameters = .standard, clock: WallClock, group: gid_t? = nil) throws(StoreError) -> Store {
        try create(at: path, state: state, sequence: sequence, users: users, kdf: kdf, clock: clock, group: group, disk: SystemDisk.shared)
    }

    /// `group`: share the store with that Unix group from its first file (StoreSharing).
    static func create(at path: String, state: MARACState = MARACState(), sequence: UInt64 = 0, users: [NewUser],
                       kdf: KDFParameters = .standard, clock: WallClock, group: gid_t? = nil, disk: Disk) throws(StoreError) -> Store {
        let dir = normalise(path)
        guard let first = users.first else { throw .refused("A store needs at least one user.") }
        if FileSystem.exists(dir + "/" + StoreHeader.fileName) { throw .alreadyExists(path: dir) }
        try FileSystem.makePrivateDirectory(dir, on: disk)
        if let group { try StoreSharing.share(dir, group: group) }
        let lock = try StoreLock.acquire(in: dir, user: first.name, wait: 0, clock: clock, disk: disk)
        // Who was given access from the start is in the audit trail like every later change of
        // access: folded into the first snapshot, so the log starts empty.
        var state = state
        state.apply(initialAccess(users, clock: clock))
        do throws(StoreError) {
            var header = StoreHeader.new(created: clock.now())
            let dataKey = SymmetricKey(size: .bits256)
            var firstPrivate: Curve25519.KeyAgreement.PrivateKey?
            for user in users {
                try validateName(user.name, existing: header.users)
                do {
                    let (slot, privateKey) = try KeySlot.make(user: user.name, role: user.role, passphrase: user.passphrase, kdf: kdf,
                                                              storeID: header.id, dataKeys: [1: dataKey], added: clock.now())
                    header.users.append(slot)
                    if firstPrivate == nil { firstPrivate = privateKey }
                } catch {
                    throw .refused("Could not make a key slot for \(user.name): \(error)")
                }
            }
            let keyring = Keyring(storeID: header.idBytes, privateKey: firstPrivate, dataKeys: [1: dataKey])
            let chain = Chain.start(storeID: keyring.storeID)
            header.compaction = StoreHeader.Compaction(generation: 1, sequence: sequence, chainHead: Chain.hex(chain))
            header.sign(with: keyring)
            try FileSystem.replaceAtomically(dir + "/" + snapshotName,
                                             with: SnapshotFormat.encode(payload: state.snapshotBytes(), generation: 1, sequence: sequence,
                                                                         chainHead: chain, epoch: 1, keyring: keyring), on: disk)
            try FileSystem.replaceAtomically(dir + "/" + logName, with: LogFormat.header(generation: 1, epoch: 1), on: disk)
            // The header goes last: a folder without it is not yet a store, and can be created again.
            try header.write(in: dir, on: disk)
            let loaded = Loaded(state: state, snapshot: SnapshotFormat.Header(epoch: 1, generation: 1, sequence: sequence, payloadLength: 0,
                                                                              chunkCount: 0, salt: [], chainHead: chain, bytes: []),
                                logGeneration: 1, logEpoch: 1, logBytes: [],
                                scan: LogFormat.Scan(records: [], ending: .clean, goodEnd: LogFormat.headerSize),
                                lastSequence: sequence, chainHead: chain, replayed: 0)
            let store = Store(path: dir, access: .writer, actor: Actor(name: first.name, role: first.role), header: header,
                              keyring: keyring, loaded: loaded, clock: clock, disk: disk)
            store.lock = lock
            try store.openLogForAppend()
            return store
        } catch {
            lock.release()
            throw error
        }
    }

    /// The audit trail's first lines: each first user given access, by the first of them.
    static func initialAccess(_ users: [NewUser], clock: WallClock) -> Change {
        Change(stamp: Stamp(actor: users.first?.name ?? "", at: clock.now()), command: .changeAccess,
               events: users.map { .accessChanged(AccessChange(kind: .added, user: $0.name, role: $0.role)) })
    }

    /// A store made from a whole history: the changes are folded and saved as the snapshot.
    public static func create(at path: String, changes: [Change], users: [NewUser], kdf: KDFParameters = .standard,
                              clock: WallClock) throws(StoreError) -> Store {
        try create(at: path, state: MARACState.folding(changes), sequence: UInt64(changes.count), users: users, kdf: kdf, clock: clock)
    }

    static func validateName(_ name: String, existing: [KeySlot]) throws(StoreError) {
        guard !name.isEmpty, name.count <= 64,
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" }) else {
            throw .refused("\"\(name)\" is not a user name: use letters, digits, dots, dashes and underscores.")
        }
        guard !existing.contains(where: { $0.user == name }) else { throw .refused("There is already a user called \(name).") }
    }
}
