import Foundation
import MARACCore

/// What `marac repair` does that opening never does on its own: cut a damaged log back to its
/// last record that is whole and authentic, keeping what it cuts. Opening refuses damage so that
/// nothing saved is dropped without a person deciding it; repair shows what would go, and only
/// with their say-so sets it aside.
public final class StoreRepair {
    /// One record (or stretch of bytes) that cutting the log removes.
    public struct RemovedRecord: Sendable, Equatable {
        public var offset: Int
        public var bytes: Int
        /// The record's sequence number, when its framing could be read.
        public var sequence: UInt64?
        /// Who saved it, when and with what command, when it could still be opened.
        public var summary: String?
    }

    /// What was found, and what repairing would do about it.
    public enum Finding: Sendable, Equatable {
        /// Opening for writing would open the store as it is (and set aside an unfinished
        /// tail or finish a compaction, as it always does).
        case nothingToRepair
        /// The log is damaged from `offset`; cutting it there leaves a store that opens.
        case cutLog(damage: String, offset: Int, removed: [RemovedRecord], lastKept: UInt64, lastKeptSummary: String?)
        /// Damage repair cannot mend (the snapshot, the header, the log's own header).
        case beyondRepair(damage: String)
    }

    public let path: String
    public let finding: Finding
    /// The role of the user who unlocked: repairing is for coordinators and admins.
    public let role: Role
    private let lock: StoreLock
    private let logBytes: [UInt8]
    private let clock: WallClock

    private init(path: String, finding: Finding, role: Role, lock: StoreLock, logBytes: [UInt8], clock: WallClock) {
        self.path = path
        self.role = role
        self.finding = finding
        self.lock = lock
        self.logBytes = logBytes
        self.clock = clock
    }

    deinit { lock.release() }

    /// Takes the write lock and examines the store, changing nothing.
    ///
    /// - Throws: what unlocking throws, and ``StoreError/locked(path:holder:)`` when another
    ///   writer keeps the lock past `wait` seconds.
    public static func examine(at path: String, credentials: Credentials, wait: Double, clock: WallClock) throws(StoreError) -> StoreRepair {
        let dir = Store.normalise(path)
        let unlocked = try Store.unlock(dir, credentials: credentials)
        let lock = try StoreLock.acquire(in: dir, user: credentials.user, wait: wait, clock: clock, disk: SystemDisk.shared)
        let logPath = dir + "/" + Store.logName
        // A missing log is reported by the examination below, as beyond repair.
        let logBytes = FileSystem.exists(logPath) ? try PosixFile.openForReading(logPath).readAll() : []
        let finding: Finding
        do throws(StoreError) {
            let loaded = try Store.readFiles(dir, keyring: unlocked.keyring, recorded: unlocked.header.recordedCompaction)
            if case .incomplete(let offset, let count) = loaded.scan.ending {
                // What any writer sets aside on opening; repair shows it and does the same.
                finding = plan(cuttingAt: offset, damage: "\(logPath) ends with \(count) bytes at byte \(offset) that do not form a whole "
                               + "change (a save cut short by a crash, or a log cut short).", dir: dir, logBytes: logBytes, keyring: unlocked.keyring)
            } else {
                finding = .nothingToRepair
            }
        } catch .corrupt(let damagedPath, let offset, let reason) where damagedPath == logPath && offset >= LogFormat.headerSize {
            let damage = StoreError.corrupt(path: damagedPath, offset: offset, reason: reason).finding
            finding = plan(cuttingAt: offset, damage: damage, dir: dir, logBytes: logBytes, keyring: unlocked.keyring)
        } catch {
            finding = .beyondRepair(damage: error.finding)
        }
        return StoreRepair(path: dir, finding: finding, role: unlocked.actor.role, lock: lock, logBytes: logBytes, clock: clock)
    }

    /// Checks that the log cut at `offset` opens, and lists what the cut removes.
    static func plan(cuttingAt offset: Int, damage: String, dir: String, logBytes: [UInt8], keyring: Keyring) -> Finding {
        let logPath = dir + "/" + Store.logName
        let snapshotPath = dir + "/" + Store.snapshotName
        guard let snapshotBytes = try? PosixFile.openForReading(snapshotPath).read(at: 0, count: SnapshotFormat.headerSize),
              let snapshot = try? SnapshotFormat.header(of: snapshotBytes, path: snapshotPath) else {
            return .beyondRepair(damage: damage)
        }
        let kept: LogTailReader.Tail
        do {
            kept = try LogTailReader.decode(Array(logBytes[..<offset]), path: logPath, snapshot: snapshot, keyring: keyring)
        } catch {
            return .beyondRepair(damage: damage + " Cutting the log there does not mend it: \(error.finding)")
        }
        let lastKept = kept.scan.records.last?.sequence ?? snapshot.sequence
        return .cutLog(damage: damage, offset: offset,
                       removed: removedRecords(logBytes, from: offset, chain: kept.chainHead, generation: kept.generation,
                                               epoch: kept.epoch, keyring: keyring),
                       lastKept: lastKept, lastKeptSummary: kept.changes.last.map { summary(of: $0.1) })
    }

