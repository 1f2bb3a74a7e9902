/// Reads the ways people type a day: `2026-03-01`, `01/03/2026` (UK order, as every MARAC form
/// writes it), `1/3/26`, and, where a "today" is known, `today`, `tomorrow`, `+7d`, `+2w`, `-3d`,
/// `+1m`. Returns nil for anything else, so the caller can say which field was wrong.
///
/// A two-digit year is read against today: as the nearest year for the day of an event
/// (`1/3/26` is 2026, `1/3/98` is 1998), and as the nearest year not after today for a date
/// of birth (`1/3/90` is 1990, `1/3/26` on 28/11/2026 is 2026 and the child is nine months old,
/// `1/3/30` is 1930). Without a today, 20YY.
public enum DayParsing {
    /// What the day is of: it decides the century of a two-digit year.
    public enum Kind: Sendable { case event, birth }

    /// True when `text` writes its year in two digits (`1/3/90`): an import says so for each cell.
    public static func hasTwoDigitYear(_ text: String) -> Bool {
        let t = text.trimmingSpaces()
        for separator: Character in ["/", "."] {
            let parts = t.split(separator: separator, omittingEmptySubsequences: false)
            if parts.count == 3, parts[2].count == 2, parts[2].allSatisfy(\.isASCIIDigitChar) { return true }
        }
        return false
    }

    public static func parse(_ text: String, today: Day? = nil, kind: Kind = .event) -> Day? {
        let t = text.trimmingSpaces().lowercased()
        if t.isEmpty { return nil }
        if let today {
            if t == "today" { return today }
            if t == "tomorrow" { return today.adding(days: 1) }
            if t == "yesterday" { return today.adding(days: -1) }
            if let relative = parseRelative(t, today: today) { return relative }
        }
        if let iso = parseSeparated(t, separator: "-", order: .yearFirst) { return iso }
        for separator: Character in ["/", "."] {
            if let uk = parseSeparated(t, separator: separator, order: .dayFirst) {
                return hasTwoDigitYear(t) ? century(of: uk, today: today, kind: kind) : uk
            }
        }
        return nil
    }

    /// The day of a two-digit year (read first as 20YY) in the century the rule gives.
    static func century(of day: Day, today: Day?, kind: Kind) -> Day? {
        guard let today else { return day }
        let c = day.civil
        let yy = c.year % 100
        let base = today.civil.year / 100 * 100
        let options = [base - 100, base, base + 100].compactMap { Day(year: $0 + yy, month: c.month, day: c.day) }
        switch kind {
        case .birth: return options.filter { $0 <= today }.max()
        case .event: return options.min { abs($0.days(until: today)) < abs($1.days(until: today)) }
        }
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
