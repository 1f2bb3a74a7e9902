import Dispatch
import Foundation

/// The snapshot: the folded state at one sequence number, sealed in chunks, written whole to a
/// temporary file and renamed into place, so a snapshot on disk is always complete.
///
/// Header (96 bytes): magic `MARACSNP` (8), format version (u32), key epoch (u32), generation
/// (u64), sequence (u64), payload length (u64), chunk size (u32), chunk count (u32), nonce salt
/// (8), chain head (32), CRC32C of the first 88 bytes (u32), reserved (u32, zero). Then each
/// chunk: sealed length (u32), CRC32C of the sealed bytes (u32), the chunk's plaintext sealed
/// with AES-256-GCM (ciphertext then 16-byte tag). The nonce of chunk i is the salt followed by
/// i (big-endian u32); its additional data binds the store id, the header and i.
enum SnapshotFormat {
    static let magic: [UInt8] = Array("MARACSNP".utf8)
    static let version: UInt32 = 2
    static let headerSize = 96
    static let chunkSize = 1 << 16
    static let tagSize = 16

    struct Header {
        var epoch: Int
        var generation: UInt64
        var sequence: UInt64
        var payloadLength: UInt64
        var chunkCount: UInt32
        var salt: [UInt8]
        var chainHead: [UInt8]
        /// The first 88 bytes, as they are authenticated.
        var bytes: [UInt8]
    }

    static func nonce(salt: [UInt8], index: Int) -> [UInt8] {
        salt + [UInt8(truncatingIfNeeded: index >> 24), UInt8(truncatingIfNeeded: index >> 16),
                UInt8(truncatingIfNeeded: index >> 8), UInt8(truncatingIfNeeded: index)]
    }

    static func additionalData(storeID: [UInt8], header: [UInt8], index: Int) -> [UInt8] {
        var b = Array("marac-snapshot-v1".utf8) + storeID + header
        b.appendLE(UInt32(index))
        return b
    }

    static func encode(payload: [UInt8], generation: UInt64, sequence: UInt64, chainHead: [UInt8],
                       epoch: Int, keyring: Keyring) -> [UInt8] {
        let count = (payload.count + chunkSize - 1) / chunkSize
        let salt = randomBytes(8)
        var header: [UInt8] = magic
        header.appendLE(version)
        header.appendLE(UInt32(epoch))
        header.appendLE(generation)
        header.appendLE(sequence)
        header.appendLE(UInt64(payload.count))
        header.appendLE(UInt32(chunkSize))
        header.appendLE(UInt32(count))
        header += salt
        header += chainHead
        var b = header
        b.reserveCapacity(headerSize + payload.count + count * (8 + tagSize))
        b.appendLE(CRC32C.checksum(header))
        b.appendLE(UInt32(0))
        let key = keyring.snapshotKey(epoch: epoch)
        for i in 0..<count {
            let chunk = payload[(i * chunkSize)..<min(payload.count, (i + 1) * chunkSize)]
            let sealed = keyring.seal(chunk, key: key, nonce: nonce(salt: salt, index: i),
                                      authenticating: additionalData(storeID: keyring.storeID, header: header, index: i))
            b.appendLE(UInt32(sealed.count))
            b.appendLE(CRC32C.checksum(sealed))
            b += sealed
        }
        return b
    }

