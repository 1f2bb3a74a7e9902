import MARACCore

/// What `marac verify` reports: every record and the snapshot checked, and their sizes.
public struct VerificationReport: Sendable {
    public var snapshotBytes: Int
    public var snapshotSequence: UInt64
    public var generation: UInt64
    public var logBytes: Int
    public var records: Int
    public var events: Int
    public var lastSequence: UInt64
    /// An unfinished append at the end of the log, which opening for writing will set aside.
    public var incompleteTail: (offset: Int, bytes: Int)?
    public var interruptedCompaction: Bool
    public var state: MARACState

    public var isIntact: Bool { incompleteTail == nil && !interruptedCompaction }
}

extension Store {
    /// Checks a store without changing it or taking its lock: the manifest, the snapshot's
    /// header and every chunk, the log's header, and every record's checksum, sequence and
    /// contents. Throws the first damage found, with its file and byte offset.
    public static func verify(at path: String) throws(StoreError) -> VerificationReport {
        let dir = normalise(path)
        _ = try StoreManifest.read(in: dir)
        let loaded = try readFiles(dir)
        var events = 0
        for record in loaded.scan.records where record.sequence > loaded.snapshot.sequence {
            events += (try? Change.decode(record.payload).events.count) ?? 0
        }
        var tail: (Int, Int)?
        if case .incomplete(let offset, let bytes) = loaded.scan.ending { tail = (offset, bytes) }
        let snapshotSize = (try? PosixFile.open(dir + "/" + snapshotName, .read).size) ?? 0
        return VerificationReport(
            snapshotBytes: snapshotSize, snapshotSequence: loaded.snapshot.sequence, generation: loaded.snapshot.generation,
            logBytes: loaded.logBytes.count, records: loaded.scan.records.count, events: events,
            lastSequence: loaded.scan.records.last.map { max($0.sequence, loaded.snapshot.sequence) } ?? loaded.snapshot.sequence,
            incompleteTail: tail, interruptedCompaction: loaded.logGeneration != loaded.snapshot.generation,
            state: loaded.state)
    }
}
