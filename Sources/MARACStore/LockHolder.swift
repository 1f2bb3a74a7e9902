#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MARACCore

/// Who holds a store's write lock, so a second person opening the store is told who to ask.
/// The holder writes it into `LOCK`; whoever reads it checks it against the process the kernel
/// says holds the lock, so a deleted or stale `LOCK` never names the wrong person.
public struct LockHolder: Hashable, Sendable, Codable {
    public var user: String
    public var pid: Int32
    public var host: String
    /// ISO 8601, UTC; empty when not known.
    public var since: String
    /// False when `LOCK` does not name the process holding the lock (it was deleted or changed):
    /// `user` is then that process's Unix account, not a marac user.
    public var named: Bool = true

    enum CodingKeys: String, CodingKey { case user, pid, host, since }

    public init(user: String, pid: Int32, host: String, since: String, named: Bool = true) {
        self.user = user
        self.pid = pid
        self.host = host
        self.since = since
        self.named = named
    }

    /// When the lock was taken, in the machine's local time ("Sun 6 Dec 2026 10:42"): `since`
    /// is kept in UTC, which would read an hour wrong all summer.
    public var sinceLocally: String { since(in: .current) }

    func since(in zone: TimeZone) -> String {
        guard let date = ISO8601DateFormatter().date(from: since) else { return since.isEmpty ? "a time not known" : since }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = zone
        formatter.dateFormat = "EEE d MMM yyyy HH:mm"
        return formatter.string(from: date)
    }

    static func current(user: String, at now: Instant) -> LockHolder {
        LockHolder(user: user, pid: ProcessInfo.processInfo.processIdentifier,
                   host: ProcessInfo.processInfo.hostName, since: now.iso8601)
    }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array((try? encoder.encode(self)) ?? Data()) + [0x0A]
    }

    static func decode(_ bytes: [UInt8]) -> LockHolder? {
        try? JSONDecoder().decode(LockHolder.self, from: Data(bytes))
    }
}

/// The write lock: an advisory lock on the store folder itself, held by the one process that
/// writes. Deleting or replacing a file in the folder cannot hand it to a second writer (as a
/// lock on a `LOCK` file could), and the kernel drops it when the holder ends, however it ends.
/// `LOCK` only says who holds it. Before each save the holder checks that the store's path
/// still names the folder it locked (``stillHoldsFolder()``).
final class StoreLock {
    let directory: String
    private let folder: PosixFile
    private let folderIdentity: (device: UInt64, inode: UInt64)

    private init(directory: String, folder: PosixFile, identity: (device: UInt64, inode: UInt64)) {
        self.directory = directory
        self.folder = folder
        self.folderIdentity = identity
    }

    static let fileName = "LOCK"

