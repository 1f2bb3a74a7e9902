import MARACCore
import Testing

@Suite struct DayTests {
    @Test func daysConvertToAndFromTheirParts() {
        #expect(Day(year: 1970, month: 1, day: 1)!.ordinal == 0)
        #expect(Day(year: 2000, month: 3, day: 1)!.ordinal == 11017)
        for ordinal in stride(from: -700_000, through: 800_000, by: 997) {
            let d = Day(ordinal: Int32(ordinal))
            #expect(Day(year: d.year, month: d.month, day: d.dayOfMonth) == d)
        }
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2026, month: 13, day: 1) == nil)
    }

    @Test func weekdaysAreISO() {
        #expect(Day(year: 2026, month: 11, day: 28)!.weekday == 6)  // a Saturday
        #expect(Day(year: 2026, month: 11, day: 30)!.weekday == 1)
        #expect(Day(year: 1969, month: 12, day: 29)!.weekday == 1)
    }

    @Test func addingMonthsClampsToTheEndOfTheMonth() {
        #expect(Day(year: 2026, month: 1, day: 31)!.adding(months: 1) == Day(year: 2026, month: 2, day: 28)!)
        #expect(Day(year: 2024, month: 2, day: 29)!.adding(years: 1) == Day(year: 2025, month: 2, day: 28)!)
        #expect(Day(year: 2026, month: 3, day: 2)!.adding(months: 12) == Day(year: 2027, month: 3, day: 2)!)
        #expect(Day(year: 2026, month: 3, day: 2)!.adding(months: -3) == Day(year: 2025, month: 12, day: 2)!)
    }

    @Test func ageIsWholeYears() {
        let born = Day(year: 2010, month: 6, day: 15)!
        #expect(born.age(on: Day(year: 2026, month: 6, day: 14)!) == 15)
        #expect(born.age(on: Day(year: 2026, month: 6, day: 15)!) == 16)
    }

    @Test func workingDaysSkipWeekends() {
        // Monday 2 March 2026 back one working day is Friday 27 February.
        #expect(Day(year: 2026, month: 3, day: 2)!.subtractingWorkingDays(1) == Day(year: 2026, month: 2, day: 27)!)
        #expect(Day(year: 2026, month: 3, day: 2)!.subtractingWorkingDays(5) == Day(year: 2026, month: 2, day: 23)!)
    }

    @Test(arguments: [
        ("2026-03-01", Day(year: 2026, month: 3, day: 1)), ("01/03/2026", Day(year: 2026, month: 3, day: 1)),
        ("1/3/2026", Day(year: 2026, month: 3, day: 1)), ("1/3/26", Day(year: 2026, month: 3, day: 1)),
        ("01.03.2026", Day(year: 2026, month: 3, day: 1)), (" 2026-03-01 ", Day(year: 2026, month: 3, day: 1)),
        ("31/02/2026", nil), ("2026-3-1x", nil), ("", nil), ("03/01/2026", Day(year: 2026, month: 1, day: 3)),
    ])
    func daysAreReadAsPeopleWriteThem(text: String, expected: Day?) {
        #expect(DayParsing.parse(text) == expected)
    }

    /// A two-digit year, read on 28 November 2026: a date of birth is the nearest year not after
    /// today, the day of an event the nearest year either way.
    @Test(arguments: [
        ("1/3/90", DayParsing.Kind.birth, Day(year: 1990, month: 3, day: 1)), ("1/3/26", .birth, Day(year: 2026, month: 3, day: 1)),
        ("1/12/26", .birth, Day(year: 1926, month: 12, day: 1)), ("1/3/30", .birth, Day(year: 1930, month: 3, day: 1)),
        ("14.09.88", .birth, Day(year: 1988, month: 9, day: 14)),
        ("1/3/26", .event, Day(year: 2026, month: 3, day: 1)), ("1/3/98", .event, Day(year: 1998, month: 3, day: 1)),
        ("3/1/27", .event, Day(year: 2027, month: 1, day: 3)), ("1/3/1990", .birth, Day(year: 1990, month: 3, day: 1)),
    ])
    func aTwoDigitYearIsReadAgainstToday(text: String, kind: DayParsing.Kind, expected: Day?) {
        let today = Day(year: 2026, month: 11, day: 28)!
        #expect(DayParsing.parse(text, today: today, kind: kind) == expected, "\(text) as \(kind)")
        #expect(DayParsing.hasTwoDigitYear(text) == !text.hasSuffix("1990"))
    }

    @Test func relativeDaysCountFromToday() {
        let today = Day(year: 2026, month: 11, day: 28)!
        #expect(DayParsing.parse("today", today: today) == today)
        #expect(DayParsing.parse("+7d", today: today) == Day(year: 2026, month: 12, day: 5))
        #expect(DayParsing.parse("+2w", today: today) == Day(year: 2026, month: 12, day: 12))
        #expect(DayParsing.parse("-3d", today: today) == Day(year: 2026, month: 11, day: 25))
        #expect(DayParsing.parse("+1m", today: today) == Day(year: 2026, month: 12, day: 28))
        #expect(DayParsing.parse("+7x", today: today) == nil)
        #expect(DayParsing.parse("+7d") == nil, "no relative days without a today")
    }

    @Test func daysAreWrittenInTheirThreeForms() {
        let d = Day(year: 2026, month: 3, day: 1)!
        #expect(d.iso == "2026-03-01")
        #expect(d.british == "01/03/2026")
        #expect(d.long == "Sun 1 Mar 2026")
    }
}