    static func readHeader(_ raw: UnsafeRawBufferPointer, path: String) throws(StoreError) -> Header {
        guard raw.count >= headerSize else {
            throw .corrupt(path: path, offset: 0, reason: "the snapshot header is incomplete (\(raw.count) of \(headerSize) bytes)")
        }
        guard Array(raw[0..<8]) == magic else { throw .corrupt(path: path, offset: 0, reason: "this is not a marac snapshot (wrong magic)") }
        // The checksum first: a changed version field is damage, not a format from elsewhere.
        let v = raw.le32(8)
        guard CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<88])) == raw.le32(88) else {
            throw .corrupt(path: path, offset: v == version ? 88 : 8, reason: "the snapshot header checksum does not match"
                + (v == version ? "" : " (it names format version \(v); this marac writes \(version))"))
        }
        guard v == version else { throw .notAStore(path: path, reason: "snapshot format version \(v) is not one this program reads") }
        guard raw.le32(92) == 0 else { throw .corrupt(path: path, offset: 92, reason: "reserved header bytes are not zero") }
        guard Int(raw.le32(40)) == chunkSize else {
            throw .corrupt(path: path, offset: 40, reason: "unexpected chunk size \(raw.le32(40))")
        }
        return Header(epoch: Int(raw.le32(12)), generation: raw.le64(16), sequence: raw.le64(24), payloadLength: raw.le64(32),
                      chunkCount: raw.le32(44), salt: Array(raw[48..<56]), chainHead: Array(raw[56..<88]), bytes: Array(raw[0..<88]))
    }

    /// Reads just the header of a snapshot file's bytes.
    static func header(of bytes: [UInt8], path: String) throws(StoreError) -> Header {
        try bytes.withBytes { raw throws(StoreError) in try readHeader(raw, path: path) }
    }

    /// Checks every chunk's framing and checksum, then opens the chunks (on all cores) into the
    /// payload; the offset of the first bad chunk is reported.
    static func decode(_ bytes: [UInt8], path: String, keyring: Keyring) throws(StoreError) -> (Header, [UInt8]) {
        try bytes.withBytes { raw throws(StoreError) in try decode(raw, path: path, keyring: keyring) }
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, path: String, keyring: Keyring) throws(StoreError) -> (Header, [UInt8]) {
        let header = try readHeader(bytes, path: path)
        let count = Int(header.chunkCount)
        let length = Int(clamping: header.payloadLength)
        guard count == (length + chunkSize - 1) / chunkSize, header.payloadLength <= UInt64(bytes.count) else {
            throw .corrupt(path: path, offset: 32, reason: "the header's length and chunk count disagree")
        }
        guard keyring.hasKey(epoch: header.epoch) else {
            throw .corrupt(path: path, offset: 12, reason: "it is sealed with key epoch \(header.epoch), which no key slot in store.json holds "
                           + "(a store.json older than the snapshot, put back from a backup, does this)")
        }
        // Framing and checksums first, so damage is told apart from a wrong key.
        var chunkStarts: [Int] = []
        chunkStarts.reserveCapacity(count)
        let end = try { (raw: UnsafeRawBufferPointer) throws(StoreError) -> Int in
            var offset = headerSize
            for i in 0..<count {
                guard raw.count - offset >= 8 else {
                    throw .corrupt(path: path, offset: offset, reason: "the snapshot ends in chunk \(i + 1) of \(count)")
                }
                let sealedLength = Int(raw.le32(offset))
                let plainLength = i == count - 1 ? length - i * chunkSize : chunkSize
                guard sealedLength == plainLength + tagSize, raw.count - offset - 8 >= sealedLength else {
                    throw .corrupt(path: path, offset: offset, reason: "chunk \(i + 1) has an impossible length \(sealedLength)")
                }
                guard CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[offset + 8..<offset + 8 + sealedLength])) == raw.le32(offset + 4) else {
                    throw .corrupt(path: path, offset: offset, reason: "chunk \(i + 1) fails its checksum")
                }
                chunkStarts.append(offset)
                offset += 8 + sealedLength
            }
            return offset
        }(bytes)
        guard end == bytes.count else {
            throw .corrupt(path: path, offset: end, reason: "\(bytes.count - end) unexpected bytes after the last chunk")
        }
        let key = keyring.snapshotKey(epoch: header.epoch)
        let starts = chunkStarts
        let failed = AtomicFirstFailure()
        nonisolated(unsafe) let source = bytes
        // Not zeroed first: every byte is written by a chunk (or the open fails).
        let payload = [UInt8](unsafeUninitializedCapacity: length) { out, initialized in
            nonisolated(unsafe) let target = out
            DispatchQueue.concurrentPerform(iterations: count) { i in
                let start = starts[i]
                let sealedLength = i == count - 1 ? length - i * chunkSize + tagSize : chunkSize + tagSize
                let sealed = UnsafeRawBufferPointer(rebasing: source[(start + 8)..<(start + 8 + sealedLength)])
                guard let plain = keyring.open(sealed, key: key, nonce: nonce(salt: header.salt, index: i),
                                               authenticating: additionalData(storeID: keyring.storeID, header: header.bytes, index: i)) else {
                    failed.record(i)
                    return
                }
                plain.withUnsafeBytes { UnsafeMutableRawPointer(target.baseAddress!).advanced(by: i * chunkSize).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            }
            initialized = length
        }
        if let i = failed.first {
            throw .corrupt(path: path, offset: chunkStarts[i],
                           reason: "chunk \(i + 1) fails authentication: it was altered, or sealed under another key")
        }
        return (header, payload)
    }
}

/// The lowest index that failed, from several threads.
final class AtomicFirstFailure: @unchecked Sendable {
    private var value: Int?
    private let lock = NSLock()

    func record(_ i: Int) {
        lock.withLock { value = min(value ?? i, i) }
    }

    var first: Int? { lock.withLock { value } }
}
