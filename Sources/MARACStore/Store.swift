import Foundation
import MARACCore

/// A store folder: a snapshot of the folded state plus an append-only log of the changes made
/// since. One process writes (holding the folder's lock); others may read and follow the log.
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
    /// What opening found and repaired, to tell the user (a cut torn tail, say).
    public private(set) var notices: [String] = []
    /// Log size past which ``compactIfNeeded()`` writes a new snapshot.
    public var compactionThreshold: Int

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
    public private(set) var failure: String?
    public var logSize: Int { logEnd }

    private var lock: StoreLock?
    private var log: PosixFile?
    private var logEnd: Int
    private var logIdentity: (device: UInt64, inode: UInt64)?

    static let snapshotName = "snapshot.bin"
    static let logName = "log.bin"

    var snapshotPath: String { path + "/" + Self.snapshotName }
    var logPath: String { path + "/" + Self.logName }

    private init(path: String, access: Access, state: MARACState, sequence: UInt64, generation: UInt64,
                 snapshotSequence: UInt64, logEnd: Int) {
        self.path = path
        self.access = access
        self.state = state
        self.sequence = sequence
        self.generation = generation
        self.snapshotSequence = snapshotSequence
        self.logEnd = logEnd
        self.compactionThreshold = 8 << 20
    }

    deinit { close() }

    // MARK: - Creating

    /// Makes a new store in `path` (created 0700 if missing; it must not already hold a store),
    /// holding `state` as its first snapshot at sequence `sequence`.
    public static func create(at path: String, state: MARACState = MARACState(), sequence: UInt64 = 0,
                              user: String) throws(StoreError) -> Store {
        let dir = normalise(path)
        if FileSystem.exists(dir + "/" + StoreManifest.fileName) { throw .alreadyExists(path: dir) }
        try FileSystem.makePrivateDirectory(dir)
        let lock = try StoreLock.acquire(in: dir, user: user, wait: 0)
        do throws(StoreError) {
            try FileSystem.replaceAtomically(dir + "/" + snapshotName,
                                             with: SnapshotFormat.encode(payload: state.snapshotBytes(), generation: 1, sequence: sequence))
            try FileSystem.replaceAtomically(dir + "/" + logName, with: LogFormat.header(generation: 1))
            // The manifest goes last: a folder without it is not yet a store, and can be created again.
            try FileSystem.replaceAtomically(dir + "/" + StoreManifest.fileName, with: StoreManifest.new().encoded())
        } catch {
            lock.release()
            throw error
        }
        let store = Store(path: dir, access: .writer, state: state, sequence: sequence, generation: 1,
                          snapshotSequence: sequence, logEnd: LogFormat.headerSize)
        store.lock = lock
        try store.openLogForAppend()
        return store
    }

    /// A store made from a whole history: the changes are folded and saved as the snapshot.
    public static func create(at path: String, changes: [Change], user: String) throws(StoreError) -> Store {
        try create(at: path, state: MARACState.folding(changes), sequence: UInt64(changes.count), user: user)
    }

    // MARK: - Opening

    public static func open(at path: String, mode: OpenMode, user: String) throws(StoreError) -> Store {
        let dir = normalise(path)
        _ = try StoreManifest.read(in: dir)
        var lock: StoreLock?
        var access = Access.writer
        switch mode {
        case .write(let wait):
            lock = try StoreLock.acquire(in: dir, user: user, wait: wait)
        case .writeOrFollow:
            do {
                lock = try StoreLock.acquire(in: dir, user: user, wait: 0)
            } catch .locked(_, let holder) {
                access = .reader(holder: holder)
            }
        case .readOnly:
            access = .reader(holder: StoreLock.isHeld(in: dir) ? StoreLock.holder(in: dir) : nil)
        }
        do throws(StoreError) {
            let store = try load(dir, access: access)
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

    /// Reads snapshot and log. Readers retry briefly when they catch a writer between the two
    /// renames of a compaction.
    private static func load(_ dir: String, access: Access) throws(StoreError) -> Store {
        var attempts = 0
        while true {
            do throws(StoreError) {
                return try loadOnce(dir, access: access)
            } catch {
                attempts += 1
                if case .reader = access, attempts < 20, case .corrupt = error {
                    usleep(50_000)
                    continue
                }
                throw error
            }
        }
    }

    /// The pieces of a store read from disk, before anything is repaired.
    struct Loaded {
        var state: MARACState
        var snapshot: SnapshotFormat.Header
        var logGeneration: UInt64
        var logBytes: [UInt8]
        var scan: LogFormat.Scan
        var replayed: Int
    }

    static func readFiles(_ dir: String) throws(StoreError) -> Loaded {
        let snapshotPath = dir + "/" + snapshotName
        let logPath = dir + "/" + logName
        guard FileSystem.exists(snapshotPath) else {
            throw .corrupt(path: snapshotPath, offset: 0, reason: "the snapshot file is missing")
        }
        let (header, payload) = try SnapshotFormat.decode(try PosixFile.open(snapshotPath, .read).readAll(), path: snapshotPath)
        var state: MARACState
        do {
            state = try MARACState(snapshot: payload)
        } catch {
            throw .corrupt(path: snapshotPath, offset: SnapshotFormat.headerSize,
                           reason: "the snapshot's contents cannot be read (\(error))")
        }
        guard FileSystem.exists(logPath) else {
            throw .corrupt(path: logPath, offset: 0, reason: "the log file is missing; changes since the last snapshot may be lost")
        }
        let logBytes = try PosixFile.open(logPath, .read).readAll()
        let headerResult: Result<UInt64, StoreError> = logBytes.withUnsafeBytes { raw in
            do throws(StoreError) { return .success(try LogFormat.readHeader(raw, path: logPath)) } catch { return .failure(error) }
        }
        let logGeneration = try headerResult.get()
        let scan: LogFormat.Scan
        if logGeneration == header.generation {
            scan = try LogFormat.scan(logBytes, from: LogFormat.headerSize, firstSequence: header.sequence + 1, path: logPath)
        } else if logGeneration + 1 == header.generation {
            // A compaction stopped after writing the snapshot and before starting the new log:
            // the old log's records up to the snapshot are in it; any after it still count.
            scan = try scanOldGeneration(logBytes, snapshotSequence: header.sequence, path: logPath)
        } else {
            throw .corrupt(path: logPath, offset: 16,
                           reason: "the log belongs to generation \(logGeneration) but the snapshot to \(header.generation)")
        }
        var replayed = 0
        for record in scan.records where record.sequence > header.sequence {
            let change: Change
            do {
                change = try Change.decode(record.payload)
            } catch {
                throw .corrupt(path: logPath, offset: record.offset,
                               reason: "record \(record.sequence) cannot be read (\(error))")
            }
            state.apply(change)
            replayed += 1
        }
        return Loaded(state: state, snapshot: header, logGeneration: logGeneration, logBytes: logBytes,
                      scan: scan, replayed: replayed)
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

    private static func loadOnce(_ dir: String, access: Access) throws(StoreError) -> Store {
        let loaded = try readFiles(dir)
        let last = loaded.scan.records.last.map { max($0.sequence, loaded.snapshot.sequence) } ?? loaded.snapshot.sequence
        let store = Store(path: dir, access: access, state: loaded.state, sequence: last,
                          generation: loaded.snapshot.generation, snapshotSequence: loaded.snapshot.sequence,
                          logEnd: loaded.scan.goodEnd)
        store.pendingRepair = PendingRepair(logGeneration: loaded.logGeneration, ending: loaded.scan.ending,
                                            logBytes: loaded.logBytes, records: loaded.scan.records)
        if case .incomplete(let offset, let count) = loaded.scan.ending, case .reader = access {
            store.notices.append("The log ends with \(count) bytes at byte \(offset) that do not form a complete change "
                + "(a change being written, or one cut short by a crash); they are not shown.")
        }
        if let logFile = try? PosixFile.open(store.logPath, .read) {
            store.logIdentity = try? logFile.identity
        }
        return store
    }

    private struct PendingRepair {
        var logGeneration: UInt64
        var ending: LogFormat.Ending
        var logBytes: [UInt8]
        var records: [LogFormat.Record]
    }

    private var pendingRepair: PendingRepair?

    /// What only a writer may do on opening: set a torn tail aside and cut it off, finish an
    /// interrupted compaction, remove temporary files left by a crash.
    private func repairForWriting() throws(StoreError) {
        for name in FileSystem.list(path) where name.hasSuffix(".tmp") {
            FileSystem.remove(path + "/" + name)
        }
        guard let repair = pendingRepair else { return }
        pendingRepair = nil
        if case .incomplete(let offset, let count) = repair.ending {
            let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
            let aside = "\(logPath).torn-\(stamp)-at-\(offset)"
            try FileSystem.replaceAtomically(aside, with: Array(repair.logBytes[offset...]))
            let file = try PosixFile.open(logPath, .readWrite)
            try file.truncate(to: offset)
            try file.sync()
            file.close()
            notices.append("The last change in the log was incomplete (\(count) bytes at byte \(offset), cut short when "
                + "marac or the machine stopped while saving it). It was never acknowledged, so nothing saved is lost; "
                + "the bytes were kept in \(aside).")
        }
        if repair.logGeneration != generation {
            // Finish the interrupted compaction: a log of this generation with the changes the
            // snapshot does not hold.
            var bytes = LogFormat.header(generation: generation)
            var end = LogFormat.headerSize
            for record in repair.records where record.sequence > snapshotSequence {
                let framed = LogFormat.record(sequence: record.sequence, payload: Array(record.payload))
                bytes.append(contentsOf: framed)
                end += framed.count
            }
            try FileSystem.replaceAtomically(logPath, with: bytes)
            logEnd = end
            notices.append("A compaction had been interrupted; it was completed.")
        }
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

    /// Saves a change and folds it into the state. Returns only when the change is on the disk;
    /// on any failure the state is as it was and the log is cut back to its last good record.
    public func append(_ change: Change) throws(StoreError) {
        try append([change])
    }

    /// Saves several changes with one write and one flush (each still its own record, so each
    /// is all there or not there after a crash). For bulk work: imports, benchmarks.
    public func append(_ changes: [Change]) throws(StoreError) {
        guard !changes.isEmpty else { return }
        guard case .writer = access else {
            throw .readOnly(reason: readOnlyReason)
        }
        if let failure { throw .failed(reason: failure) }
        guard let log else { throw .failed(reason: "the log is not open") }
        var bytes: [UInt8] = []
        var next = sequence
        for change in changes {
            next += 1
            bytes.append(contentsOf: LogFormat.record(sequence: next, payload: change.encoded()))
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
        for change in changes { state.apply(change) }
        // A writer that is never idle still compacts, once the log is well past the threshold.
        // The changes are already safe; a compaction that fails leaves the old files in place.
        if logEnd > compactionThreshold * 4 {
            do throws(StoreError) { try compact() } catch { compactionFailure = error.message }
        }
    }

    /// Why the last automatic compaction failed, if it did (the store is intact either way).
    public private(set) var compactionFailure: String?

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
    /// the next opening.
    public func compact() throws(StoreError) {
        guard case .writer = access else { throw .readOnly(reason: readOnlyReason) }
        if let failure { throw .failed(reason: failure) }
        let next = generation + 1
        try FileSystem.replaceAtomically(snapshotPath,
                                         with: SnapshotFormat.encode(payload: state.snapshotBytes(), generation: next, sequence: sequence))
        generation = next
        snapshotSequence = sequence
        try FileSystem.replaceAtomically(logPath, with: LogFormat.header(generation: next))
        log?.close()
        logEnd = LogFormat.headerSize
        try openLogForAppend()
    }

    /// Compacts when the log has grown past the threshold; true when it did.
    @discardableResult
    public func compactIfNeeded() throws(StoreError) -> Bool {
        guard isWritable, logEnd > compactionThreshold else { return false }
        try compact()
        return true
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
        if let known = logIdentity, known != identity {
            return try reload()
        }
        let size = try probe.size
        if size < logEnd { return try reload() }
        guard size > logEnd else { return 0 }
        let bytes = try probe.read(at: logEnd, count: size - logEnd)
        let result: Result<[LogFormat.Record], StoreError> = bytes.withUnsafeBytes { raw in
            var records: [LogFormat.Record] = []
            var offset = 0
            var expected = sequence + 1
            while let (seq, length) = LogFormat.validRecord(raw, at: offset) {
                guard seq == expected else {
                    return .failure(.corrupt(path: logPath, offset: logEnd + offset,
                                             reason: "record sequence \(seq) where \(expected) was expected"))
                }
                let start = offset + LogFormat.recordHeaderSize
                records.append(LogFormat.Record(sequence: seq, offset: logEnd + offset, payload: bytes[start..<start + length]))
                offset = start + length
                expected += 1
            }
            return .success(records)
        }
        let records = try result.get()
        for record in records {
            let change: Change
            do { change = try Change.decode(record.payload) } catch {
                throw .corrupt(path: logPath, offset: record.offset, reason: "record \(record.sequence) cannot be read (\(error))")
            }
            state.apply(change)
            sequence = record.sequence
            logEnd = record.offset + record.size
        }
        return records.count
    }

    private func reload() throws(StoreError) -> Int {
        let fresh = try Store.load(path, access: access)
        state = fresh.state
        sequence = fresh.sequence
        generation = fresh.generation
        snapshotSequence = fresh.snapshotSequence
        logEnd = fresh.logEnd
        logIdentity = fresh.logIdentity
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
