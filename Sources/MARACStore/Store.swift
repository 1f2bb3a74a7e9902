import Crypto
import Foundation
import MARACCore

/// A store folder: a snapshot of the folded state plus an append-only log of the changes made
/// since, every record sealed with the store's data key. One process writes (holding the
/// folder's lock); others may read and follow the log.
///
/// A change is acknowledged (``append(_:)`` returns) only after its record has been written
/// and flushed to the disk with fdatasync, so nothing acknowledged is lost by a crash.
public final class Store {
    public let path: String
    public internal(set) var state: MARACState
    /// The sequence number of the last change folded into `state`.
    public internal(set) var sequence: UInt64
    public internal(set) var generation: UInt64
    /// The sequence the snapshot was written at; changes after it are in the log.
    public internal(set) var snapshotSequence: UInt64
    /// The chain hash the snapshot was written at, which the log's first record seals over.
    var snapshotChainHead: [UInt8]
    public internal(set) var access: Access
    /// A screen opened read-only because another process was writing may become the writer
    /// once that process has gone (``takeOverWriting()``); a store opened read-only on purpose
    /// never does.
    var mayTakeOver = false
    /// A writer that takes the lock for each change rather than for its life (a screen): every
    /// screen and command can then write, each change decided against the latest state.
    public internal(set) var lockPerChange = false
    /// Opened in ``OpenMode/shared(waitSeconds:)``: a screen that took over from a writer that
    /// held the lock then locks per change too.
    var sharedMode = false
    /// Seconds a change waits for another writer's lock (held for milliseconds, or for a
    /// compaction).
    public var lockWait: Double = 10
    /// The process's clock: when the store was created, a user added, the lock taken.
    public let clock: WallClock
    /// Every change to the store's files goes through it (tests hand in one that fails).
    let disk: Disk
    /// The signed-in user, with the role their key slot gives them.
    public let actor: Actor
    /// What opening found and repaired, to tell the user (a cut torn tail, say).
    public internal(set) var notices: [String] = []
    /// Log size past which ``compactIfNeeded()`` writes a new snapshot.
    public var compactionThreshold: Int
    /// The hash of the last record (or the snapshot's), which the next record seals over.
    public internal(set) var chainHead: [UInt8]

    public enum Access: Equatable, Sendable {
        case writer
        /// Read-only; `holder` is the writer that had the lock when the store was opened.
        case reader(holder: LockHolder?)
    }

    public enum OpenMode: Sendable {
        /// Write, waiting up to the given seconds for another writer; fail if it stays locked.
        /// The lock is held until the store is closed: for a command, one short transaction.
        case write(waitSeconds: Double)
        /// Write, taking the lock for each change only (a screen, open for hours): others write
        /// between this one's changes. Opening waits up to the given seconds for the lock, to
        /// repair what a crash left; if another process holds it for longer (an older marac that
        /// locks for its life), the store opens read-only and follows, as `writeOrFollow` does.
        case shared(waitSeconds: Double)
        /// Write if the store is free, else open read-only and follow the writer.
        case writeOrFollow
        case readOnly
    }

    public var isWritable: Bool { access == .writer && failure == nil }
    /// How long opening took: deriving the key from the passphrase, then reading, decrypting
    /// and decoding the snapshot and replaying the log.
    public internal(set) var openTimings = (unlockMilliseconds: 0.0, loadMilliseconds: 0.0)
    public internal(set) var failure: String?
    /// Why the last automatic compaction failed, if it did (the store is intact either way).
    public internal(set) var compactionFailure: String?
    public var logSize: Int { logEnd }

    var header: StoreHeader
    let keyring: Keyring
    var lock: StoreLock?
    var log: PosixFile?
    var logEnd: Int
    var logEpoch: Int
    var logIdentity: (device: UInt64, inode: UInt64)?
    /// store.json as it stood (inode, size, change time) when `header` was last read from it: a
    /// screen polls four times a second and reads the file again only when this differs.
    var headerStamp: FileStamp?
    var pendingRepair: PendingRepair?

    static let snapshotName = "snapshot.bin"
    static let logName = "log.bin"

    var snapshotPath: String { path + "/" + Self.snapshotName }
    var logPath: String { path + "/" + Self.logName }

    init(path: String, access: Access, actor: Actor, header: StoreHeader, keyring: Keyring, loaded: Loaded, clock: WallClock, disk: Disk) {
        self.path = path
        self.access = access
        self.clock = clock
        self.disk = disk
        self.actor = actor
        self.header = header
        self.keyring = keyring
        self.state = loaded.state
        self.sequence = loaded.lastSequence
        self.generation = loaded.snapshot.generation
        self.snapshotSequence = loaded.snapshot.sequence
        self.snapshotChainHead = loaded.snapshot.chainHead
        self.logEnd = loaded.scan.goodEnd
        self.logEpoch = loaded.logEpoch
        self.chainHead = loaded.chainHead
        self.compactionThreshold = 8 << 20
    }

    deinit { close() }

    /// Lets the store go; a writer first leaves the opening summary of what it saved, for the
    /// next screen's first frame.
    public func close() {
        if log != nil { keepOpeningSummary() }
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
