import Testing
@testable import MARACCore

/// Meeting patterns as area guides write them, and the dates they give across month ends,
/// leap years and bank holidays.
@Suite struct MeetingPatternTests {
    static func day(_ iso: String) -> Day { DayParsing.parse(iso)! }

    @Test(arguments: [
        ("monthly first tuesday 10:00", "monthly first tuesday 10:00"),
        ("Monthly 1st Tue", "monthly first tuesday 10:00"),
        ("monthly last friday 14:30", "monthly last friday 14:30"),
        ("twice-monthly 1st,3rd thursday 09:30", "twice-monthly 1st,3rd thursday 09:30"),
        ("every 28 days from 2026-01-06 10:00", "every 28 days from 2026-01-06 10:00"),
        ("every 21 days on wednesday", "every 21 days on wednesday 10:00"),
        ("weekly wednesday 9:00", "weekly wednesday 09:00"),
        ("fortnightly tuesday from 2026-01-06", "fortnightly tuesday from 2026-01-06 10:00"),
    ])
    func aPatternReadsAndWritesBackTheSame(text: String, written: String) throws {
        let pattern = try #require(MeetingPattern(parsing: text))
        #expect(pattern.text == written)
        #expect(MeetingPattern(parsing: pattern.text) == pattern)
    }

    @Test(arguments: ["", "monthly", "monthly fifth tuesday", "twice-monthly 1st thursday", "every 3 days on monday",
                      "every 28 days", "weekly funday", "monthly first tuesday 25:00", "fortnightly tuesday from 2026-01-07"])
    func whatIsNotAPatternIsRefused(text: String) {
        #expect(MeetingPattern(parsing: text) == nil)
    }

    @Test func theFirstTuesdayOfEachMonthAcrossTheYearEnd() {
        let p = MeetingPattern(parsing: "monthly first tuesday")!
        let dates = p.dates(from: Self.day("2026-11-01"), through: Self.day("2027-02-28"), holidays: .none)
        #expect(dates.map(\.iso) == ["2026-11-03", "2026-12-01", "2027-01-05", "2027-02-02"])
    }

    @Test func theLastFridayFindsTheTwentyNinthOfFebruaryInALeapYear() {
        let p = MeetingPattern(parsing: "monthly last friday")!
        let dates = p.dates(from: Self.day("2028-01-01"), through: Self.day("2028-03-31"), holidays: .none)
        #expect(dates.map(\.iso) == ["2028-01-28", "2028-02-25", "2028-03-31"])
        let thursdays = MeetingPattern(parsing: "monthly last thursday")!.dates(from: Self.day("2024-02-01"), through: Self.day("2024-02-29"), holidays: .none)
        #expect(thursdays.map(\.iso) == ["2024-02-29"])
    }

    @Test func twiceAMonthGivesBothThursdaysInOrder() {
        let p = MeetingPattern(parsing: "twice-monthly 1st,3rd thursday 09:30")!
        let dates = p.dates(from: Self.day("2026-12-01"), through: Self.day("2027-01-31"), holidays: .none)
        #expect(dates.map(\.iso) == ["2026-12-03", "2026-12-17", "2027-01-07", "2027-01-21"])
    }

    @Test func aMeetingOnABankHolidayMovesToTheNextWorkingDay() {
        // The first Monday of May is the early May bank holiday.
        let p = MeetingPattern(parsing: "monthly first monday")!
        let may = p.dates(from: Self.day("2026-05-01"), through: Self.day("2026-05-31"), holidays: .englandAndWales)
        #expect(may.map(\.iso) == ["2026-05-05"])
        #expect(p.dates(from: Self.day("2026-05-01"), through: Self.day("2026-05-31"), holidays: .none).map(\.iso) == ["2026-05-04"])
    }

    @Test func everyTwentyEightDaysCountsFromItsStartOverTheMonthEnd() {
        let p = MeetingPattern(parsing: "every 28 days from 2026-01-06")!
        let dates = p.dates(from: Self.day("2026-01-20"), through: Self.day("2026-04-30"), holidays: .none)
        #expect(dates.map(\.iso) == ["2026-02-03", "2026-03-03", "2026-03-31", "2026-04-28"])
        #expect(p.next(after: Self.day("2026-02-03")) == Self.day("2026-03-03"))
    }

    @Test func aStoreFromBeforeCountsOnFromItsLastMeeting() {
        let p = MeetingPattern(everyDays: 28, weekday: 3)
        #expect(p.next(after: Self.day("2026-12-09")) == Self.day("2027-01-06"))
        #expect(p.description == "every 28 days, on Wednesdays, at 10:00")
        #expect(MeetingPattern(parsing: "twice-monthly 1st,3rd thursday 09:30")!.description == "twice a month, the first and third Thursdays, at 09:30")
    }
}
