import MARACCore
import Testing

/// The quarterly data return, checked against a quarter counted by hand.
@Suite struct DataReturnTests {
    /// Four cases heard in July 2026 at two meetings, one more in October:
    ///
    /// | case | referrer | victim | age | ethnic group | LGBT+ | disability | children | perpetrators | repeat |
    /// |---|---|---|---|---|---|---|---|---|---|
    /// | 1 | police | female | 34 | white | no | no | 2 | 1 aged 40 | no |
    /// | 2 | IDVA | male | 17 | asian | yes | no | 0 | 1 aged 17 | no |
    /// | 3 | police | female | 16 | black | no | yes | 1 | 2: aged 30 and 16 | no |
    /// | 4 | housing | female | 50 | white | no | no | 3 | case 1's, aged 40 | yes, of case 1 |
    /// | 5 (Q4) | police | female | 40 | mixed | no | no | 0 | 1 | no |
    ///
    /// Q3 by hand: 4 cases, 1 repeat (25%), 6 children, 2 police referrals (50%) and 2 others
    /// (IDVA, housing; 50%), 1 male (25%), 2 aged 16-17 (50%), 2 racially minoritised (50%),
    /// 1 LGBT+ (25%), 1 disabled (25%), 2 perpetrators aged 17 or under.
    static func quarter() throws -> Scenario {
        var s = Scenario(today: Day(year: 2026, month: 6, day: 15)!,
                         profile: AreaProfile(maracName: "Counted", adultFemalePopulation: 20_000))
        let a = s.standardAgencies()
        let m1 = s.meeting(on: Day(year: 2026, month: 7, day: 2)!)
        let m2 = s.meeting(on: Day(year: 2026, month: 7, day: 30)!)
        let m3 = s.meeting(on: Day(year: 2026, month: 10, day: 8)!)
        func person(_ name: String, age: Int, gender: Gender = .female, ethnicity: EthnicGroup = .white,
                    lgbt: YesNoUnknown = .no, disability: YesNoUnknown = .no) -> Person {
            Person(name: name, dateOfBirth: s.today.adding(years: -age).adding(days: -10), gender: gender,
                   diversity: Diversity(ethnicity: ethnicity, disability: disability, lgbt: lgbt))
        }
        func perp(_ age: Int) -> Perpetrator {
            Perpetrator(person: person("P\(age)", age: age, gender: .male), relationship: .partner)
        }
        let p40 = perp(40)
        let c1 = try s.accept(try s.receive(Scenario.details("C1", on: s.today, agency: a.police, victim: person("One", age: 34),
                                                             children: 2, perpetrators: [p40])), onto: m1)
        _ = try s.accept(try s.receive(Scenario.details("C2", on: s.today, agency: a.idva,
                                                        victim: person("Two", age: 17, gender: .male, ethnicity: .asian, lgbt: .yes),
                                                        perpetrators: [perp(17)])), onto: m1)
        _ = try s.accept(try s.receive(Scenario.details("C3", on: s.today, agency: a.police,
                                                        victim: person("Three", age: 16, ethnicity: .black, disability: .yes),
                                                        children: 1, perpetrators: [perp(30), perp(16)])), onto: m2)
        _ = try s.accept(try s.receive(Scenario.details("C5", on: s.today, agency: a.police,
                                                        victim: person("Five", age: 40, ethnicity: .mixed))), onto: m3)
        // Case 1 is heard on 2 July; case 4, referred that day, repeats it (the same victim and
        // perpetrator, after the hearing) and is heard on 30 July.
        s.today = s.state.meeting(m1)!.date
        s.hold(m1)
        let r4 = try s.receive(Scenario.details("C4", on: s.today, agency: a.housing, victim: person("Four", age: 50),
                                                children: 3, perpetrators: [p40]))
        try s.run(.linkRepeat(r4, c1))
        _ = try s.accept(r4, onto: m2)
        for m in [m2, m3] {
            s.today = s.state.meeting(m)!.date
            s.hold(m)
        }
        return s
    }

    @Test func theQuarterMatchesTheHandCount() throws {
        let s = try Self.quarter()
        let r = s.state.dataReturn(for: Quarter(year: 2026, number: 3)!)
        #expect(r.meetingsHeld == 2)
        #expect(r.casesDiscussed == 4)
        #expect(r.repeatCases == 1)
        #expect(r.percent(r.repeatCases) == 25)
        #expect(r.childrenInHouseholds == 6)
        #expect(r.policeReferrals == 2)
        #expect(r.nonPoliceReferrals == 2)
        #expect(r.referralsByAgencyKind == [.police: 2, .idvaService: 1, .housing: 1])
        #expect(r.maleVictims == 1)
        #expect(r.victimsAged16to17 == 2)
        #expect(r.raciallyMinoritisedVictims == 2)
        #expect(r.lgbtVictims == 1)
        #expect(r.disabledVictims == 1)
        #expect(r.perpetratorsAged17OrUnder == 2)
        // Cases in the twelve months to the end of September (4) per 10,000 of 20,000 women.
        #expect(r.casesPer10kAdultFemales == 2.0)
    }

    @Test func theNextQuarterCountsOnlyItsOwnMeetings() throws {
        let s = try Self.quarter()
        let q4 = s.state.dataReturn(for: Quarter(year: 2026, number: 4)!)
        #expect(q4.casesDiscussed == 1)
        #expect(q4.raciallyMinoritisedVictims == 1)
        #expect(q4.casesPer10kAdultFemales == 2.5)
        #expect(s.state.dataReturn(for: Quarter(year: 2026, number: 2)!).casesDiscussed == 0)
        #expect(s.state.dataReturn(for: Quarter(year: 2026, number: 2)!).percent(0) == nil)
    }

    @Test func quartersAreWrittenAndReadAs2026Q3() {
        #expect(Quarter(parsing: "2026-Q3") == Quarter(year: 2026, number: 3))
        #expect(Quarter(parsing: "2026q3") == Quarter(year: 2026, number: 3))
        #expect(Quarter(parsing: "Q3 2026") == Quarter(year: 2026, number: 3))
        #expect(Quarter(parsing: "2026-Q5") == nil)
        #expect(Quarter(year: 2026, number: 3)!.firstDay == Day(year: 2026, month: 7, day: 1)!)
        #expect(Quarter(year: 2026, number: 3)!.lastDay == Day(year: 2026, month: 9, day: 30)!)
        #expect(Quarter(containing: Day(year: 2026, month: 12, day: 31)!).description == "2026-Q4")
    }
}
