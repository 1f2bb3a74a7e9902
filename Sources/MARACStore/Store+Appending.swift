import Crypto
import Foundation
import MARACCore

/// Saving changes: each a sealed record, written and flushed before it is acknowledged.
extension Store {
    func openLogForAppend() throws(StoreError) {
        let file = try PosixFile.open(logPath, .append, on: disk)
        let size = try file.size
        if size != logEnd {
            throw .corrupt(path: logPath, offset: logEnd, reason: "the log is \(size) bytes where \(logEnd) were expected")
        }
        log = file
        logIdentity = try file.identity
    }

    // MARK: - Writing

    /// A change as a framed, sealed record, and the chain head after it.
    func seal(_ change: Change, sequence seq: UInt64, previous: [UInt8], epoch: Int) -> ([UInt8], [UInt8]) {
        let aad = LogFormat.additionalData(storeID: keyring.storeID, generation: generation, sequence: seq, previous: previous)
        let payload = keyring.seal(change.encoded(), key: keyring.recordKey(epoch: epoch), authenticating: aad)
        return (LogFormat.record(sequence: seq, payload: payload), Chain.next(previous, sequence: seq, payload: payload[...]))
    }

    /// Saves a change and folds it into the state. Returns only when the change is on the disk;
    /// on any failure the state is as it was and the log is cut back to its last good record.
    ///
    /// - Parameter change: a change the core decided (`MARACState.change(for:context:)`).
    /// - Throws: ``StoreError/readOnly(reason:)`` on a store opened for reading;
    ///   ``StoreError/io(operation:path:errno:)`` when the disk refuses the write or the flush
    ///   (after a failed flush the store takes no more changes until it is opened again).
    public func append(_ change: Change) throws(StoreError) {
        try append([change])
    }

    /// Saves several changes with one write and one flush (each still its own record, so each
    /// is all there or not there after a crash). For bulk work: imports, benchmarks.
    ///
    /// - Parameter changes: in the order they were decided; none is folded in unless all are saved.
    /// - Throws: as ``append(_:)-(Change)``.
    public func append(_ changes: [Change]) throws(StoreError) {
        guard !changes.isEmpty else { return }
        guard case .writer = access else { throw .readOnly(reason: readOnlyReason) }
        if let failure { throw .failed(reason: failure) }
        let taken = try takeLockForChange()
        defer { releaseLockForChange(taken) }
        guard let log else { throw .failed(reason: "the log is not open") }
        try checkFilesAreStillOurs()
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

    /// Before anything is written: the store's path still names the folder this process
    /// locked, and `log.bin` there is the file it appends to. A folder moved away and another
    /// put in its place, or a log replaced by another program, would otherwise take changes no
    /// lock guards; the store stops taking changes instead, and says why.
    func checkFilesAreStillOurs() throws(StoreError) {
        if let lock, !lock.stillHoldsFolder() {
            failure = "the store folder \(path) was moved, removed or replaced while this marac had it open, so its lock no "
                + "longer guards what is there now; nothing more is saved from here. Earlier changes are safe in the folder "
                + "that was locked"
            throw .failed(reason: failure!)
        }
        var st = stat()
        let there = stat(logPath, &st) == 0 ? (UInt64(st.st_dev), UInt64(st.st_ino)) : nil
        if let known = logIdentity, there.map({ $0 != known }) ?? true {
            failure = "\(logPath) was removed or replaced by another program while this marac was writing to it; nothing "
                + "more is saved from here. Run marac verify, then open the store again"
            throw .failed(reason: failure!)
        }
    }

    public var readOnlyReason: String {
        switch access {
        case .writer: return failure ?? "it is writable"
        case .reader(let holder?): return "\(holder.user) (process \(holder.pid)) has it open for writing since \(holder.sinceLocally)"
        case .reader(nil): return "it was opened for reading only"
        }
    }

    /// After a failed write or flush: cut the log back to the last acknowledged record. If even
    /// that fails, stop taking changes: the file's end is no longer known.
    func undoPartialAppend(_ log: PosixFile, cause: StoreError) {
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
}
