import Foundation
import MARACCore

/// Who holds a store's write lock, as the holder wrote it into the lock file, so a second
/// person opening the store is told who to ask.
public struct LockHolder: Hashable, Sendable, Codable {
    public var user: String
    public var pid: Int32
    public var host: String
    /// ISO 8601, UTC.
    public var since: String

    public init(user: String, pid: Int32, host: String, since: String) {
        self.user = user
        self.pid = pid
        self.host = host
        self.since = since
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

/// The advisory lock on `LOCK` in the store folder: held by the one process that writes.
/// The kernel drops it when that process ends, however it ends, so a crash never leaves the
/// store locked; the file's contents only say who held it last.
final class StoreLock {
    let path: String
    private let file: PosixFile

    private init(path: String, file: PosixFile) {
        self.path = path
        self.file = file
    }

    /// Takes the lock, waiting up to `wait` seconds for another writer to finish.
    static func acquire(in directory: String, user: String, wait: Double, clock: WallClock, disk: Disk) throws(StoreError) -> StoreLock {
        let path = directory + "/LOCK"
        let file = try PosixFile.open(path, .append, on: disk)
        // A wait is a span of time, not a date: measured on the monotonic clock.
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, wait) * 1e9)
        while true {
            if try file.tryLockExclusive() {
                let lock = StoreLock(path: path, file: file)
                try? file.truncate(to: 0)
                try? file.writeAll(LockHolder.current(user: user, at: clock.now()).encoded())
                return lock
            }
            if DispatchTime.now().uptimeNanoseconds >= deadline { throw .locked(path: directory, holder: holder(in: directory)) }
            usleep(100_000)
        }
    }

    /// Who holds (or last held) the lock, from the lock file's contents.
    static func holder(in directory: String) -> LockHolder? {
        guard let file = try? PosixFile.openForReading(directory + "/LOCK"), let bytes = try? file.readAll() else { return nil }
        return LockHolder.decode(bytes)
    }

    /// True when some process holds the lock now.
    static func isHeld(in directory: String) -> Bool {
        guard let file = try? PosixFile.openForReading(directory + "/LOCK") else { return false }
        guard let free = try? file.tryLockExclusive() else { return false }
        if free { file.unlock() }
        return !free
    }

    func release() {
        file.unlock()
        file.close()
    }
}
