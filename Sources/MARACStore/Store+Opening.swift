import Crypto
import Foundation
import MARACCore

/// Opening a store: unlocking the user's key slot, taking the lock or not, reading the snapshot
/// and replaying the log after it.
extension Store {
    /// Unlocks the user's key slot and opens the store. A wrong passphrase decrypts nothing.
    /// A writer repairs what a crash left (a torn tail set aside, a compaction or a key
    /// rotation finished) and says so in ``notices``.
    ///
    /// - Parameters:
    ///   - path: the store folder.
    ///   - mode: write (waiting for another writer), write or follow, or read only.
    ///   - credentials: the user and their passphrase.
    ///   - clock: the process's clock.
    /// - Returns: the store, with its state folded.
    /// - Throws: ``StoreError/notAStore(path:reason:)``, ``StoreError/unknownUser(user:path:)``,
    ///   ``StoreError/wrongPassphrase(user:)``, ``StoreError/locked(path:holder:)`` (naming the
    ///   writer), ``StoreError/headerTampered(path:reason:)`` or
    ///   ``StoreError/corrupt(path:offset:reason:)``, each with a message a coordinator can act on.
    public static func open(at path: String, mode: OpenMode, credentials: Credentials, clock: WallClock) throws(StoreError) -> Store {
        try open(at: path, mode: mode, credentials: credentials, clock: clock, disk: SystemDisk.shared)
    }

    static func open(at path: String, mode: OpenMode, credentials: Credentials, clock: WallClock, disk: Disk) throws(StoreError) -> Store {
        try open(try unlock(at: path, credentials: credentials), mode: mode, clock: clock, disk: disk)
    }

