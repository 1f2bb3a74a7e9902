extension Int: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.writeSigned(Int64(self)) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        let at = r.offset
        let v = try r.readSigned()
        guard let i = Int(exactly: v) else { throw .invalidTag(type: "integer", tag: 0, at: at) }
        self = i
    }
}

extension Int32: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.writeSigned(Int64(self)) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        let at = r.offset
        let v = try r.readSigned()
        guard let i = Int32(exactly: v) else { throw .invalidTag(type: "32-bit integer", tag: 0, at: at) }
        self = i
    }
}

extension Int64: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.writeSigned(self) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) { self = try r.readSigned() }
}

extension UInt64: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.writeVarint(self) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) { self = try r.readVarint() }
}

extension Bool: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.writeByte(self ? 1 : 0) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        let at = r.offset
        switch try r.readByte() {
        case 0: self = false
        case 1: self = true
        case let b: throw .invalidTag(type: "yes/no", tag: Int(b), at: at)
        }
    }
}

extension Double: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.writeFixed64(bitPattern) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) { self = Double(bitPattern: try r.readFixed64()) }
}

extension String: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.writeString(self) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) { self = try r.readString() }
}

extension Optional: BinaryCodable where Wrapped: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.writeOptional(self) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) { self = try r.readOptional(Wrapped.self) }
}

extension Array: BinaryCodable where Element: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.writeArray(self) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) { self = try r.readArray(Element.self) }
}

extension Day: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.writeSigned(Int64(ordinal)) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) { self.init(ordinal: try r.read(Int32.self)) }
}

extension Instant: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.writeSigned(milliseconds) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) { self.init(milliseconds: try r.readSigned()) }
}

extension Identifier: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.writeVarint(UInt64(UInt32(bitPattern: number))) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        let at = r.offset
        let v = try r.readVarint()
        guard v <= UInt64(Int32.max) else { throw .invalidTag(type: Kind.prefix + " number", tag: Int(clamping: v), at: at) }
        self.init(Int32(v))
    }
}

/// Enums without associated values are written as their position among all cases. Cases are
/// only ever appended, and a test pins the order, so old stores keep their meaning.
///
/// Each type keeps its cases and their positions in static tables (`allCases` builds a new
/// array on every call, which decoding a large snapshot cannot afford).
public protocol BinaryCodableEnum: BinaryCodable, CaseIterable, Hashable where AllCases == [Self] {
    static var codedCases: [Self] { get }
    static var codedPositions: [Self: Int] { get }
}

extension BinaryCodableEnum {
    public func encode(to w: inout BinaryWriter) { w.writeTag(Self.codedPositions[self]!) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        let all = Self.codedCases
        self = all[try r.readTag(String(describing: Self.self), below: all.count)]
    }

    /// A position table for `codedPositions`.
    public static func positions(_ cases: [Self]) -> [Self: Int] {
        Dictionary(uniqueKeysWithValues: cases.enumerated().map { ($0.element, $0.offset) })
    }
}

extension Role: BinaryCodableEnum {
    public static let codedCases = allCases
    public static let codedPositions = positions(codedCases)
}
extension AgencyKind: BinaryCodableEnum {
    public static let codedCases = allCases
    public static let codedPositions = positions(codedCases)
}
extension Gender: BinaryCodableEnum {
    public static let codedCases = allCases
    public static let codedPositions = positions(codedCases)
}
extension YesNoUnknown: BinaryCodableEnum {
    public static let codedCases = allCases
    public static let codedPositions = positions(codedCases)
}
extension EthnicGroup: BinaryCodableEnum {
    public static let codedCases = allCases
    public static let codedPositions = positions(codedCases)
}
extension Relationship: BinaryCodableEnum {
    public static let codedCases = allCases
    public static let codedPositions = positions(codedCases)
}
extension RiskAnswerValue: BinaryCodableEnum {
    public static let codedCases = allCases
    public static let codedPositions = positions(codedCases)
}
extension CaseStatus: BinaryCodableEnum {
    public static let codedCases = allCases
    public static let codedPositions = positions(codedCases)
}
extension MeetingStatus: BinaryCodableEnum {
    public static let codedCases = allCases
    public static let codedPositions = positions(codedCases)
}
extension ActionStatus: BinaryCodableEnum {
    public static let codedCases = allCases
    public static let codedPositions = positions(codedCases)
}
extension RepeatAnchor: BinaryCodableEnum {
    public static let codedCases = allCases
    public static let codedPositions = positions(codedCases)
}
extension RiskTool.Scoring: BinaryCodableEnum {
    public static let codedCases = allCases
    public static let codedPositions = positions(codedCases)
}
extension BankHolidayRegion: BinaryCodableEnum {
    public static let codedCases = allCases
    public static let codedPositions = positions(codedCases)
}
extension CommandKind: BinaryCodableEnum {
    public static let codedCases = allCases
    public static let codedPositions = positions(codedCases)
}
