/// What an identifier identifies, and the letters that show it: `R` for a referral, so
/// `R-0042` can never be mistaken for case `C-0042`.
public protocol IdentifierKind: Sendable {
    static var prefix: String { get }
}

/// A record's number within its kind. Numbers are handed out in order by the state (the next
/// free number when a command is decided), so the same commands always give the same ids.
public struct Identifier<Kind: IdentifierKind>: Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible {
    public let number: Int32

    public init(_ number: Int32) { self.number = number }
    public init(_ number: Int) { self.number = Int32(number) }

    public static func < (a: Self, b: Self) -> Bool { a.number < b.number }

    /// `C-0042`: the form shown on screen, in exports and accepted on the command line.
    public var description: String {
        let digits = String(number)
        let padded = digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
        return "\(Kind.prefix)-\(padded)"
    }

    /// Reads `C-0042`, `c42`, `C 42` or `42`; nil for anything else or another kind's prefix.
    public init?(parsing text: String) {
        var t = Substring(text.trimmingSpaces().uppercased())
        if t.hasPrefix(Kind.prefix) {
            t = t.dropFirst(Kind.prefix.count)
            while let f = t.first, f == "-" || f == " " { t = t.dropFirst() }
        }
        guard !t.isEmpty, t.allSatisfy(\.isASCIIDigitChar), let n = Int32(t), n > 0 else { return nil }
        self.number = n
    }

    /// The position of this record in the state's dense array of its kind.
    var index: Int { Int(number) - 1 }
}

public enum AgencyKindTag: IdentifierKind { public static let prefix = "AG" }
public enum ReferralTag: IdentifierKind { public static let prefix = "R" }
public enum CaseTag: IdentifierKind { public static let prefix = "C" }
public enum MeetingTag: IdentifierKind { public static let prefix = "M" }
public enum ActionTag: IdentifierKind { public static let prefix = "A" }

public typealias AgencyID = Identifier<AgencyKindTag>
public typealias ReferralID = Identifier<ReferralTag>
public typealias CaseID = Identifier<CaseTag>
public typealias MeetingID = Identifier<MeetingTag>
public typealias ActionID = Identifier<ActionTag>
