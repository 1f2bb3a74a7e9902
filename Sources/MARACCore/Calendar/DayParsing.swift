/// Reads the ways people type a day: `2026-03-01`, `01/03/2026` (UK order, as every MARAC form
/// writes it), `1/3/26`, and, where a "today" is known, `today`, `tomorrow`, `+7d`, `+2w`, `-3d`,
/// `+1m`. Returns nil for anything else, so the caller can say which field was wrong.
public enum DayParsing {
    public static func parse(_ text: String, today: Day? = nil) -> Day? {
        let t = text.trimmingSpaces().lowercased()
        if t.isEmpty { return nil }
        if let today {
            if t == "today" { return today }
            if t == "tomorrow" { return today.adding(days: 1) }
            if t == "yesterday" { return today.adding(days: -1) }
            if let relative = parseRelative(t, today: today) { return relative }
        }
        if let iso = parseSeparated(t, separator: "-", order: .yearFirst) { return iso }
        if let uk = parseSeparated(t, separator: "/", order: .dayFirst) { return uk }
        if let ukDots = parseSeparated(t, separator: ".", order: .dayFirst) { return ukDots }
        return nil
    }

    enum Order { case yearFirst, dayFirst }

    static func parseSeparated(_ t: String, separator: Character, order: Order) -> Day? {
        let parts = t.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitChar) }) else {
            return nil
        }
        guard let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        switch order {
        case .yearFirst:
            guard parts[0].count == 4 else { return nil }
            return Day(year: a, month: b, day: c)
        case .dayFirst:
            var year = c
            if parts[2].count == 2 { year = c + 2000 }  // 1/3/26: two-digit years are this century
            else if parts[2].count != 4 { return nil }
            return Day(year: year, month: b, day: a)
        }
    }

    static func parseRelative(_ t: String, today: Day) -> Day? {
        guard let sign = t.first, sign == "+" || sign == "-" else { return nil }
        let body = t.dropFirst()
        guard let unit = body.last, let n = Int(body.dropLast()), n >= 0, n <= 3650 else { return nil }
        let k = sign == "-" ? -n : n
        switch unit {
        case "d": return today.adding(days: k)
        case "w": return today.adding(days: 7 * k)
        case "m": return today.adding(months: k)
        case "y": return today.adding(years: k)
        default: return nil
        }
    }
}

extension Character {
    var isASCIIDigitChar: Bool { isASCII && isNumber }
}

extension StringProtocol {
    /// Trims spaces, tabs and line ends at both ends (without Foundation).
    public func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