    /// The records from `offset` on, each opened if it still can be (its bytes and its place
    /// in the chain intact), so the person repairing knows what to enter again.
    static func removedRecords(_ bytes: [UInt8], from offset: Int, chain start: [UInt8], generation: UInt64, epoch: Int,
                               keyring: Keyring) -> [RemovedRecord] {
        var removed: [RemovedRecord] = []
        var chain: [UInt8]? = start
        var at = offset
        let key = keyring.recordKey(epoch: epoch)
        bytes.withUnsafeBytes { raw in
            while at < raw.count {
                if let (sequence, length) = LogFormat.validRecord(raw, at: at) {
                    let payload = bytes[(at + LogFormat.recordHeaderSize)..<(at + LogFormat.recordHeaderSize + length)]
                    var text: String?
                    if let previous = chain {
                        let aad = LogFormat.additionalData(storeID: keyring.storeID, generation: generation, sequence: sequence, previous: previous)
                        if let plain = keyring.open(payload, key: key, authenticating: aad),
                           let change = try? plain.withUnsafeBytes({ raw throws(BinaryDecodingError) in try Change.decode(raw) }) {
                            text = summary(of: change)
                            chain = Chain.next(previous, sequence: sequence, payload: payload)
                        } else {
                            chain = nil
                        }
                    }
                    removed.append(RemovedRecord(offset: at, bytes: LogFormat.recordHeaderSize + length, sequence: sequence, summary: text))
                    at += LogFormat.recordHeaderSize + length
                } else {
                    // A damaged stretch: up to the next record that is whole, or the end.
                    chain = nil
                    let next = LogFormat.nextValidRecord(raw, after: at) ?? raw.count
                    let sequence: UInt64? = raw.count - at >= LogFormat.recordHeaderSize ? raw.le64(at + 8) : nil
                    removed.append(RemovedRecord(offset: at, bytes: next - at, sequence: sequence, summary: nil))
                    at = next
                }
            }
        }
        return removed
    }

    static func summary(of change: Change) -> String {
        "\(change.command?.label ?? "change") by \(change.stamp.actor) at \(change.stamp.at.iso8601)"
    }

    /// Cuts the log as the finding says, keeping the removed bytes (still encrypted) beside it.
    ///
    /// - Returns: where the removed bytes were kept.
    /// - Throws: ``StoreError/refused(_:)`` when there is nothing repair can do; a disk error.
    public func carryOut() throws(StoreError) -> String {
        guard case .cutLog(_, let offset, _, _, _) = finding else {
            throw .refused("There is nothing marac repair can cut: \(describe())")
        }
        let logPath = path + "/" + Store.logName
        let stamp = clock.now().iso8601.replacingOccurrences(of: ":", with: "")
        let aside = "\(logPath).damaged-\(stamp)-at-\(offset)"
        try FileSystem.replaceAtomically(aside, with: Array(logBytes[offset...]), on: SystemDisk.shared)
        let file = try PosixFile.open(logPath, .readWrite, on: SystemDisk.shared)
        defer { file.close() }
        guard try file.size == logBytes.count else {
            throw .refused("\(logPath) changed while it was being repaired; nothing was cut. Run marac repair again.")
        }
        try file.truncate(to: offset)
        try file.sync()
        return aside
    }

    /// The finding in words.
    public func describe() -> String {
        switch finding {
        case .nothingToRepair:
            return "the store opens as it is; nothing needs repairing."
        case .beyondRepair(let damage):
            return damage + " marac repair cannot mend this: restore the store folder from a backup."
        case .cutLog(let damage, let offset, let removed, let lastKept, let lastKeptSummary):
            var lines = [damage,
                         "Repairing cuts \(path)/\(Store.logName) at byte \(offset), removing \(removed.count) "
                             + (removed.count == 1 ? "record" : "records") + " (\(logBytes.count - offset) bytes):"]
            for r in removed {
                let seq = r.sequence.map { "record \($0)" } ?? "bytes"
                lines.append("  - \(seq) at byte \(r.offset), \(r.bytes) bytes: " + (r.summary ?? "cannot be read (damaged)"))
            }
            lines.append("The store then ends at record \(lastKept)" + (lastKeptSummary.map { " (\($0))" } ?? "") + ".")
            lines.append("Whatever the removed records held must be entered again; their bytes are kept beside the log, still encrypted.")
            return lines.joined(separator: "\n")
        }
    }
}
