import Crypto
import Foundation
import MARACCore

/// Who is opening a store, and the passphrase that opens their key slot.
public struct Credentials: Sendable {
    public var user: String
    public var passphrase: [UInt8]

    public init(user: String, passphrase: [UInt8]) {
        self.user = user
        self.passphrase = passphrase
    }

    public init(user: String, passphrase: String) {
        self.init(user: user, passphrase: Array(passphrase.utf8))
    }
}

/// A user to give a key slot: name, role and first passphrase.
public struct NewUser: Sendable {
    public var name: String
    public var role: Role
    public var passphrase: [UInt8]

    public init(name: String, role: Role, passphrase: [UInt8]) {
        self.name = name
        self.role = role
        self.passphrase = passphrase
    }

    public init(name: String, role: Role, passphrase: String) {
        self.init(name: name, role: role, passphrase: Array(passphrase.utf8))
    }
}

/// A store folder: a snapshot of the folded state plus an append-only log of the changes made
/// since, every record sealed with the store's data key. One process writes (holding the
/// folder's lock); others may read and follow the log.
///
/// A change is acknowledged (``append(_:)`` returns) only after its record has been written
/// and flushed to the disk with fdatasync, so nothing acknowledged is lost by a crash.
public final class Store {
    public let path: String
    public private(set) var state: MARACState
    /// The sequence number of the last change folded into `state`.
    public private(set) var sequence: UInt64
    public private(set) var generation: UInt64
    /// The sequence the snapshot was written at; changes after it are in the log.
    public private(set) var snapshotSequence: UInt64
    public let access: Access
    /// The process's clock: when the store was created, a user added, the lock taken.
    public let clock: WallClock
    /// The signed-in user, with the role their key slot gives them.
    public let actor: Actor
    /// What opening found and repaired, to tell the user (a cut torn tail, say).
    public private(set) var notices: [String] = []
    /// Log size past which ``compactIfNeeded()`` writes a new snapshot.
    public var compactionThreshold: Int
    /// The hash of the last record (or the snapshot's), which the next record seals over.
    public private(set) var chainHead: [UInt8]

    public enum Access: Equatable, Sendable {
        case writer
        /// Read-only; `holder` is the writer that had the lock when the store was opened.
        case reader(holder: LockHolder?)
    }

    public enum OpenMode: Sendable {
        /// Write, waiting up to the given seconds for another writer; fail if it stays locked.
        case write(waitSeconds: Double)
        /// Write if the store is free, else open read-only and follow the writer.
        case writeOrFollow
        case readOnly
    }

    public var isWritable: Bool { access == .writer && failure == nil }
    /// How long opening took: deriving the key from the passphrase, then reading, decrypting
    /// and decoding the snapshot and replaying the log.
    public private(set) var openTimings = (unlockMilliseconds: 0.0, loadMilliseconds: 0.0)
    public private(set) var failure: String?
    /// Why the last automatic compaction failed, if it did (the store is intact either way).
    public private(set) var compactionFailure: String?
    public var logSize: Int { logEnd }

    var header: StoreHeader
    let keyring: Keyring
    private var lock: StoreLock?
    private var log: PosixFile?
    private var logEnd: Int
    private var logEpoch: Int
    private var logIdentity: (device: UInt64, inode: UInt64)?
    private var pendingRepair: PendingRepair?

    static let snapshotName = "snapshot.bin"
    static let logName = "log.bin"

    var snapshotPath: String { path + "/" + Self.snapshotName }
    var logPath: String { path + "/" + Self.logName }

    private init(path: String, access: Access, actor: Actor, header: StoreHeader, keyring: Keyring, loaded: Loaded, clock: WallClock) {
        self.path = path
        self.access = access
        self.clock = clock
        self.actor = actor
        self.header = header
        self.keyring = keyring
        self.state = loaded.state
        self.sequence = loaded.lastSequence
        self.generation = loaded.snapshot.generation
        self.snapshotSequence = loaded.snapshot.sequence
        self.logEnd = loaded.scan.goodEnd
        self.logEpoch = loaded.logEpoch
        self.chainHead = loaded.chainHead
        self.compactionThreshold = 8 << 20
    }

    deinit { close() }

    // MARK: - Creating

