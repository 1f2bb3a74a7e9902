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
        guard case .reader = access else { return 0 }
        guard let probe = try? PosixFile.openForReading(logPath) else { return 0 }
        defer { probe.close() }
        let identity = try probe.identity
        if let known = logIdentity, known != identity { return try reload() }
        let size = try probe.size
        if size < logEnd { return try reload() }
        guard size > logEnd else { return 0 }
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
                break
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
        return applied
    }

    func reload() throws(StoreError) -> Int {
        if let fresh = try? StoreHeader.read(in: path), fresh != header {
            try Store.refreshKeys(from: fresh, keyring: keyring, user: actor.name, path: path)
            header = fresh
        }
        let loaded = try Store.readFiles(path, keyring: keyring)
        state = loaded.state
        sequence = loaded.lastSequence
        generation = loaded.snapshot.generation
        snapshotSequence = loaded.snapshot.sequence
        logEnd = loaded.scan.goodEnd
        logEpoch = loaded.logEpoch
        chainHead = loaded.chainHead
        logIdentity = try? PosixFile.openForReading(logPath).identity
        return 1
    }

    /// The current holder of the write lock, for a reader's status line.
    public func currentWriter() -> LockHolder? {
        StoreLock.isHeld(in: path) ? StoreLock.holder(in: path) : nil
    }
}
