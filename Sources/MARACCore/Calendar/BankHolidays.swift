/// Which nation's bank holidays the area keeps: the case-list cut-off counts working days
/// without them, and meetings proposed from the pattern move off them.
public enum BankHolidayRegion: String, Hashable, Sendable, Codable, CaseIterable {
    case none
    case englandAndWales = "england-and-wales"
    case scotland
    case northernIreland = "northern-ireland"

    public var label: String {
        switch self {
        case .none: "none"
        case .englandAndWales: "England and Wales"
        case .scotland: "Scotland"
        case .northernIreland: "Northern Ireland"
        }
    }
}

/// The UK's bank holidays, as data shipped with marac (BankHolidays+Dates.swift, written by
/// scripts/generate-bank-holidays.py) for ``coveredYears``.
public enum BankHolidays {
    /// The region's bank holidays.
    public static func days(_ region: BankHolidayRegion) -> Set<Day> {
        switch region {
        case .none: []
        case .englandAndWales: englandAndWales
        case .scotland: scotland
        case .northernIreland: northernIreland
        }
    }

    static let englandAndWales = parse(isoDates(.englandAndWales))
    static let scotland = parse(isoDates(.scotland))
    static let northernIreland = parse(isoDates(.northernIreland))

    static func parse(_ dates: [String]) -> Set<Day> {
        Set(dates.compactMap { iso in
            let p = iso.split(separator: "-").compactMap { Int($0) }
            return p.count == 3 ? Day(year: p[0], month: p[1], day: p[2]) : nil
        })
    }

    /// True when `day` is a Monday to Friday that is not one of the region's bank holidays.
    public static func isWorkingDay(_ day: Day, in region: BankHolidayRegion) -> Bool {
        !day.isWeekend && !days(region).contains(day)
    }
}

extension Day {
    /// Moves back over `count` working days: Monday to Friday, without the region's bank
    /// holidays.
    public func subtractingWorkingDays(_ count: Int, holidays region: BankHolidayRegion) -> Day {
        let holidays = BankHolidays.days(region)
        var day = self
        var left = count
        while left > 0 {
            day = day.adding(days: -1)
            if !day.isWeekend && !holidays.contains(day) { left -= 1 }
        }
        return day
    }
}