    /// Makes a new store in `path` (created 0700 if missing; it must not already hold a store)
    /// with its users' key slots, holding `state` as its first snapshot at `sequence`. The
    /// first user is the one signed in.
    public static func create(at path: String, state: MARACState = MARACState(), sequence: UInt64 = 0,
                              users: [NewUser], kdf: KDFParameters = .standard, clock: WallClock) throws(StoreError) -> Store {
        let dir = normalise(path)
        guard let first = users.first else { throw .refused("A store needs at least one user.") }
        if FileSystem.exists(dir + "/" + StoreHeader.fileName) { throw .alreadyExists(path: dir) }
        try FileSystem.makePrivateDirectory(dir)
        let lock = try StoreLock.acquire(in: dir, user: first.name, wait: 0, clock: clock)
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
            header.sign(with: keyring)
            let chain = Chain.start(storeID: keyring.storeID)
            try FileSystem.replaceAtomically(dir + "/" + snapshotName,
                                             with: SnapshotFormat.encode(payload: state.snapshotBytes(), generation: 1, sequence: sequence,
                                                                         chainHead: chain, epoch: 1, keyring: keyring))
            try FileSystem.replaceAtomically(dir + "/" + logName, with: LogFormat.header(generation: 1, epoch: 1))
            // The header goes last: a folder without it is not yet a store, and can be created again.
            try header.write(in: dir)
            let loaded = Loaded(state: state, snapshot: SnapshotFormat.Header(epoch: 1, generation: 1, sequence: sequence, payloadLength: 0,
                                                                              chunkCount: 0, salt: [], chainHead: chain, bytes: []),
                                logGeneration: 1, logEpoch: 1, logBytes: [],
                                scan: LogFormat.Scan(records: [], ending: .clean, goodEnd: LogFormat.headerSize),
                                lastSequence: sequence, chainHead: chain, replayed: 0)
            let store = Store(path: dir, access: .writer, actor: Actor(name: first.name, role: first.role), header: header,
                              keyring: keyring, loaded: loaded, clock: clock)
            store.lock = lock
            try store.openLogForAppend()
            return store
        } catch {
            lock.release()
            throw error
        }
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

    // MARK: - Opening

    /// Unlocks the user's key slot and opens the store. A wrong passphrase decrypts nothing.
    public static func open(at path: String, mode: OpenMode, credentials: Credentials, clock: WallClock) throws(StoreError) -> Store {
        let dir = normalise(path)
        let start = DispatchTime.now().uptimeNanoseconds
        let unlocked = try unlock(dir, credentials: credentials)
        let unlockedAt = DispatchTime.now().uptimeNanoseconds
        let store = try open(dir, mode: mode, unlocked: unlocked, user: credentials.user, clock: clock)
        store.openTimings = (Double(unlockedAt - start) / 1e6, Double(DispatchTime.now().uptimeNanoseconds - unlockedAt) / 1e6)
        return store
    }

    /// A key slot already opened: what unlocking gives.
    typealias Unlocked = (header: StoreHeader, keyring: Keyring, actor: Actor)

    static func open(_ dir: String, mode: OpenMode, unlocked: Unlocked, user: String, clock: WallClock) throws(StoreError) -> Store {
        let (header, keyring, actor) = unlocked
        var lock: StoreLock?
        var access = Access.writer
        switch mode {
        case .write(let wait):
            lock = try StoreLock.acquire(in: dir, user: user, wait: wait, clock: clock)
        case .writeOrFollow:
            do {
                lock = try StoreLock.acquire(in: dir, user: user, wait: 0, clock: clock)
            } catch .locked(_, let holder) {
                access = .reader(holder: holder)
            }
        case .readOnly:
            access = .reader(holder: StoreLock.isHeld(in: dir) ? StoreLock.holder(in: dir) : nil)
        }
        do throws(StoreError) {
            // With the lock held the header cannot change under us; read it again in case it did
            // before we took the lock.
            let current = lock == nil ? header : try StoreHeader.read(in: dir)
            if current != header { try refreshKeys(from: current, keyring: keyring, user: user, path: dir) }
            let store = try load(dir, access: access, actor: actor, header: current, keyring: keyring, clock: clock)
            store.lock = lock
            if access == .writer {
                try store.repairForWriting()
                try store.openLogForAppend()
            }
            return store
        } catch {
            lock?.release()
            throw error
        }
    }