    /// Opens the user's key slot, reading nothing but `store.json`: the screen then shows the
    /// opening summary (``UnlockedStore/openingSummary()``) while ``open(_:mode:clock:)`` reads
    /// the store.
    ///
    /// - Throws: as ``open(at:mode:credentials:clock:)`` does before it reads the data files.
    public static func unlock(at path: String, credentials: Credentials) throws(StoreError) -> UnlockedStore {
        let dir = normalise(path)
        let start = DispatchTime.now().uptimeNanoseconds
        let unlocked = try unlock(dir, credentials: credentials)
        return UnlockedStore(dir: dir, unlocked: unlocked, credentials: credentials,
                             unlockMilliseconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }

    /// Opens a store whose key slot is open: as ``open(at:mode:credentials:clock:)`` after its
    /// unlocking. It may run on another thread than the unlocking.
    public static func open(_ key: UnlockedStore, mode: OpenMode, clock: WallClock) throws(StoreError) -> Store {
        try open(key, mode: mode, clock: clock, disk: SystemDisk.shared)
    }

    static func open(_ key: UnlockedStore, mode: OpenMode, clock: WallClock, disk: Disk) throws(StoreError) -> Store {
        let start = DispatchTime.now().uptimeNanoseconds
        let store = try open(key.dir, mode: mode, unlocked: key.unlocked, user: key.credentials.user, clock: clock, disk: disk)
        try store.raisePassphraseCost(key.credentials.passphrase)
        store.openTimings = (key.unlockMilliseconds, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        return store
    }

    /// Whether `path` holds a store, read without a passphrase: asked before anyone is asked for
    /// theirs, so a first run is told to create a store, not asked for a passphrase first.
    ///
    /// - Throws: ``StoreError/notAStore(path:reason:)`` saying how to create one;
    ///   ``StoreError/headerTampered(path:reason:)`` for a damaged `store.json`.
    public static func checkIsStore(at path: String) throws(StoreError) {
        _ = try StoreHeader.read(in: normalise(path))
    }

    /// A key slot already opened: what unlocking gives.
    typealias Unlocked = (header: StoreHeader, keyring: Keyring, actor: Actor)

    static func open(_ dir: String, mode: OpenMode, unlocked: Unlocked, user: String, clock: WallClock,
                     disk: Disk) throws(StoreError) -> Store {
        let (header, keyring, actor) = unlocked
        var lock: StoreLock?
        var access = Access.writer
        switch mode {
        case .write(let wait):
            lock = try StoreLock.acquire(in: dir, user: user, wait: wait, clock: clock, disk: disk)
        case .writeOrFollow:
            do {
                lock = try StoreLock.acquire(in: dir, user: user, wait: 0, clock: clock, disk: disk)
            } catch .locked(_, let holder) {
                access = .reader(holder: holder)
            }
        case .shared(let wait):
            do {
                lock = try StoreLock.acquire(in: dir, user: user, wait: wait, clock: clock, disk: disk)
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
            let store = try load(dir, access: access, actor: actor, header: current, keyring: keyring, clock: clock, disk: disk)
            store.lock = lock
            if case .writeOrFollow = mode { store.mayTakeOver = true }
            if case .shared = mode { store.mayTakeOver = true; store.sharedMode = true }
            if access == .writer {
                try store.repairForWriting()
                try store.openLogForAppend()
                try store.finishPendingRotation()
                try store.auditAccess()
            }
            if case .shared(let wait) = mode, access == .writer {
                // Repaired under the lock; from here each change takes it for itself.
                store.lockPerChange = true
                store.lockWait = max(wait, 10)
                store.lock = nil
                lock?.release()
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

    /// Reads snapshot and log. Readers look again while a writer is changing the files.
    static func load(_ dir: String, access: Access, actor: Actor, header: StoreHeader, keyring: Keyring,
                             clock: WallClock, disk: Disk) throws(StoreError) -> Store {
        var header = header
        let loaded: Loaded
        if access == .writer {
            loaded = try readFiles(dir, keyring: keyring, recorded: header.recordedCompaction)
        } else {
            loaded = try readFilesAsReader(dir, keyring: keyring, header: &header, user: actor.name)
        }
        let store = Store(path: dir, access: access, actor: actor, header: header, keyring: keyring, loaded: loaded, clock: clock, disk: disk)
        // Only a writer repairs; a reader does not keep a second copy of the log.
        if access == .writer {
            store.pendingRepair = PendingRepair(logGeneration: loaded.logGeneration, logEpoch: loaded.logEpoch,
                                                ending: loaded.scan.ending, logBytes: loaded.logBytes,
                                                changes: loaded.replayedChanges)
        }
        store.logIdentity = loaded.logIdentity
        return store
    }

    /// For a process without the lock: reads the files, and when they disagree with each other
    /// or with `store.json`, looks again while a writer is changing them (between the renames
    /// of a compaction, say), taking in a header the writer rewrote. Damage stays as it is, and
    /// is told at once rather than after a second of tries.
    static func readFilesAsReader(_ dir: String, keyring: Keyring, header: inout StoreHeader, user: String) throws(StoreError) -> Loaded {
        var attempts = 0
        var stamps = fileStamps(dir)
        while true {
            do throws(StoreError) {
                let loaded = try readFiles(dir, keyring: keyring, recorded: header.recordedCompaction)
                // Bytes at the end that are not yet a whole change are a save in progress while
                // a writer holds the lock. With no writer they are a save cut short, or a log cut
                // short: what they held cannot be shown, so a reader does not answer as if the
                // store were whole. Opening it for writing sets them aside and says so.
                if case .incomplete(let offset, let count) = loaded.scan.ending, !StoreLock.isHeld(in: dir) {
                    throw StoreError.corrupt(path: dir + "/" + logName, offset: offset, reason: "the log ends with \(count) bytes that do not "
                        + "form a whole change, and no process is writing: a save cut short by a crash, or a log cut short. Opening "
                        + "the store for writing (the screen, or any command that changes it) sets them aside and says so")
                }
                return loaded
            } catch {
                attempts += 1
                guard attempts < 20 else { throw error }
                usleep(50_000)
                let fresh = try StoreHeader.read(in: dir)
                let now = fileStamps(dir)
                guard now != stamps || fresh != header else { throw error }
                stamps = now
                if fresh != header {
                    try refreshKeys(from: fresh, keyring: keyring, user: user, path: dir)
                    header = fresh
                }
            }
        }
    }

    /// Each data file's inode, size and change time: what a writer's save or compaction changes.
    static func fileStamps(_ dir: String) -> [Int] {
        [snapshotName, logName, StoreHeader.fileName].flatMap { name -> [Int] in
            var st = stat()
            guard stat(dir + "/" + name, &st) == 0 else { return [-1] }
            return [Int(st.st_ino), Int(st.st_size), st.st_ctim.tv_sec, st.st_ctim.tv_nsec]
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
        /// The log file that was read.
        var logIdentity: (device: UInt64, inode: UInt64)? = nil
    }

    /// - Parameter recorded: the compaction `store.json` records as finished; files from before
    ///   it are refused as a rollback (``checkAgainstRecord(_:snapshot:log:dir:)``).
    static func readFiles(_ dir: String, keyring: Keyring, recorded: StoreHeader.Compaction?) throws(StoreError) -> Loaded {
        let snapshotPath = dir + "/" + snapshotName
        let logPath = dir + "/" + logName
        guard FileSystem.exists(snapshotPath) else {
            throw .corrupt(path: snapshotPath, offset: 0, reason: "the snapshot file is missing")
        }
        guard FileSystem.exists(logPath) else {
            throw .corrupt(path: logPath, offset: 0, reason: "the log file is missing; changes since the last snapshot may be lost")
        }
        let snapshotFile = try PosixFile.openForReading(snapshotPath)
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
        try checkAgainstRecord(recorded, snapshot: snapshotHeader, log: log, dir: dir)
        for (_, change) in log.changes { state.apply(change) }
        let last = log.scan.records.last.map { max($0.sequence, snapshot.sequence) } ?? snapshot.sequence
        return Loaded(state: state, snapshot: snapshot, logGeneration: log.generation, logEpoch: log.epoch, logBytes: log.bytes,
                      scan: log.scan, lastSequence: last, chainHead: log.chainHead, replayed: log.changes.count,
                      replayedChanges: log.changes, logIdentity: log.identity)
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
}

/// A store's key slot opened with the user's passphrase, before its data files are read.
public struct UnlockedStore: @unchecked Sendable {
    let dir: String
    let unlocked: Store.Unlocked
    let credentials: Credentials
    let unlockMilliseconds: Double

    /// The signed-in user and their role.
    public var actor: Actor { unlocked.actor }
    public var path: String { dir }

    /// What the first screen shows, from the summary a writer left beside the store, when it was
    /// made from the log as it is now; nil when there is none that is (the screen then waits
    /// for the whole store).
    public func openingSummary() -> OpeningSummary? { Store.readOpeningSummary(dir, keyring: unlocked.keyring) }
}
