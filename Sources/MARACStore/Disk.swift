#if canImport(Glibc)
import Glibc
#else
#error("marac's store calls Glibc directly (open, write, fdatasync, flock, mmap): it builds on Linux only.")
#endif

/// The system calls by which the store changes what is on the disk. The store makes every one
/// of them through its `Disk`, never directly, so that tests can hand it one that cuts a write
/// short, fails a flush with EIO, runs out of room, or stops dead between any two calls as a
/// crash would (LevelDB's `Env` and its log tests are the model). Reading goes straight to the
/// kernel: it changes nothing.
///
/// Each call behaves as its system call does: a result of -1 (or a short count from `write`)
/// with `errno` set on failure.
protocol Disk: AnyObject, Sendable {
    /// open(2) for writing (reads do not come here).
    func open(_ path: String, flags: Int32, mode: mode_t) -> Int32
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int
    func fdatasync(_ fd: Int32) -> Int32
    func fsync(_ fd: Int32) -> Int32
    func ftruncate(_ fd: Int32, _ length: Int) -> Int32
    func rename(_ from: String, _ to: String) -> Int32
    func unlink(_ path: String) -> Int32
    func mkdir(_ path: String, mode: mode_t) -> Int32
}

/// The machine's disk: each call is the system call itself.
final class SystemDisk: Disk {
    static let shared = SystemDisk()

    func open(_ path: String, flags: Int32, mode: mode_t) -> Int32 { Glibc.open(path, flags, mode) }
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int { Glibc.write(fd, bytes.baseAddress, bytes.count) }
    func fdatasync(_ fd: Int32) -> Int32 { Glibc.fdatasync(fd) }
    func fsync(_ fd: Int32) -> Int32 { Glibc.fsync(fd) }
    func ftruncate(_ fd: Int32, _ length: Int) -> Int32 { Glibc.ftruncate(fd, off_t(length)) }
    func rename(_ from: String, _ to: String) -> Int32 { Glibc.rename(from, to) }
    func unlink(_ path: String) -> Int32 { Glibc.unlink(path) }
    func mkdir(_ path: String, mode: mode_t) -> Int32 { Glibc.mkdir(path, mode) }
}