    /// Opens the user's key slot: their private key, the data keys given to them, and a check
    /// that nobody without a key has changed the header.
    static func unlock(_ dir: String, credentials: Credentials) throws(StoreError) -> Unlocked {
        let header = try StoreHeader.read(in: dir)
        guard let slot = header.slot(for: credentials.user) else { throw .unknownUser(user: credentials.user, path: dir) }
        let privateKey = try slot.unlock(passphrase: credentials.passphrase, storeID: header.id, path: dir)
        let keys = try slot.dataKeys(using: privateKey, storeID: header.id, path: dir)
        let keyring = Keyring(storeID: header.idBytes, privateKey: privateKey, dataKeys: keys)
        guard keyring.hasKey(epoch: header.keyEpoch) else {
            throw .headerTampered(path: dir, reason: "\(credentials.user) holds no key for the current key epoch \(header.keyEpoch)")
        }
        try header.verify(with: keyring, path: dir)
        return (header, keyring, Actor(name: slot.user, role: slot.role))
    }

    /// Takes in data keys given to this user since they unlocked (after a rotation).
    static func refreshKeys(from header: StoreHeader, keyring: Keyring, user: String, path: String) throws(StoreError) {
        guard let slot = header.slot(for: user), let privateKey = keyring.privateKey else {
            throw .refused("\(user) no longer has a key slot in this store.")
        }
        for (epoch, key) in try slot.dataKeys(using: privateKey, storeID: header.id, path: path) { keyring.add(key, epoch: epoch) }
        try header.verify(with: keyring, path: path)
    }

    /// Reads snapshot and log. Readers retry briefly when they catch a writer between the two
    /// renames of a compaction.
    private static func load(_ dir: String, access: Access, actor: Actor, header: StoreHeader, keyring: Keyring,
                             clock: WallClock) throws(StoreError) -> Store {
        var attempts = 0
        var header = header
        while true {
            do throws(StoreError) {
                let loaded = try readFiles(dir, keyring: keyring)
                let store = Store(path: dir, access: access, actor: actor, header: header, keyring: keyring, loaded: loaded, clock: clock)
                store.pendingRepair = PendingRepair(logGeneration: loaded.logGeneration, logEpoch: loaded.logEpoch,
                                                    ending: loaded.scan.ending, logBytes: loaded.logBytes,
                                                    changes: loaded.replayedChanges)
                if case .incomplete(let offset, let count) = loaded.scan.ending, case .reader = access {
                    store.notices.append("The log ends with \(count) bytes at byte \(offset) that do not form a complete change "
                        + "(a change being written, or one cut short by a crash); they are not shown.")
                }
                if let logFile = try? PosixFile.open(store.logPath, .read) { store.logIdentity = try? logFile.identity }
                return store
            } catch {
                attempts += 1
                guard case .reader = access, attempts < 20 else { throw error }
                usleep(50_000)
                if let fresh = try? StoreHeader.read(in: dir), fresh != header {
                    try refreshKeys(from: fresh, keyring: keyring, user: actor.name, path: dir)
                    header = fresh
                }
            }
        }
    }

    /// The pieces of a store read from disk, before anything is repaired.
    struct Loaded {
        var state: MARACState
        var snapshot: SnapshotFormat.Header
        var logGeneration: UInt64
        var logEpoch: Int
        var logBytes: [UInt8]
        var scan: LogFormat.Scan
        var lastSequence: UInt64
        var chainHead: [UInt8]
        var replayed: Int
        /// The log's changes after the snapshot, decoded, with their sequence numbers.
        var replayedChanges: [(UInt64, Change)] = []
    }

    static func readFiles(_ dir: String, keyring: Keyring) throws(StoreError) -> Loaded {
        let snapshotPath = dir + "/" + snapshotName
        let logPath = dir + "/" + logName
        guard FileSystem.exists(snapshotPath) else {
            throw .corrupt(path: snapshotPath, offset: 0, reason: "the snapshot file is missing")
        }
        guard FileSystem.exists(logPath) else {
            throw .corrupt(path: logPath, offset: 0, reason: "the log file is missing; changes since the last snapshot may be lost")
        }
        let snapshotFile = try PosixFile.open(snapshotPath, .read)
        let snapshotHeader = try SnapshotFormat.header(of: try snapshotFile.read(at: 0, count: SnapshotFormat.headerSize), path: snapshotPath)
        // The log's records are checked, opened and decoded on another core while this one
        // reads the snapshot: on a large store the two take about as long as each other.
        let tail = LogTailReader(path: logPath, snapshot: snapshotHeader, keyring: keyring)
        tail.start()
        // The mapping is let go as soon as the payload is decrypted, before the decoding grows
        // the state: the peak memory of an opening is what the benchmark holds it to.
        let (snapshot, payload) = try { () throws(StoreError) in
            let mapped = try snapshotFile.map()
            return try SnapshotFormat.decode(mapped.bytes, path: snapshotPath, keyring: keyring)
        }()
        var state: MARACState
        do {
            state = try MARACState(snapshot: payload)
        } catch {
            throw .corrupt(path: snapshotPath, offset: SnapshotFormat.headerSize,
                           reason: "the snapshot's contents cannot be read (\(error))")
        }
        let log = try tail.result()
        for (_, change) in log.changes { state.apply(change) }
        let last = log.scan.records.last.map { max($0.sequence, snapshot.sequence) } ?? snapshot.sequence
        return Loaded(state: state, snapshot: snapshot, logGeneration: log.generation, logEpoch: log.epoch, logBytes: log.bytes,
                      scan: log.scan, lastSequence: last, chainHead: log.chainHead, replayed: log.changes.count,
                      replayedChanges: log.changes)
    }

