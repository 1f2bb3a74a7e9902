#if canImport(Glibc)
import Glibc
#endif
import MARACCore

/// A lock per change, not per screen (as SQLite locks per transaction, not per connection):
/// a store opened ``OpenMode/shared(waitSeconds:)`` takes the folder's lock for each change,
/// takes in what other writers saved since it last looked, decides the change against that
/// latest state, appends and flushes it, and lets the lock go. The lock is held for
/// milliseconds, so the admin's screen, the coordinator's and a command all write to one store.
///
/// Killed at any step, a writer loses nothing acknowledged: the kernel drops its lock; a record
/// it was writing is a torn tail, which the next writer sets aside under the lock; a compaction
/// it was making is finished by the next writer, as on opening (Docs/storage-format.md).
extension Store {
    /// What a save found others had saved since this store last looked, for a screen to say.
    public struct Meanwhile: Sendable {
        /// The journal entries other writers added, oldest first.
        public var others: [ChangeJournal.Entry]
        public var isEmpty: Bool { others.isEmpty }
    }

    /// Takes the lock for one change (or a compaction, a change of users) unless this store
    /// already holds it, and takes in everything other writers saved.
    ///
    /// - Returns: the lock to let go after the change, or nil when it was already held.
    func takeLockForChange() throws(StoreError) -> StoreLock? {
        guard lockPerChange, lock == nil else { return nil }
        let taken = try StoreLock.acquire(in: path, user: actor.name, wait: lockWait, clock: clock, disk: disk, announce: false)
        lock = taken
        do throws(StoreError) {
            try catchUp()
        } catch {
            lock = nil
            taken.release()
            throw error
        }
        return taken
    }

    /// From now on, takes the lock for each change only (a store just created, opened on the
    /// screen as every screen is).
    public func lockForEachChange() {
        guard case .writer = access, !lockPerChange else { return }
        lockPerChange = true
        sharedMode = true
        mayTakeOver = true
        lock?.release()
        lock = nil
    }

    func releaseLockForChange(_ taken: StoreLock?) {
        guard let taken else { return }
        lock = nil
        taken.release()
    }

    /// Under the lock: takes in a header another writer rewrote (a user added, keys rotated),
    /// a compaction it made (a new log: read again from the files), the records it appended,
    /// and sets aside the unfinished record of a writer that was killed (nobody else is writing
    /// while this one holds the lock).
    func catchUp() throws(StoreError) {
        try takeInHeader()
        guard let log = logOnDisk() else {
            throw .corrupt(path: logPath, offset: 0, reason: "the log file is missing; changes since the last snapshot may be lost")
        }
        var reread = log.replaced
        if !reread && log.size > logEnd {
            let probe = try PosixFile.openForReading(logPath)
            defer { probe.close() }
            reread = try foldNewRecords(from: probe, size: log.size).incomplete
        }
        if reread { try readAgainAsWriter() }
    }

    /// Reads store.json again if it changed on disk since this store last read it, and takes in
    /// the keys of a header another writer rewrote.
    func takeInHeader() throws(StoreError) {
        let stamp = FileStamp(of: path + "/" + StoreHeader.fileName)
        guard stamp == nil || stamp != headerStamp else { return }
        let fresh = try StoreHeader.read(in: path)
        if fresh != header {
            try Store.refreshKeys(from: fresh, keyring: keyring, user: actor.name, path: path)
            header = fresh
        }
        headerStamp = stamp
    }

    /// The log file's size, and whether it is another file than the one this store has read
    /// (another writer compacted) or shorter than what was read; nil when it is missing.
    func logOnDisk() -> (size: Int, replaced: Bool)? {
        var st = stat()
        guard stat(logPath, &st) == 0 else { return nil }
        let identity = (UInt64(st.st_dev), UInt64(st.st_ino))
        let size = Int(st.st_size)
        return (size, logIdentity.map { $0 != identity } ?? true || size < logEnd)
    }

    /// Reads the files again under the lock and repairs what a writer repairs on opening: after
    /// another writer compacted or rotated the keys, or was killed part way through a change.
    func readAgainAsWriter() throws(StoreError) {
        let loaded = try Store.readFiles(path, keyring: keyring, recorded: header.recordedCompaction)
        log?.close()
        log = nil
        adopt(loaded)
        pendingRepair = PendingRepair(logGeneration: loaded.logGeneration, logEpoch: loaded.logEpoch, ending: loaded.scan.ending,
                                      logBytes: loaded.logBytes, changes: loaded.replayedChanges)
        try repairForWriting()
        try openLogForAppend()
        try finishPendingRotation()
    }

    /// Decides a change against the latest state and saves it, under the lock: what a screen or
    /// a command does to save a change when others may be writing too.
    ///
    /// - Parameter decide: the command decided against the state as it is now, others' changes
    ///   included; a refusal it throws is thrown as it is, nothing saved.
    /// - Returns: the change saved, and what others saved since this store last looked.
    public func save(deciding decide: (MARACState) throws -> Change) throws -> (change: Change, meanwhile: Meanwhile) {
        guard case .writer = access else { throw StoreError.readOnly(reason: readOnlyReason) }
        if let failure { throw StoreError.failed(reason: failure) }
        let seenJournal = state.journal.count
        let taken = try takeLockForChange()
        defer { releaseLockForChange(taken) }
        let meanwhile = Meanwhile(others: (seenJournal..<state.journal.count).map { state.journal[$0] })
        let change: Change
        do {
            change = try decide(state)
        } catch {
            throw Refusal(underlying: error, meanwhile: meanwhile)
        }
        try append([change])
        return (change, meanwhile)
    }

    /// A command the latest state refused, with what others had saved since this store last
    /// looked: why a form that was right when opened is refused now.
    public struct Refusal: Error, CustomStringConvertible {
        public var underlying: Error
        public var meanwhile: Meanwhile
        public var description: String { String(describing: underlying) }
    }

    /// For a screen between its own changes: takes in what others saved. New records are read
    /// without the lock; a new log (another writer compacted) or an unfinished record left
    /// with nobody writing is read again under it, when it is free.
    func followAsSharedWriter() throws(StoreError) -> Int {
        let before = sequence
        guard let log = logOnDisk() else { return 0 }
        var reread = log.replaced
        var applied = 0
        if !reread && log.size > logEnd {
            let probe = try PosixFile.openForReading(logPath)
            defer { probe.close() }
            let folded = try foldNewRecords(from: probe, size: log.size)
            applied = folded.applied
            // An unfinished record with nobody writing is a writer killed mid-save.
            reread = folded.incomplete && !StoreLock.isHeld(in: path)
        }
        if !reread, let stamp = FileStamp(of: path + "/" + StoreHeader.fileName), stamp != headerStamp {
            reread = (try? StoreHeader.read(in: path)) != header
            if !reread { headerStamp = stamp }
        }
        guard reread else { return applied }
        let free: StoreLock
        do {
            free = try StoreLock.acquire(in: path, user: actor.name, wait: 0, clock: clock, disk: disk, announce: false)
        } catch {
            if case .locked = error { return applied }  // another writer is busy: next time
            throw error
        }
        lock = free
        defer { releaseLockForChange(free) }
        try catchUp()
        return Int(sequence - before) + (sequence == before ? 1 : 0)
    }
}

/// What identifies a file's contents without reading it: its inode, size and change time. A
/// file replaced by rename (as store.json is) gets a new inode.
struct FileStamp: Equatable {
    var inode: UInt64
    var size: Int64
    var changed: Int64

    init?(of path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        changed = Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
    }
}
