import Crypto
import Foundation
import MARACCore

/// For readers: folding in what the writer saves, and reloading after it compacts.
extension Store {
    /// For readers: folds in what the writer has saved since the last call, reloading from the
    /// snapshot when the writer compacted. Incomplete records at the end are left for the next
    /// call.
    ///
    /// - Returns: the number of changes folded in (1 after a reload; 0 for a writer).
    /// - Throws: ``StoreError/corrupt(path:offset:reason:)`` when a record does not open or
    ///   follow on, with the file and byte offset.
    @discardableResult
    public func follow() throws(StoreError) -> Int {
        if case .writer = access {
            // A writer that locks per change takes in others' changes between its own; one
            // that holds the lock for its life has nothing to take in.
            return lockPerChange && lock == nil ? try followAsSharedWriter() : 0
        }
        let probe = try PosixFile.openForReading(logPath)
        defer { probe.close() }
        let identity = try probe.identity
        if let known = logIdentity, known != identity { return try reload() }
        let size = try probe.size
        if size < logEnd { return try reload() }
        guard size > logEnd else { return 0 }
        return try foldNewRecords(from: probe, size: size).applied
    }

    /// The records past `logEnd` in `probe` (the log this store has read), checked, opened and
    /// folded in. Bytes at the end that are not yet a whole record are left for the next call
    /// (`incomplete`); a whole record that is wrong is damage.
    func foldNewRecords(from probe: PosixFile, size: Int) throws(StoreError) -> (applied: Int, incomplete: Bool) {
        let bytes = try probe.read(at: logEnd, count: size - logEnd)
        let key = keyring.recordKey(epoch: logEpoch)
        var applied = 0
        var offset = 0
        while true {
            let found: (UInt64, Int)? = bytes.withUnsafeBytes { LogFormat.validRecord($0, at: offset) }
            guard let (seq, length) = found else {
                // What the writer is still writing is left for the next call; a record that is
                // whole and wrong is damage, and following stops there, saying so.
                let damage = offset < bytes.count
                    ? bytes.withUnsafeBytes { LogFormat.damageInTail($0, at: offset, expected: sequence + 1) } : nil
                if let damage { throw .corrupt(path: logPath, offset: logEnd, reason: damage) }
                return (applied, offset < bytes.count)
            }
            guard seq == sequence + 1 else {
                throw .corrupt(path: logPath, offset: logEnd, reason: "record sequence \(seq) where \(sequence + 1) was expected")
            }
            let start = offset + LogFormat.recordHeaderSize
            let payload = bytes[start..<start + length]
            let aad = LogFormat.additionalData(storeID: keyring.storeID, generation: generation, sequence: seq, previous: chainHead)
            guard let plain = keyring.open(payload, key: key, authenticating: aad) else {
                throw .corrupt(path: logPath, offset: logEnd, reason: "record \(seq) fails authentication")
            }
            let change: Change
            do { change = try plain.withUnsafeBytes { raw throws(BinaryDecodingError) in try Change.decode(raw) } } catch {
                throw .corrupt(path: logPath, offset: logEnd, reason: "record \(seq) cannot be read (\(error))")
            }
            state.apply(change)
            chainHead = Chain.next(chainHead, sequence: seq, payload: payload)
            sequence = seq
            logEnd += LogFormat.recordHeaderSize + length
            offset = start + length
            applied += 1
        }
    }

    func reload() throws(StoreError) -> Int {
        let fresh = try StoreHeader.read(in: path)
        if fresh != header {
            try Store.refreshKeys(from: fresh, keyring: keyring, user: actor.name, path: path)
            header = fresh
        }
        adopt(try Store.readFilesAsReader(path, keyring: keyring, header: &header, user: actor.name))
        return 1
    }

    /// Takes what was read from the files as the store's state and position.
    func adopt(_ loaded: Loaded) {
        state = loaded.state
        sequence = loaded.lastSequence
        generation = loaded.snapshot.generation
        snapshotSequence = loaded.snapshot.sequence
        snapshotChainHead = loaded.snapshot.chainHead
        logEnd = loaded.scan.goodEnd
        logEpoch = loaded.logEpoch
        chainHead = loaded.chainHead
        logIdentity = loaded.logIdentity
    }

    /// For a screen that opened read-only because another process was writing: once that
    /// process has closed the store, takes the lock and becomes its writer, reading the files
    /// again under the lock and repairing what a writer repairs on opening (its ``notices``
    /// say what). Nothing changes while someone else holds the lock, or on a store opened
    /// read-only on purpose.
    ///
    /// - Returns: true when this store has just become the writer.
    /// - Throws: what opening for writing throws (damage, a removed user); the store stays a reader.
    public func takeOverWriting() throws(StoreError) -> Bool {
        guard case .reader = access, mayTakeOver, !StoreLock.isHeld(in: path) else { return false }
        let taken: StoreLock
        do {
            taken = try StoreLock.acquire(in: path, user: actor.name, wait: 0, clock: clock, disk: disk)
        } catch {
            if case .locked = error { return false }
            throw error
        }
        let before = access
        do throws(StoreError) {
            headerStamp = nil  // read store.json again, whatever its stamp
            try takeInHeader()
            access = .writer
            lock = taken
            try readAgainAsWriter()
            try auditAccess()
            if sharedMode {
                lockPerChange = true
                lock = nil
                taken.release()
            }
            return true
        } catch {
            access = before
            pendingRepair = nil
            lock = nil
            log?.close()
            log = nil
            taken.release()
            throw error
        }
    }

    /// The current holder of the write lock, for a reader's status line.
    public func currentWriter() -> LockHolder? {
        StoreLock.isHeld(in: path) ? StoreLock.holder(in: path) : nil
    }
}