    static func scanOldGeneration(_ bytes: [UInt8], snapshotSequence: UInt64, path: String) throws(StoreError) -> LogFormat.Scan {
        let first: UInt64 = bytes.withUnsafeBytes { raw in
            LogFormat.validRecord(raw, at: LogFormat.headerSize).map(\.0) ?? snapshotSequence + 1
        }
        guard first <= snapshotSequence + 1 else {
            throw .corrupt(path: path, offset: LogFormat.headerSize,
                           reason: "the log starts at record \(first), after the snapshot's \(snapshotSequence): records are missing")
        }
        return try LogFormat.scan(bytes, from: LogFormat.headerSize, firstSequence: first, path: path)
    }

    private struct PendingRepair {
        var logGeneration: UInt64
        var logEpoch: Int
        var ending: LogFormat.Ending
        var logBytes: [UInt8]
        var changes: [(UInt64, Change)]
    }

    /// What only a writer may do on opening: set a torn tail aside and cut it off, finish an
    /// interrupted compaction, remove temporary files left by a crash.
    private func repairForWriting() throws(StoreError) {
        for name in FileSystem.list(path) where name.hasSuffix(".tmp") {
            FileSystem.remove(path + "/" + name)
        }
        if header.seal == nil {
            // Sealed by an older marac over Foundation's JSON: sealed again over the defined bytes.
            header.sign(with: keyring)
            try header.write(in: path)
        }
        guard let repair = pendingRepair else { return }
        pendingRepair = nil
        if case .incomplete(let offset, let count) = repair.ending {
            let stamp = clock.now().iso8601.replacingOccurrences(of: ":", with: "")
            let aside = "\(logPath).torn-\(stamp)-at-\(offset)"
            try FileSystem.replaceAtomically(aside, with: Array(repair.logBytes[offset...]))
            let file = try PosixFile.open(logPath, .readWrite)
            try file.truncate(to: offset)
            try file.sync()
            file.close()
            notices.append("The last change in the log was incomplete (\(count) bytes at byte \(offset), cut short when "
                + "marac or the machine stopped while saving it). It was never acknowledged, so nothing saved is lost; "
                + "the bytes were kept in \(aside) (still encrypted).")
        }
        if repair.logGeneration != generation || repair.logEpoch != header.keyEpoch {
            // Finish an interrupted compaction: a log of this generation and key epoch holding
            // the changes the snapshot does not.
            try writeFreshLog(with: repair.changes)
            notices.append("A compaction had been interrupted; it was completed.")
        }
    }

    /// Replaces the log with one of the current generation and key epoch, holding `changes`
    /// re-sealed, chained from the snapshot's head.
    private func writeFreshLog(with changes: [(UInt64, Change)]) throws(StoreError) {
        var bytes = LogFormat.header(generation: generation, epoch: header.keyEpoch)
        var chain = snapshotChainHead
        for (seq, change) in changes {
            let (framed, next) = seal(change, sequence: seq, previous: chain, epoch: header.keyEpoch)
            bytes += framed
            chain = next
        }
        log?.close()
        try FileSystem.replaceAtomically(logPath, with: bytes)
        logEnd = bytes.count
        logEpoch = header.keyEpoch
        chainHead = chain
    }

    /// The chain head the snapshot was written with.
    private var snapshotChainHead: [UInt8] {
        (try? PosixFile.open(snapshotPath, .read).read(at: 0, count: SnapshotFormat.headerSize))
            .flatMap { try? SnapshotFormat.header(of: $0, path: snapshotPath).chainHead } ?? chainHead
    }

