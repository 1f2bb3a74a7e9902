import MARACCore

/// What `marac verify` reports: every record and the snapshot checked, and their sizes.
public struct VerificationReport: Sendable {
    public var snapshotBytes: Int
    public var snapshotSequence: UInt64
    public var generation: UInt64
    public var keyEpoch: Int
    public var logBytes: Int
    public var records: Int
    public var events: Int
    public var lastSequence: UInt64
    /// The hash of the last record: note it down, and a later verify shows whether anything was
    /// cut from the end since.
    public var chainHead: String
    /// An unfinished append at the end of the log, which opening for writing will set aside.
    public var incompleteTail: (offset: Int, bytes: Int)?
    public var interruptedCompaction: Bool
    public var users: [(name: String, role: Role)]
    public var state: MARACState

    public var isIntact: Bool { incompleteTail == nil && !interruptedCompaction }
}

extension Store {
    /// Checks a store without changing it or taking its lock: the header's seal, the snapshot's
    /// header and every chunk (checksum and authentication), the log's header, and every
    /// record's checksum, sequence, place in the hash chain and contents. Throws the first
    /// damage found, with its file and byte offset.
    ///
    /// - Parameters:
    ///   - path: the store folder.
    ///   - credentials: any user's; verifying needs their keys, not the write lock.
    /// - Returns: the sizes, counts, chain head and state found, and whether a writer has
    ///   something to repair.
    /// - Throws: the first damage found, as ``StoreError/corrupt(path:offset:reason:)`` or
    ///   ``StoreError/headerTampered(path:reason:)``.
    public static func verify(at path: String, credentials: Credentials) throws(StoreError) -> VerificationReport {
        let dir = normalise(path)
        return try verify(dir, unlocked: try unlock(dir, credentials: credentials))
    }

    static func verify(_ dir: String, unlocked: Unlocked) throws(StoreError) -> VerificationReport {
        let (header, keyring, _) = unlocked
        try header.verify(with: keyring, path: dir)
        let loaded = try readFiles(dir, keyring: keyring, recorded: header.recordedCompaction)
        let events = loaded.replayedChanges.reduce(0) { $0 + $1.1.events.count }
        var tail: (Int, Int)?
        if case .incomplete(let offset, let bytes) = loaded.scan.ending { tail = (offset, bytes) }
        let snapshotSize = (try? PosixFile.openForReading(dir + "/" + snapshotName).size) ?? 0
        return VerificationReport(
            snapshotBytes: snapshotSize, snapshotSequence: loaded.snapshot.sequence, generation: loaded.snapshot.generation,
            keyEpoch: header.keyEpoch, logBytes: loaded.logBytes.count, records: loaded.scan.records.count, events: events,
            lastSequence: loaded.lastSequence, chainHead: Chain.hex(loaded.chainHead), incompleteTail: tail,
            interruptedCompaction: loaded.logGeneration != loaded.snapshot.generation || loaded.logEpoch != header.keyEpoch
                || header.recordedCompaction.map { $0.generation != loaded.snapshot.generation } ?? false,
            users: header.users.map { ($0.user, $0.role) }, state: loaded.state)
    }
}
