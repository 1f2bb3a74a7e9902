/// The snapshot: the folded state at one sequence number, written whole to a temporary file and
/// renamed into place, so a snapshot on disk is always complete.
///
/// Header (56 bytes): magic `MARACSNP` (8), format version (u32), reserved (u32), generation
/// (u64), sequence (u64), payload length (u64), chunk size (u32), chunk count (u32), CRC32C of
/// the first 48 bytes (u32), reserved (u32). Then each chunk: data length (u32), CRC32C of the
/// data (u32), data. The payload is the chunks' data joined; its encoding is the core's binary
/// state form. Chunks let a reader check (and later decrypt) the payload in pieces.
enum SnapshotFormat {
    static let magic: [UInt8] = Array("MARACSNP".utf8)
    static let version: UInt32 = 1
    static let headerSize = 56
    static let chunkSize = 1 << 16

    struct Header {
        var generation: UInt64
        var sequence: UInt64
        var payloadLength: UInt64
        var chunkCount: UInt32
    }

    static func encode(payload: [UInt8], generation: UInt64, sequence: UInt64) -> [UInt8] {
        let count = (payload.count + chunkSize - 1) / chunkSize
        var b: [UInt8] = magic
        b.reserveCapacity(headerSize + payload.count + count * 8)
        b.appendLE(version)
        b.appendLE(UInt32(0))
        b.appendLE(generation)
        b.appendLE(sequence)
        b.appendLE(UInt64(payload.count))
        b.appendLE(UInt32(chunkSize))
        b.appendLE(UInt32(count))
        b.appendLE(CRC32C.checksum(b))
        b.appendLE(UInt32(0))
        var offset = 0
        while offset < payload.count {
            let end = min(offset + chunkSize, payload.count)
            let chunk = payload[offset..<end]
            b.appendLE(UInt32(chunk.count))
            b.appendLE(CRC32C.checksum(chunk))
            b.append(contentsOf: chunk)
            offset = end
        }
        return b
    }

    static func readHeader(_ raw: UnsafeRawBufferPointer, path: String) throws(StoreError) -> Header {
        guard raw.count >= headerSize else {
            throw .corrupt(path: path, offset: 0, reason: "the snapshot header is incomplete (\(raw.count) of \(headerSize) bytes)")
        }
        guard Array(raw[0..<8]) == magic else { throw .corrupt(path: path, offset: 0, reason: "this is not a marac snapshot (wrong magic)") }
        let v = raw.le32(8)
        guard v == version else { throw .notAStore(path: path, reason: "snapshot format version \(v) is not one this program reads") }
        guard CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<48])) == raw.le32(48) else {
            throw .corrupt(path: path, offset: 48, reason: "the snapshot header checksum does not match")
        }
        guard raw.le32(52) == 0 else { throw .corrupt(path: path, offset: 52, reason: "reserved header bytes are not zero") }
        guard Int(raw.le32(40)) == chunkSize else {
            throw .corrupt(path: path, offset: 40, reason: "unexpected chunk size \(raw.le32(40))")
        }
        return Header(generation: raw.le64(16), sequence: raw.le64(24), payloadLength: raw.le64(32), chunkCount: raw.le32(44))
    }

    /// Checks every chunk and returns the payload, or the offset of the first bad one.
    static func decode(_ bytes: [UInt8], path: String) throws(StoreError) -> (Header, [UInt8]) {
        let result: Result<(Header, [UInt8]), StoreError> = bytes.withUnsafeBytes { raw in
            do throws(StoreError) {
                let header = try readHeader(raw, path: path)
                let expectedChunks = (Int(clamping: header.payloadLength) + chunkSize - 1) / chunkSize
                guard Int(header.chunkCount) == expectedChunks,
                      header.payloadLength <= UInt64(raw.count) else {
                    throw .corrupt(path: path, offset: 32, reason: "the header's length and chunk count disagree")
                }
                var payload = [UInt8]()
                payload.reserveCapacity(Int(header.payloadLength))
                var offset = headerSize
                for i in 0..<Int(header.chunkCount) {
                    guard raw.count - offset >= 8 else {
                        throw .corrupt(path: path, offset: offset, reason: "the snapshot ends in chunk \(i + 1) of \(header.chunkCount)")
                    }
                    let length = Int(raw.le32(offset))
                    let last = i == Int(header.chunkCount) - 1
                    guard length > 0, length <= chunkSize, last || length == chunkSize,
                          raw.count - offset - 8 >= length else {
                        throw .corrupt(path: path, offset: offset, reason: "chunk \(i + 1) has an impossible length \(length)")
                    }
                    let data = UnsafeRawBufferPointer(rebasing: raw[offset + 8..<offset + 8 + length])
                    guard CRC32C.checksum(data) == raw.le32(offset + 4) else {
                        throw .corrupt(path: path, offset: offset, reason: "chunk \(i + 1) fails its checksum")
                    }
                    payload.append(contentsOf: data)
                    offset += 8 + length
                }
                guard payload.count == Int(header.payloadLength) else {
                    throw .corrupt(path: path, offset: offset, reason: "the payload is \(payload.count) bytes, not \(header.payloadLength)")
                }
                guard offset == raw.count else {
                    throw .corrupt(path: path, offset: offset, reason: "\(raw.count - offset) unexpected bytes after the last chunk")
                }
                return .success((header, payload))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
