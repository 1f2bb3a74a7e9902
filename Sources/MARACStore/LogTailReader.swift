import Foundation
import MARACCore

/// Reads the log after a snapshot on a thread of its own: checks every record's framing,
/// follows the hash chain from the snapshot's head, opens each seal and decodes each change.
/// The caller folds the changes in, in order, once the snapshot is decoded.
final class LogTailReader: @unchecked Sendable {
    struct Tail {
        var generation: UInt64
        var epoch: Int
        var bytes: [UInt8]
        var scan: LogFormat.Scan
        var changes: [(UInt64, Change)]
        var chainHead: [UInt8]
        /// The file read, to notice when a later look finds another in its place.
        var identity: (device: UInt64, inode: UInt64)? = nil
    }

    let path: String
    let snapshot: SnapshotFormat.Header
    let keyring: Keyring
    private var outcome: Result<Tail, StoreError>?
    private let done = DispatchSemaphore(value: 0)

    init(path: String, snapshot: SnapshotFormat.Header, keyring: Keyring) {
        self.path = path
        self.snapshot = snapshot
        self.keyring = keyring
    }

    func start() {
        let thread = Thread { [self] in
            do throws(StoreError) {
                outcome = .success(try read())
            } catch {
                outcome = .failure(error)
            }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the reader and returns what it found, or the damage it met.
    func result() throws(StoreError) -> Tail {
        done.wait()
        return try outcome!.get()
    }

    private func read() throws(StoreError) -> Tail {
        let file = try PosixFile.openForReading(path)
        var tail = try Self.decode(try file.readAll(), path: path, snapshot: snapshot, keyring: keyring)
        tail.identity = try file.identity
        return tail
    }

    /// The log's bytes checked and opened: what ``result()`` gives, for bytes read elsewhere
    /// (`marac repair` checks a log cut short in memory before it cuts the file).
    static func decode(_ bytes: [UInt8], path: String, snapshot: SnapshotFormat.Header, keyring: Keyring) throws(StoreError) -> Tail {
        let (generation, epoch) = try bytes.withBytes { raw throws(StoreError) in try LogFormat.readHeader(raw, path: path) }
        let scan: LogFormat.Scan
        if generation == snapshot.generation {
            scan = try LogFormat.scan(bytes, from: LogFormat.headerSize, firstSequence: snapshot.sequence + 1, path: path)
        } else if generation + 1 == snapshot.generation {
            // A compaction stopped after writing the snapshot and before starting the new log:
            // the old log's records up to the snapshot are in it; any after it still count.
            scan = try Store.scanOldGeneration(bytes, snapshotSequence: snapshot.sequence, path: path)
        } else {
            throw .corrupt(path: path, offset: 16,
                           reason: "the log belongs to generation \(generation) but the snapshot to \(snapshot.generation)")
        }
        guard keyring.hasKey(epoch: epoch) else {
            throw .corrupt(path: path, offset: 12, reason: "it is sealed with key epoch \(epoch), which no key slot holds")
        }
        let key = keyring.recordKey(epoch: epoch)
        var chain = snapshot.chainHead
        var changes: [(UInt64, Change)] = []
        changes.reserveCapacity(scan.records.count)
        // One buffer for every record's additional data: only the sequence and chain hash change.
        var aad = LogFormat.additionalData(storeID: keyring.storeID, generation: generation, sequence: 0, previous: chain)
        let sequenceAt = aad.count - 40
        for record in scan.records where record.sequence > snapshot.sequence {
            aad.withUnsafeMutableBytes { b in
                b.storeBytes(of: record.sequence.littleEndian, toByteOffset: sequenceAt, as: UInt64.self)
                for k in 0..<32 { b[sequenceAt + 8 + k] = chain[k] }
            }
            guard let plain = keyring.open(record.payload, key: key, authenticating: aad) else {
                throw .corrupt(path: path, offset: record.offset,
                               reason: "record \(record.sequence) fails authentication: it was altered, removed from or moved in the chain, or sealed under another key")
            }
            do {
                changes.append((record.sequence, try plain.withUnsafeBytes { raw throws(BinaryDecodingError) in try Change.decode(raw) }))
            } catch {
                throw .corrupt(path: path, offset: record.offset, reason: "record \(record.sequence) cannot be read (\(error))")
            }
            chain = Chain.next(chain, sequence: record.sequence, payload: record.payload)
        }
        return Tail(generation: generation, epoch: epoch, bytes: bytes, scan: scan, changes: changes, chainHead: chain)
    }
}
