/// When the area's meetings fall, as its guide says it ("monthly, first Tuesday, 10:00";
/// "twice a month, 1st and 3rd Thursdays"; "every 28 days"). The dates it gives are proposed
/// for the coordinator to confirm; each meeting is still scheduled, moved or cancelled on its own.
public struct MeetingPattern: Hashable, Sendable, Codable {
    public enum Rule: Hashable, Sendable, Codable {
        /// Every `days` days: from `start` when given; otherwise from the last meeting, on
        /// `weekday` (ISO: Monday is 1).
        case every(days: Int, start: Day?, weekday: Int)
        /// In the given weeks of each month (1 to 4; 5 for the last) on `weekday`.
        case monthly(weeks: [Int], weekday: Int)
    }

    public var rule: Rule
    /// The usual start time, `HH:MM`.
    public var time: String

    public init(rule: Rule, time: String = "10:00") {
        self.rule = rule
        self.time = time
    }

    /// Every `everyDays` days on `weekday`, from the last meeting: what stores made before
    /// 2026-12-03 hold.
    public init(everyDays: Int, weekday: Int) {
        self.init(rule: .every(days: everyDays, start: nil, weekday: weekday))
    }

    public var weekday: Int {
        switch rule {
        case .every(_, let start, let weekday): start?.weekday ?? weekday
        case .monthly(_, let weekday): weekday
        }
    }

    /// About how many days lie between meetings.
    public var everyDays: Int {
        switch rule {
        case .every(let days, _, _): days
        case .monthly(let weeks, _): max(7, 30 / max(1, weeks.count))
        }
    }

    /// The dates the pattern gives from `from` through `through`, each moved to the next
    /// working day when it falls on one of the region's bank holidays. A pattern counted from
    /// the last meeting counts from `last` (or gives its first date after `from`).
    public func dates(from: Day, through: Day, holidays region: BankHolidayRegion, after last: Day? = nil) -> [Day] {
        guard from <= through else { return [] }
        var out: [Day] = []
        switch rule {
        case .every(let days, let start, let weekday):
            let step = max(1, days)
            var d: Day
            if let start {
                d = start
                if d < from { d = d.adding(days: ((d.days(until: from) + step - 1) / step) * step) }
            } else if let last {
                d = Self.first(onWeekday: weekday, onOrAfter: last.adding(days: max(1, step - 6)))
                while d < from { d = d.adding(days: step) }
            } else {
                d = Self.first(onWeekday: weekday, onOrAfter: from)
            }
            while d <= through {
                out.append(d)
                d = d.adding(days: step)
            }
        case .monthly(let weeks, let weekday):
            var year = from.year, month = from.month
            while let first = Day(year: year, month: month, day: 1), first <= through {
                for week in weeks.sorted() {
                    if let d = Self.day(week: week, weekday: weekday, year: year, month: month), d >= from, d <= through { out.append(d) }
                }
                month += 1
                if month > 12 { month = 1; year += 1 }
            }
        }
        return out.map { Self.workingDay(onOrAfter: $0, holidays: region) }
    }

    /// The first date the pattern gives after `day`.
    public func next(after day: Day, holidays region: BankHolidayRegion = .none) -> Day {
        let from = day.adding(days: 1)
        return dates(from: from, through: from.adding(days: 400), holidays: region, after: day).first ?? from
    }

    /// The `week`th (5: the last) `weekday` of a month.
    static func day(week: Int, weekday: Int, year: Int, month: Int) -> Day? {
        guard let first = Day(year: year, month: month, day: 1) else { return nil }
        if week >= 5 {
            let last = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
            return last.adding(days: -((last.weekday - weekday + 7) % 7))
        }
        let d = first.adding(days: (weekday - first.weekday + 7) % 7 + (week - 1) * 7)
        return d.month == month ? d : nil
    }

    static func first(onWeekday weekday: Int, onOrAfter day: Day) -> Day {
        day.adding(days: (weekday - day.weekday + 7) % 7)
    }

    static func workingDay(onOrAfter day: Day, holidays region: BankHolidayRegion) -> Day {
        var d = day
        while !BankHolidays.isWorkingDay(d, in: region) { d = d.adding(days: 1) }
        return d
    }
}
