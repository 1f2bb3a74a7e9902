/// The append-only log: a 32-byte file header, then records.
///
/// File header: magic `MARACLOG` (8 bytes), format version (u32), key epoch (u32),
/// generation (u64), CRC32C of the first 24 bytes (u32), reserved (u32, zero).
///
/// Record: payload length (u32), CRC32C (u32) of the length, sequence and payload bytes,
/// sequence number (u64), payload. All integers little-endian. One record holds one change,
/// so a change is written whole or, after a crash, not at all. The payload is the change
/// sealed with AES-256-GCM (nonce, ciphertext, tag); see Docs/storage-format.md.
enum LogFormat {
    static let magic: [UInt8] = Array("MARACLOG".utf8)
    static let version: UInt32 = 2
    static let headerSize = 32
    static let recordHeaderSize = 16
    /// Larger records are taken for damage: a whole-area import is a few megabytes.
    static let maximumPayload = 1 << 30

    static func header(generation: UInt64, epoch: Int) -> [UInt8] {
        var b = magic
        b.appendLE(version)
        b.appendLE(UInt32(epoch))
        b.appendLE(generation)
        b.appendLE(CRC32C.checksum(b))
        b.appendLE(UInt32(0))
        return b
    }

    /// The generation and key epoch a log header names, or why the header is not one.
    static func readHeader(_ raw: UnsafeRawBufferPointer, path: String) throws(StoreError) -> (generation: UInt64, epoch: Int) {
        guard raw.count >= headerSize else {
            throw .corrupt(path: path, offset: 0, reason: "the log header is incomplete (\(raw.count) of \(headerSize) bytes)")
        }
        guard Array(raw[0..<8]) == magic else { throw .corrupt(path: path, offset: 0, reason: "this is not a marac log (wrong magic)") }
        // The checksum first: a changed version field is damage, not a format from elsewhere.
        let v = raw.le32(8)
        guard CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<24])) == raw.le32(24) else {
            throw .corrupt(path: path, offset: v == version ? 24 : 8, reason: "the log header checksum does not match"
                + (v == version ? "" : " (it names format version \(v); this marac writes \(version))"))
        }
        guard v == version else { throw .notAStore(path: path, reason: "log format version \(v) is not one this program reads") }
        guard raw.le32(28) == 0 else { throw .corrupt(path: path, offset: 28, reason: "reserved header bytes are not zero") }
        return (raw.le64(16), Int(raw.le32(12)))
    }

    /// What a record's seal authenticates besides its contents: the store, the log generation,
    /// the sequence number and the hash of the record before it.
    static func additionalData(storeID: [UInt8], generation: UInt64, sequence: UInt64, previous: [UInt8]) -> [UInt8] {
        var b = Array("marac-record-v1".utf8) + storeID
        b.appendLE(generation)
        b.appendLE(sequence)
        b += previous
        return b
    }

    static func record(sequence: UInt64, payload: [UInt8]) -> [UInt8] {
        var b: [UInt8] = []
        b.reserveCapacity(recordHeaderSize + payload.count)
        b.appendLE(UInt32(payload.count))
        b.appendLE(UInt32(0))
        b.appendLE(sequence)
        b.append(contentsOf: payload)
        var crc = CRC32C.checksum(b[0..<4])
        crc = CRC32C.checksum(b[8...], extending: crc)
        b.withUnsafeMutableBytes { $0.storeBytes(of: crc.littleEndian, toByteOffset: 4, as: UInt32.self) }
        return b
    }

    struct Record {
        var sequence: UInt64
        /// Where the record starts in the file.
        var offset: Int
        var payload: ArraySlice<UInt8>
        var size: Int { recordHeaderSize + payload.count }
    }

    /// What a scan found after the last good record.
    enum Ending: Equatable {
        /// The file ends exactly after the last record.
        case clean
        /// Bytes after the last good record do not form a record, and no good record follows
        /// them: an append that a crash (or a writer still at work) left unfinished.
        case incomplete(offset: Int, bytes: Int)
    }

    struct Scan {
        var records: [Record]
        var ending: Ending
        /// The offset just after the last good record.
        var goodEnd: Int
    }

    /// Reads the records from `start` on. A bad record with good records after it is damage
    /// (thrown with its offset); a bad stretch at the end with nothing good after it is an
    /// unfinished append (returned as the ending, for the caller to cut or wait on).
    static func scan(_ bytes: [UInt8], from start: Int, firstSequence: UInt64, path: String) throws(StoreError) -> Scan {
        try bytes.withBytes { raw throws(StoreError) in
            var records: [Record] = []
            var offset = start
            var expected = firstSequence
            while offset < raw.count {
                guard let (sequence, length) = validRecord(raw, at: offset) else {
                    if let later = nextValidRecord(raw, after: offset) {
                        throw .corrupt(path: path, offset: offset,
                                       reason: "a record fails its checksum, and intact records follow at byte \(later)")
                    }
                    if let damage = damageInTail(raw, at: offset, expected: expected) {
                        throw .corrupt(path: path, offset: offset, reason: damage)
                    }
                    return Scan(records: records, ending: .incomplete(offset: offset, bytes: raw.count - offset), goodEnd: offset)
                }
                guard sequence == expected else {
                    throw .corrupt(path: path, offset: offset, reason: "record sequence \(sequence) where \(expected) was expected")
                }
                let payloadStart = offset + recordHeaderSize
                records.append(Record(sequence: sequence, offset: offset, payload: bytes[payloadStart..<payloadStart + length]))
                offset = payloadStart + length
                expected += 1
            }
            return Scan(records: records, ending: .clean, goodEnd: offset)
        }
    }

    /// The sequence and payload length of an intact record at `offset`, or nil.
    static func validRecord(_ raw: UnsafeRawBufferPointer, at offset: Int) -> (UInt64, Int)? {
        guard raw.count - offset >= recordHeaderSize else { return nil }
        let length = Int(raw.le32(offset))
        guard length > 0, length <= maximumPayload, length <= raw.count - offset - recordHeaderSize else { return nil }
        var crc = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[offset..<offset + 4]))
        crc = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[offset + 8..<offset + recordHeaderSize + length]), extending: crc)
        guard crc == raw.le32(offset + 4) else { return nil }
        return (raw.le64(offset + 8), length)
    }

    /// Why the bytes from `offset` to the end, which hold no intact record, are damage rather
    /// than an append left unfinished; nil when they can be an unfinished append.
    ///
    /// A record is written with one write, so what a crash leaves is a prefix of it: its length
    /// and sequence as written, and fewer bytes than the length says. A record whose length fits
    /// in the file but whose checksum fails was written whole and changed since; so was one whose
    /// checksum holds once its length is taken from the file's end (a damaged length field), or
    /// one whose sequence is not the next. Those are damage, and are never cut off in silence.
    /// Zeros alone are what some file systems show after a crash that grew the file before its
    /// data reached the disk, and count as unfinished.
    static func damageInTail(_ raw: UnsafeRawBufferPointer, at offset: Int, expected: UInt64) -> String? {
        let remaining = raw.count - offset
        if raw[offset...].allSatisfy({ $0 == 0 }) { return nil }
        guard remaining >= recordHeaderSize else {
            if remaining >= 4 {
                let length = Int(raw.le32(offset))
                if length == 0 || length > maximumPayload {
                    return "the last record's length field (\(length)) is not one marac writes"
                }
            }
            return nil
        }
        let length = Int(raw.le32(offset))
        let sequence = raw.le64(offset + 8)
        if length > 0, length <= remaining - recordHeaderSize {
            return "record \(sequence) is complete (\(length) bytes) but fails its checksum: it was changed after it was written"
        }
        if sequence != expected {
            return "the last record names sequence \(sequence) where \(expected) was expected: its header was changed"
        }
        // The checksum covers the length: a record whose checksum holds with the length the
        // file's end gives is whole, and its length field was changed.
        var whole = [UInt8](repeating: 0, count: 4)
        whole.withUnsafeMutableBytes { $0.storeBytes(of: UInt32(remaining - recordHeaderSize).littleEndian, as: UInt32.self) }
        var crc = CRC32C.checksum(whole)
        crc = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[(offset + 8)...]), extending: crc)
        if crc == raw.le32(offset + 4) {
            return "record \(sequence) is complete but its length field says \(length) bytes where it has \(remaining - recordHeaderSize)"
        }
        if length == 0 || length > maximumPayload {
            return "record \(sequence)'s length field (\(length)) is not one marac writes"
        }
        return nil
    }

    static func nextValidRecord(_ raw: UnsafeRawBufferPointer, after offset: Int) -> Int? {
        var p = offset + 1
        while p + recordHeaderSize <= raw.count {
            if validRecord(raw, at: p) != nil { return p }
            p += 1
        }
        return nil
    }
}
