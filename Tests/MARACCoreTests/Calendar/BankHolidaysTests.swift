import Testing
@testable import MARACCore

/// The bank holidays marac ships, as GOV.UK lists them, and the cut-off counted without them.
@Suite struct BankHolidaysTests {
    static func days(_ text: String) -> Set<Day> { BankHolidays.parse(text.split(separator: " ").map(String.init)) }

    @Test func englandAndWales2026IncludesTheBoxingDayMovedOffSaturday() {
        let year = BankHolidays.days(.englandAndWales).filter { $0.year == 2026 }
        #expect(year == Self.days("2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28"))
    }

    @Test func scotlandKeepsTheSecondOfJanuaryAndStAndrewsDayButNotEasterMonday() {
        let year = BankHolidays.days(.scotland).filter { $0.year == 2026 }
        #expect(year == Self.days("2026-01-01 2026-01-02 2026-04-03 2026-05-04 2026-05-25 2026-08-03 2026-11-30 2026-12-25 2026-12-28"))
        // 30 November 2024 was a Saturday: the Monday after.
        #expect(BankHolidays.days(.scotland).contains(Day(year: 2024, month: 12, day: 2)!))
    }

    @Test func northernIrelandMovesTheTwelfthOffASunday() {
        let year = BankHolidays.days(.northernIreland).filter { $0.year == 2026 }
        #expect(year.contains(Day(year: 2026, month: 3, day: 17)!))
        #expect(year.contains(Day(year: 2026, month: 7, day: 13)!))
        #expect(!year.contains(Day(year: 2026, month: 7, day: 12)!))
    }

    @Test func theProclaimedOneOffsAreThere() {
        let ew = BankHolidays.days(.englandAndWales)
        for iso in ["2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08", "2020-05-08"] {
            #expect(ew.contains(DayParsing.parse(iso)!), "\(iso)")
        }
        #expect(!ew.contains(Day(year: 2022, month: 5, day: 30)!), "the spring bank holiday of 2022 moved to 2 June")
        #expect(BankHolidays.days(.none).isEmpty)
    }

    @Test func everyYearCoveredHasItsHolidaysAndChristmasFallsOnAWeekday() {
        for region in [BankHolidayRegion.englandAndWales, .scotland, .northernIreland] {
            let all = BankHolidays.days(region)
            for year in BankHolidays.coveredYears {
                let these = all.filter { $0.year == year }
                #expect(these.count >= 8, "\(region) \(year)")
                #expect(these.allSatisfy { !$0.isWeekend }, "\(region) \(year) holds a weekend day")
                #expect(these.filter { $0.month == 12 && $0.dayOfMonth >= 25 }.count == 2)
            }
        }
    }

    @Test func theCutOffSkipsBankHolidaysAsWellAsWeekends() {
        // Tuesday 29 December 2026: back over the 28th (Boxing Day moved), the weekend, the 25th.
        let meeting = Day(year: 2026, month: 12, day: 29)!
        #expect(meeting.subtractingWorkingDays(2, holidays: .none) == Day(year: 2026, month: 12, day: 25))
        #expect(meeting.subtractingWorkingDays(2, holidays: .englandAndWales) == Day(year: 2026, month: 12, day: 23))
        // Eight working days before Thursday 9 April 2026, over Good Friday and Easter Monday.
        #expect(Day(year: 2026, month: 4, day: 9)!.subtractingWorkingDays(8, holidays: .englandAndWales) == Day(year: 2026, month: 3, day: 26))
        #expect(Day(year: 2026, month: 4, day: 9)!.subtractingWorkingDays(8, holidays: .scotland) == Day(year: 2026, month: 3, day: 27))
    }
}
