/// Reads values back from bytes written by ``BinaryWriter``. Every read checks the bounds and
/// throws rather than trapping: the bytes may come from a damaged file.
public struct BinaryReader {
    @usableFromInline let base: UnsafeRawBufferPointer
    public private(set) var offset: Int
    /// The codec level the bytes were written at, for fields added later: 1 for everything
    /// written before 2026-12-03 (change schema 1, snapshot payload 2), 2 since. A decoder
    /// reads a field added at level n only when `version >= n`, and gives its default otherwise.
    public internal(set) var version: Int

    /// Valid only inside the closure that lent the buffer; use ``decode(_:from:version:)``.
    public init(_ base: UnsafeRawBufferPointer, version: Int, offset: Int = 0) {
        self.base = base
        self.version = version
        self.offset = offset
    }

    public var remaining: Int { base.count - offset }
    public var isAtEnd: Bool { offset >= base.count }

    public mutating func read<T: BinaryCodable>(_ type: T.Type = T.self) throws(BinaryDecodingError) -> T {
        try T(from: &self)
    }

    public mutating func readByte() throws(BinaryDecodingError) -> UInt8 {
        guard offset < base.count else { throw .truncated(at: offset) }
        let b = base[offset]
        offset += 1
        return b
    }

    public mutating func readVarint() throws(BinaryDecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < base.count else { throw .truncated(at: offset) }
            let b = base[offset]
            offset += 1
            if shift == 63 && b > 1 { throw .invalidTag(type: "number", tag: Int(b), at: offset - 1) }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift > 63 { throw .invalidTag(type: "number", tag: Int(b), at: offset - 1) }
        }
    }

    public mutating func readSigned() throws(BinaryDecodingError) -> Int64 {
        let v = try readVarint()
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }

    public mutating func readFixed32() throws(BinaryDecodingError) -> UInt32 {
        guard remaining >= 4 else { throw .truncated(at: offset) }
        let v = base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        offset += 4
        return UInt32(littleEndian: v)
    }

    public mutating func readFixed64() throws(BinaryDecodingError) -> UInt64 {
        guard remaining >= 8 else { throw .truncated(at: offset) }
        let v = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return UInt64(littleEndian: v)
    }

    /// A count of things that follow, checked against the bytes left so a damaged count cannot
    /// make the reader allocate gigabytes.
    public mutating func readCount(_ what: String, minimumBytesEach: Int = 1) throws(BinaryDecodingError) -> Int {
        let at = offset
        let n = try readVarint()
        guard n <= UInt64(remaining / max(1, minimumBytesEach)) else {
            throw .tooLarge(what: what, count: Int(clamping: n), at: at)
        }
        return Int(n)
    }

    public mutating func readString() throws(BinaryDecodingError) -> String {
        let n = try readCount("text length")
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: base[offset..<offset + n]), as: UTF8.self)
        offset += n
        return s
    }

    public mutating func readBytes(_ n: Int) throws(BinaryDecodingError) -> [UInt8] {
        guard n >= 0, n <= remaining else { throw .truncated(at: offset) }
        let out = Array(base[offset..<offset + n])
        offset += n
        return out
    }

    /// A case number below `limit`; `type` names the enum in the error, and is only worked out
    /// when there is one (describing a type costs more than reading a thousand tags).
    public mutating func readTag(_ type: @autoclosure () -> String, below limit: Int) throws(BinaryDecodingError) -> Int {
        let at = offset
        let t = try readVarint()
        guard t < UInt64(limit) else { throw .invalidTag(type: type(), tag: Int(clamping: t), at: at) }
        return Int(t)
    }

    public mutating func readOptional<T: BinaryCodable>(_ type: T.Type = T.self) throws(BinaryDecodingError) -> T? {
        let at = offset
        switch try readByte() {
        case 0: return nil
        case 1: return try T(from: &self)
        case let b: throw .invalidTag(type: "presence", tag: Int(b), at: at)
        }
    }

    public mutating func readArray<T: BinaryCodable>(_ type: T.Type = T.self, headroom: Int = 0) throws(BinaryDecodingError) -> [T] {
        let n = try readCount("list length")
        var out: [T] = []
        out.reserveCapacity(n + headroom)
        for _ in 0..<n { out.append(try T(from: &self)) }
        return out
    }

    /// Decodes one value from bytes, requiring that every byte is used.
    public static func decode<T: BinaryCodable>(_ type: T.Type, from bytes: some LendableBytes & Sendable,
                                                version: Int) throws(BinaryDecodingError) -> T {
        try bytes.withBytes { raw throws(BinaryDecodingError) in
            var reader = BinaryReader(raw, version: version)
            let value = try T(from: &reader)
            guard reader.isAtEnd else { throw .tooLarge(what: "trailing bytes", count: reader.remaining, at: reader.offset) }
            return value
        }
    }
}