    private func openLogForAppend() throws(StoreError) {
        let file = try PosixFile.open(logPath, .append)
        let size = try file.size
        if size != logEnd {
            throw .corrupt(path: logPath, offset: logEnd, reason: "the log is \(size) bytes where \(logEnd) were expected")
        }
        log = file
        logIdentity = try file.identity
    }

    // MARK: - Writing

    /// A change as a framed, sealed record, and the chain head after it.
    private func seal(_ change: Change, sequence seq: UInt64, previous: [UInt8], epoch: Int) -> ([UInt8], [UInt8]) {
        let aad = LogFormat.additionalData(storeID: keyring.storeID, generation: generation, sequence: seq, previous: previous)
        let payload = keyring.seal(change.encoded(), key: keyring.recordKey(epoch: epoch), authenticating: aad)
        return (LogFormat.record(sequence: seq, payload: payload), Chain.next(previous, sequence: seq, payload: payload[...]))
    }

    /// Saves a change and folds it into the state. Returns only when the change is on the disk;
    /// on any failure the state is as it was and the log is cut back to its last good record.
    public func append(_ change: Change) throws(StoreError) {
        try append([change])
    }

    /// Saves several changes with one write and one flush (each still its own record, so each
    /// is all there or not there after a crash). For bulk work: imports, benchmarks.
    public func append(_ changes: [Change]) throws(StoreError) {
        guard !changes.isEmpty else { return }
        guard case .writer = access else { throw .readOnly(reason: readOnlyReason) }
        if let failure { throw .failed(reason: failure) }
        guard let log else { throw .failed(reason: "the log is not open") }
        var bytes: [UInt8] = []
        var next = sequence
        var chain = chainHead
        for change in changes {
            next += 1
            let (framed, head) = seal(change, sequence: next, previous: chain, epoch: logEpoch)
            bytes += framed
            chain = head
        }
        do throws(StoreError) {
            try log.writeAll(bytes)
            try log.syncData()
        } catch {
            undoPartialAppend(log, cause: error)
            throw error
        }
        logEnd += bytes.count
        sequence = next
        chainHead = chain
        for change in changes { state.apply(change) }
        // A writer that is never idle still compacts, once the log is well past the threshold.
        // The changes are already safe; a compaction that fails leaves the old files in place.
        if logEnd > compactionThreshold * 4 {
            do throws(StoreError) { try compact() } catch { compactionFailure = error.message }
        }
    }

    public var readOnlyReason: String {
        switch access {
        case .writer: return failure ?? "it is writable"
        case .reader(let holder?): return "\(holder.user) (process \(holder.pid)) has it open for writing since \(holder.since)"
        case .reader(nil): return "it was opened for reading only"
        }
    }

    /// After a failed write or flush: cut the log back to the last acknowledged record. If even
    /// that fails, stop taking changes: the file's end is no longer known.
    private func undoPartialAppend(_ log: PosixFile, cause: StoreError) {
        do throws(StoreError) {
            try log.truncate(to: logEnd)
            try log.syncData()
        } catch {
            failure = "a failed save could not be undone (\(error.message)); earlier changes are safe"
        }
        if case .io(let op, _, _) = cause, op == "flush" {
            // After a failed flush the kernel may have dropped the pages; trust nothing more.
            failure = failure ?? "the disk refused to flush (\(cause.message))"
        }
    }

    // MARK: - Compaction

    /// Writes the current state as a new snapshot and starts a new, empty log, so that opening
    /// replays little. Each file is replaced atomically; a crash between the two is finished on
    /// the next opening. When a user was removed, the data key is replaced first, so nothing in
    /// the store stays readable with the removed user's key.
    public func compact() throws(StoreError) {
        guard case .writer = access else { throw .readOnly(reason: readOnlyReason) }
        if let failure { throw .failed(reason: failure) }
        let rotating = header.rotationPending
        if rotating {
            let epoch = header.keyEpoch + 1
            let key = SymmetricKey(size: .bits256)
            for i in header.users.indices {
                do { try header.users[i].give(key, epoch: epoch, storeID: header.id) } catch {
                    throw .refused("Could not give the new data key to \(header.users[i].user): \(error)")
                }
            }
            keyring.add(key, epoch: epoch)
            header.keyEpoch = epoch
            header.sign(with: keyring)
            try header.write(in: path)
        }
        let next = generation + 1
        try FileSystem.replaceAtomically(snapshotPath,
                                         with: SnapshotFormat.encode(payload: state.snapshotBytes(), generation: next, sequence: sequence,
                                                                     chainHead: chainHead, epoch: header.keyEpoch, keyring: keyring))
        generation = next
        snapshotSequence = sequence
        log?.close()
        try FileSystem.replaceAtomically(logPath, with: LogFormat.header(generation: next, epoch: header.keyEpoch))
        logEnd = LogFormat.headerSize
        logEpoch = header.keyEpoch
        try openLogForAppend()
        if rotating {
            let current = header.keyEpoch
            for i in header.users.indices { header.users[i].dataKeys.removeAll { $0.epoch != current } }
            header.rotationPending = false
            header.sign(with: keyring)
            try header.write(in: path)
        }
    }