    /// Takes the lock, waiting up to `wait` seconds for another writer to finish. A process
    /// that does not get it changes nothing in the folder.
    /// - Parameter announce: write `LOCK` naming this process; a lock taken for one change, held
    ///   for milliseconds, does not (whoever asks is told the process from `/proc/locks`).
    static func acquire(in directory: String, user: String, wait: Double, clock: WallClock, disk: Disk,
                        announce: Bool = true) throws(StoreError) -> StoreLock {
        let folder = try PosixFile.openDirectory(directory, on: disk)
        // A wait is a span of time, not a date: measured on the monotonic clock.
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, wait) * 1e9)
        while true {
            if try folder.tryLockExclusive() {
                let lock = StoreLock(directory: directory, folder: folder, identity: try folder.identity)
                if announce { lock.writeHolder(LockHolder.current(user: user, at: clock.now())) }
                return lock
            }
            if DispatchTime.now().uptimeNanoseconds >= deadline {
                folder.close()
                throw .locked(path: directory, holder: holder(in: directory))
            }
            // Writers that lock per change hold it for milliseconds: look again soon.
            usleep(announce ? 100_000 : 1_000)
        }
    }

    /// Says who holds the lock, in a new file renamed over `LOCK` (never following a link
    /// planted at either name). Only information: the lock is the folder's, so a `LOCK` that
    /// cannot be written leaves the store as safe, and readers then name the process instead.
    private func writeHolder(_ holder: LockHolder) {
        let temporary = "\(directory)/.\(Self.fileName).\(getpid())"
        unlink(temporary)
        let fileMode = StoreSharing.fileMode(inFolder: directory)
        let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, fileMode)
        guard fd >= 0 else { return }
        let bytes = holder.encoded()
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        _ = fchmod(fd, fileMode)
        Glibc.close(fd)
        if written != bytes.count || rename(temporary, "\(directory)/\(Self.fileName)") != 0 { unlink(temporary) }
    }

    /// True while the store's path still names the folder this lock holds: a folder moved away
    /// and another put in its place is no longer guarded by it.
    func stillHoldsFolder() -> Bool {
        var st = stat()
        guard stat(directory, &st) == 0 else { return false }
        return UInt64(st.st_dev) == folderIdentity.device && UInt64(st.st_ino) == folderIdentity.inode
    }

    func release() {
        folder.unlock()
        folder.close()
    }

    // MARK: - Who holds it

    /// What the kernel says of the folder's lock.
    enum Kernel: Equatable {
        case heldBy(pid: Int32)
        case free
        /// `/proc/locks` could not be read.
        case unknown
    }

    /// The process holding the folder's lock, from `/proc/locks`, without touching the lock
    /// (trying it would, for a moment, keep a writer out).
    static func kernelHolder(of directory: String) -> Kernel {
        var st = stat()
        guard stat(directory, &st) == 0, let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else {
            return .unknown
        }
        let dev = UInt64(st.st_dev)
        let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~UInt64(0xfff))
        let minor = (dev & 0xff) | ((dev >> 12) & ~UInt64(0xff))
        let device = String(format: "%02llx:%02llx:%llu", major, minor, UInt64(st.st_ino))
        for line in table.split(separator: "\n") {
            // "1: FLOCK  ADVISORY  WRITE 4441 fe:00:16228481 0 EOF"; a waiter's line starts "1: ->".
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "FLOCK", fields[3] == "WRITE", fields[5] == device,
                  let pid = Int32(fields[4]) else { continue }
            return .heldBy(pid: pid)
        }
        return .free
    }

    /// Who holds the lock now: `LOCK`'s words when they name the process the kernel says holds
    /// it, else that process and its Unix account; nil when nobody does.
    static func holder(in directory: String) -> LockHolder? {
        let written = (try? PosixFile.openForReading(directory + "/" + fileName)).flatMap { try? $0.readAll() }.flatMap(LockHolder.decode)
        switch kernelHolder(of: directory) {
        case .free:
            return nil
        case .unknown:
            return written
        case .heldBy(let pid):
            if let written, written.pid == pid, written.host == ProcessInfo.processInfo.hostName { return written }
            return LockHolder(user: unixAccount(of: pid) ?? "an unknown account", pid: pid,
                              host: ProcessInfo.processInfo.hostName, since: "", named: false)
        }
    }

    /// True when some process holds the lock now.
    static func isHeld(in directory: String) -> Bool {
        switch kernelHolder(of: directory) {
        case .heldBy: return true
        case .free: return false
        case .unknown:
            guard let folder = try? PosixFile.openDirectory(directory, on: SystemDisk.shared),
                  let free = try? folder.tryLockExclusive() else { return false }
            if free { folder.unlock() }
            return !free
        }
    }

    /// The login name of the account a process runs as.
    static func unixAccount(of pid: Int32) -> String? {
        var st = stat()
        guard stat("/proc/\(pid)", &st) == 0 else { return nil }
        guard let entry = getpwuid(st.st_uid), let name = entry.pointee.pw_name else { return "uid \(st.st_uid)" }
        return String(cString: name)
    }
}
