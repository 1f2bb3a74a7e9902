import Foundation
@testable import MARACStore
import TestSupport

/// A disk that goes wrong when told to, for the recovery tests: the system's disk, but for the
/// one fault it is armed with. A *step* is one call that changes something (an open for
/// writing, a write, a flush, a truncation, a rename, an unlink, a mkdir); steps are counted
/// from when the fault is armed, so a test can stop a job after each of its steps in turn.
final class FaultyDisk: Disk, @unchecked Sendable {
    enum Fault {
        /// The process stops dead once `steps` steps have run: every call after does nothing,
        /// as nothing after a crash reaches the disk.
        case crash(afterSteps: Int)
        /// The write that is step `step` writes only its first `keeping` bytes, then the
        /// process stops dead.
        case tornWrite(step: Int, keeping: Int)
        /// The disk has `room` bytes left: a write that does not fit writes what does, and the
        /// next write fails with ENOSPC, until `room` is given back.
        case full(room: Int)
        /// The flush that is step `step` fails with EIO; the data may or may not be on the disk.
        case failedFlush(step: Int)
    }

    private let system = SystemDisk.shared
    private let lock = NSLock()
    private var fault: Fault?
    private var counted = 0
    private(set) var crashed = false
    /// What each counted step was, for a failing test's message.
    private(set) var log: [String] = []

    /// Arms a fault; steps are counted from here.
    func arm(_ fault: Fault) {
        lock.withLock {
            self.fault = fault
            counted = 0
            crashed = false
            log = []
        }
    }

    /// How many steps have run since the fault was armed (with none, all of a job's steps).
    var steps: Int { lock.withLock { counted } }

    /// Runs one step: nil to let it through to the system, or the failing result to return.
    private func step(_ what: String, isFlush: Bool = false) -> (result: Int, errno: Int32)? {
        lock.withLock {
            if crashed { return (-1, EIO) }
            counted += 1
            log.append(what)
            switch fault {
            case .crash(let after)? where counted > after:
                crashed = true
                return (-1, EIO)
            case .failedFlush(let n)? where isFlush && counted == n:
                return (-1, EIO)
            default:
                return nil
            }
        }
    }

    private func fail(_ outcome: (result: Int, errno: Int32)) -> Int32 {
        errno = outcome.errno
        return Int32(outcome.result)
    }

    func open(_ path: String, flags: Int32, mode: mode_t) -> Int32 {
        if let outcome = step("open \((path as NSString).lastPathComponent)") { return fail(outcome) }
        return system.open(path, flags: flags, mode: mode)
    }

    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        if let outcome = step("write \(bytes.count) bytes") {
            errno = outcome.errno
            return outcome.result
        }
        let allowed: Int? = lock.withLock {
            switch fault {
            case .tornWrite(let n, let keeping)? where counted == n:
                crashed = true
                return min(keeping, bytes.count)
            case .full(let room)?:
                let fits = min(room, bytes.count)
                fault = .full(room: room - fits)
                return fits
            default:
                return nil
            }
        }
        guard let allowed else { return system.write(fd, bytes) }
        if allowed == 0 {
            errno = lock.withLock { crashed } ? EIO : ENOSPC
            return -1
        }
        return system.write(fd, UnsafeRawBufferPointer(rebasing: bytes[0..<allowed]))
    }

    func fdatasync(_ fd: Int32) -> Int32 {
        if let outcome = step("fdatasync", isFlush: true) { return fail(outcome) }
        return system.fdatasync(fd)
    }

    func fsync(_ fd: Int32) -> Int32 {
        if let outcome = step("fsync", isFlush: true) { return fail(outcome) }
        return system.fsync(fd)
    }

    func ftruncate(_ fd: Int32, _ length: Int) -> Int32 {
        if let outcome = step("truncate to \(length)") { return fail(outcome) }
        return system.ftruncate(fd, length)
    }

    func rename(_ from: String, _ to: String) -> Int32 {
        if let outcome = step("rename \((from as NSString).lastPathComponent) to \((to as NSString).lastPathComponent)") { return fail(outcome) }
        return system.rename(from, to)
    }

    func unlink(_ path: String) -> Int32 {
        if let outcome = step("unlink \((path as NSString).lastPathComponent)") { return fail(outcome) }
        return system.unlink(path)
    }

    func mkdir(_ path: String, mode: mode_t) -> Int32 {
        if let outcome = step("mkdir \((path as NSString).lastPathComponent)") { return fail(outcome) }
        return system.mkdir(path, mode: mode)
    }

    /// Gives a full disk room again.
    func makeRoom() { lock.withLock { fault = nil } }
}
