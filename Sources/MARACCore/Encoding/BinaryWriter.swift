/// A value the store can write in its compact binary form. The form is positional (no field
/// names), so it is small and fast to read back: a 30,000-case snapshot must load in a few
/// hundred milliseconds, which JSON cannot do (see Docs/storage-format.md).
///
/// Rules that keep old stores readable: fields are only ever appended, and read back behind a
/// check of `reader.version`; enum cases are coded by their position and only ever appended.
public protocol BinaryCodable {
    func encode(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws(BinaryDecodingError)
}

public struct BinaryWriter: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func write<T: BinaryCodable>(_ value: T) { value.encode(to: &self) }

    public mutating func writeByte(_ b: UInt8) { bytes.append(b) }

    public mutating func writeBytes(_ b: some Collection<UInt8>) { bytes.append(contentsOf: b) }

    /// LEB128: seven bits a byte, low first; small numbers take one byte.
    public mutating func writeVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Zig-zag so that small negative numbers stay small.
    public mutating func writeSigned(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    public mutating func writeFixed32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func writeFixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func writeString(_ s: String) {
        var copy = s
        copy.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func writeTag(_ tag: Int) { writeVarint(UInt64(tag)) }

    public mutating func writeOptional<T: BinaryCodable>(_ value: T?) {
        if let value {
            bytes.append(1)
            value.encode(to: &self)
        } else {
            bytes.append(0)
        }
    }

    public mutating func writeArray<T: BinaryCodable>(_ values: [T]) {
        writeVarint(UInt64(values.count))
        for v in values { v.encode(to: &self) }
    }

    /// Encodes a value into a fresh byte array.
    public static func encode<T: BinaryCodable>(_ value: T, capacity: Int = 256) -> [UInt8] {
        var w = BinaryWriter(capacity: capacity)
        value.encode(to: &w)
        return w.bytes
    }
}

/// Why bytes could not be read back as a value. The store wraps it with the file and offset.
public enum BinaryDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    case truncated(at: Int)
    case invalidTag(type: String, tag: Int, at: Int)
    case tooLarge(what: String, count: Int, at: Int)
    case unsupportedVersion(Int)

    public var description: String {
        switch self {
        case .truncated(let at): "the data ends early (at byte \(at))"
        case .invalidTag(let type, let tag, let at): "unknown \(type) code \(tag) at byte \(at)"
        case .tooLarge(let what, let count, let at): "\(what) of \(count) at byte \(at) is larger than the data"
        case .unsupportedVersion(let v): "format version \(v) is newer than this program understands"
        }
    }
}
