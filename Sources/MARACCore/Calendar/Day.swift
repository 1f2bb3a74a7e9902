/// A calendar day with no time of day or zone: referral dates, dates of birth, due dates and
/// meeting dates are all days, and comparing them must not depend on where the machine is.
///
/// Stored as the number of days since 1970-01-01 so that ordering, differences and encoding are
/// integer operations; the Gregorian conversion is Howard Hinnant's `days_from_civil`.
public struct Day: Hashable, Comparable, Sendable, Codable {
    /// Days since 1970-01-01 (negative before it).
    public let ordinal: Int32

    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// A day from its parts, or nil when the parts do not name a real day (31/02, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Day.daysIn(month: month, year: year)).contains(day),
              (1...9999).contains(year) else { return nil }
        self.ordinal = Int32(Day.daysFromCivil(year: year, month: month, day: day))
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var dayOfMonth: Int { civil.day }

    public var civil: (year: Int, month: Int, day: Int) {
        let z = Int(ordinal) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// ISO weekday: Monday is 1, Sunday is 7.
    public var weekday: Int {
        let w = (Int(ordinal) + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
        return (w < 0 ? w + 7 : w) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + Int32(days)) }

    /// The same day of the month `months` later, clamped to the month's last day (31 Jan + 1 month
    /// is 28 or 29 Feb), which is how people count "twelve months after".
    public func adding(months: Int) -> Day {
        let c = civil
        let total = c.year * 12 + (c.month - 1) + months
        let y = total / 12, m = total % 12 + 1
        let d = min(c.day, Day.daysIn(month: m, year: y))
        return Day(year: y, month: m, day: d) ?? self
    }

    public func adding(years: Int) -> Day { adding(months: years * 12) }

    /// Moves back over `count` working days (Monday to Friday). Bank holidays vary by nation
    /// and year, so they are not counted here; an area that needs them sets a larger cut-off.
    public func subtractingWorkingDays(_ count: Int) -> Day {
        var day = self
        var left = count
        while left > 0 {
            day = day.adding(days: -1)
            if !day.isWeekend { left -= 1 }
        }
        return day
    }

    public func days(until other: Day) -> Int { Int(other.ordinal - ordinal) }

    /// Whole years from this day (a date of birth) to `day`.
    public func age(on day: Day) -> Int {
        let a = civil, b = day.civil
        var years = b.year - a.year
        if (b.month, b.day) < (a.month, a.day) { years -= 1 }
        return years
    }

    /// `2026-03-01`: the form scripts and exports use.
    public var iso: String {
        let c = civil
        return "\(Day.pad(c.year, 4))-\(Day.pad(c.month, 2))-\(Day.pad(c.day, 2))"
    }

    /// `01/03/2026`: the form coordinators write and read.
    public var british: String {
        let c = civil
        return "\(Day.pad(c.day, 2))/\(Day.pad(c.month, 2))/\(Day.pad(c.year, 4))"
    }

    /// `Sun 1 Mar 2026`: for headings.
    public var long: String {
        let c = civil
        return "\(Day.weekdayNames[weekday - 1]) \(c.day) \(Day.monthNames[c.month - 1]) \(c.year)"
    }

    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    public static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    public static let weekdayLongNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

extension Day: CustomStringConvertible {
    public var description: String { iso }
}
