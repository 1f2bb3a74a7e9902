import Crypto
import Foundation
import MARACCore

/// Writing the state as a new snapshot and starting an empty log, replacing the data key first
/// when a user was removed.
extension Store {
    /// Writes the current state as a new snapshot and starts a new, empty log, so that opening
    /// replays little. Each file is replaced atomically; a crash between the two is finished on
    /// the next opening. When a user was removed, the data key is replaced first, so nothing in
    /// the store stays readable with the removed user's key.
    ///
    /// - Throws: ``StoreError/readOnly(reason:)`` on a store opened for reading; a disk error
    ///   naming the file. The store is whole either way: a compaction stopped part way is
    ///   finished by the next writer (Tests/MARACStoreTests/RecoveryTests.swift).
    public func compact() throws(StoreError) {
        guard case .writer = access else { throw .readOnly(reason: readOnlyReason) }
        if let failure { throw .failed(reason: failure) }
        let taken = try takeLockForChange()
        defer { releaseLockForChange(taken) }
        try checkFilesAreStillOurs()
        let rotating = header.rotationPending
        if rotating {
            let epoch = header.keyEpoch + 1
            let key = SymmetricKey(size: .bits256)
            for i in header.users.indices {
                do { try header.users[i].give(key, epoch: epoch, storeID: header.id) } catch {
                    throw .refused("Could not give the new data key to \(header.users[i].user): \(error)")
                }
            }
            keyring.add(key, epoch: epoch)
            header.keyEpoch = epoch
            header.sign(with: keyring)
            try header.write(in: path, on: disk)
        }
        let next = generation + 1
        try FileSystem.replaceAtomically(snapshotPath,
                                         with: SnapshotFormat.encode(payload: state.snapshotBytes(), generation: next, sequence: sequence,
                                                                     chainHead: chainHead, epoch: header.keyEpoch, keyring: keyring), on: disk)
        generation = next
        snapshotSequence = sequence
        snapshotChainHead = chainHead
        log?.close()
        try FileSystem.replaceAtomically(logPath, with: LogFormat.header(generation: next, epoch: header.keyEpoch), on: disk)
        logEnd = LogFormat.headerSize
        logEpoch = header.keyEpoch
        try openLogForAppend()
        // The last step: store.json records the compaction as finished, so a log or snapshot
        // from before it put back later is a rollback, not a compaction to finish.
        if rotating {
            let current = header.keyEpoch
            for i in header.users.indices { header.users[i].dataKeys.removeAll { $0.epoch != current } }
            header.rotationPending = false
        }
        header.compaction = compactionRecord
        header.sign(with: keyring)
        try header.write(in: path, on: disk)
        // The old summary named the old log, and after a rotation was sealed under a key a
        // removed user still holds: one of the new log, under the new key, replaces it.
        keepOpeningSummary()
    }

    /// Compacts when the log has grown past ``compactionThreshold``.
    ///
    /// - Returns: true when it compacted.
    /// - Throws: as ``compact()``.
    @discardableResult
    public func compactIfNeeded() throws(StoreError) -> Bool {
        guard isWritable, logEnd > compactionThreshold else { return false }
        try compact()
        return true
    }
}