    /// Compacts when the log has grown past the threshold; true when it did.
    @discardableResult
    public func compactIfNeeded() throws(StoreError) -> Bool {
        guard isWritable, logEnd > compactionThreshold else { return false }
        try compact()
        return true
    }

    /// Removes the bytes set aside from torn tails: after a purge they may hold the purged data.
    public func removeSetAsideFiles() {
        for name in FileSystem.list(path) where name.hasPrefix(Self.logName + ".torn-") { FileSystem.remove(path + "/" + name) }
    }

    // MARK: - Following another writer

    /// For readers: folds in what the writer has saved since the last call, reloading from the
    /// snapshot when the writer compacted. Returns the number of changes folded in (or 1 after a
    /// reload). Incomplete records at the end are left for the next call.
    @discardableResult
    public func follow() throws(StoreError) -> Int {
        guard case .reader = access else { return 0 }
        guard let probe = try? PosixFile.open(logPath, .read) else { return 0 }
        defer { probe.close() }
        let identity = try probe.identity
        if let known = logIdentity, known != identity { return try reload() }
        let size = try probe.size
        if size < logEnd { return try reload() }
        guard size > logEnd else { return 0 }
        let bytes = try probe.read(at: logEnd, count: size - logEnd)
        let key = keyring.recordKey(epoch: logEpoch)
        var applied = 0
        var offset = 0
        while true {
            let found: (UInt64, Int)? = bytes.withUnsafeBytes { LogFormat.validRecord($0, at: offset) }
            guard let (seq, length) = found else { break }
            guard seq == sequence + 1 else {
                throw .corrupt(path: logPath, offset: logEnd, reason: "record sequence \(seq) where \(sequence + 1) was expected")
            }
            let start = offset + LogFormat.recordHeaderSize
            let payload = bytes[start..<start + length]
            let aad = LogFormat.additionalData(storeID: keyring.storeID, generation: generation, sequence: seq, previous: chainHead)
            guard let plain = keyring.open(payload, key: key, authenticating: aad) else {
                throw .corrupt(path: logPath, offset: logEnd, reason: "record \(seq) fails authentication")
            }
            let change: Change
            do { change = try plain.withUnsafeBytes { raw throws(BinaryDecodingError) in try Change.decode(raw) } } catch {
                throw .corrupt(path: logPath, offset: logEnd, reason: "record \(seq) cannot be read (\(error))")
            }
            state.apply(change)
            chainHead = Chain.next(chainHead, sequence: seq, payload: payload)
            sequence = seq
            logEnd += LogFormat.recordHeaderSize + length
            offset = start + length
            applied += 1
        }
        return applied
    }

    private func reload() throws(StoreError) -> Int {
        if let fresh = try? StoreHeader.read(in: path), fresh != header {
            try Store.refreshKeys(from: fresh, keyring: keyring, user: actor.name, path: path)
            header = fresh
        }
        let loaded = try Store.readFiles(path, keyring: keyring)
        state = loaded.state
        sequence = loaded.lastSequence
        generation = loaded.snapshot.generation
        snapshotSequence = loaded.snapshot.sequence
        logEnd = loaded.scan.goodEnd
        logEpoch = loaded.logEpoch
        chainHead = loaded.chainHead
        logIdentity = try? PosixFile.open(logPath, .read).identity
        return 1
    }

    /// The current holder of the write lock, for a reader's status line.
    public func currentWriter() -> LockHolder? {
        StoreLock.isHeld(in: path) ? StoreLock.holder(in: path) : nil
    }

    // MARK: - Closing

    public func close() {
        log?.close()
        log = nil
        lock?.release()
        lock = nil
    }

    static func normalise(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        if !p.hasPrefix("/") {
            p = FileManager.default.currentDirectoryPath + "/" + p
        }
        return p
    }
}
