import Foundation

/// JSON for scripts, from `Encodable` records: `JSONEncoder` writes the values (the compiler
/// checks every record's fields), and ``layout(_:)`` sets them out the way marac always has:
/// keys sorted, two-space indentation, `"key": value`, `[]` and `{}` for empty containers, and
/// U+2028, U+2029 and DEL escaped so the text is safe to paste into JavaScript and terminals.
public enum JSONOutput {
    /// `value` as marac's JSON text, ending with a line break.
    ///
    /// - Parameter value: records made of strings, numbers, booleans, optionals (written as
    ///   `null`, see ``OrNull``), arrays and nested records.
    /// - Returns: the text; a value JSONEncoder refuses (a non-finite number) gives `null`.
    public static func render<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let compact = try? encoder.encode(value) else { return "null\n" }
        return layout(compact)
    }

    /// Compact JSON (as JSONEncoder writes it) set out with line breaks and indentation.
    static func layout(_ compact: Data) -> String {
        var out = [UInt8]()
        out.reserveCapacity(compact.count + compact.count / 3)
        var indent = 0
        var inString = false
        var escaped = false
        let bytes = [UInt8](compact)
        func newline() {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: indent))
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if escaped {
                    escaped = false
                    out.append(b)
                } else if b == 0x5C, i + 1 < bytes.count, bytes[i + 1] == 0x62 || bytes[i + 1] == 0x66 {
                    // \b and \f as marac has always written them, by number.
                    out.append(contentsOf: Array((bytes[i + 1] == 0x62 ? "\\u0008" : "\\u000c").utf8))
                    i += 1
                } else if b == 0x5C {  // backslash
                    escaped = true
                    out.append(b)
                } else if b == 0x22 {  // closing quote
                    inString = false
                    out.append(b)
                } else if b == 0x7F {
                    out.append(contentsOf: Array("\\u007f".utf8))
                } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                    out.append(contentsOf: Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                    i += 2
                } else {
                    out.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 0x22:  // opening quote
                inString = true
                out.append(b)
            case 0x7B, 0x5B:  // { [
                let close: UInt8 = b == 0x7B ? 0x7D : 0x5D
                if i + 1 < bytes.count, bytes[i + 1] == close {
                    out.append(b)
                    out.append(close)
                    i += 1
                } else {
                    out.append(b)
                    indent += 2
                    newline()
                }
            case 0x7D, 0x5D:  // } ]
                indent -= 2
                newline()
                out.append(b)
            case 0x2C:  // ,
                out.append(b)
                newline()
            case 0x3A:  // :
                out.append(contentsOf: [0x3A, 0x20])
            default:
                out.append(b)
            }
            i += 1
        }
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }
}

/// An optional field written as `null` when it has no value, as Docs/cli.md promises, rather
/// than left out (what JSONEncoder does with a plain optional).
@propertyWrapper
public struct OrNull<Value: Encodable & Sendable>: Encodable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let wrappedValue { try c.encode(wrappedValue) } else { try c.encodeNil() }
    }
}
