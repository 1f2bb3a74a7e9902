import MARACCore
import Testing

/// Finding the earlier cases of the same victim: names matched regardless of case, accents,
/// spacing and aliases, with the date of birth, tolerating one typo in either.
@Suite struct RepeatDetectionTests {
    static let born = Day(year: 1991, month: 4, day: 23)!

    /// A store with one heard case for "Zoë Łukasiewicz", referred on 2 March 2026.
    static func withEarlierCase(anchor: RepeatAnchor = .lastReferral, aliases: [String] = []) throws -> (Scenario, CaseID, AgencyID) {
        var s = Scenario(profile: AreaProfile(maracName: "Repeats", repeatAnchor: anchor))
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today.adding(days: 30))
        let victim = Scenario.victim("Zoë Łukasiewicz", born: born, aliases: aliases)
        let c = try s.accept(try s.receive(Scenario.details("FIRST", on: s.today, agency: a.police, victim: victim)), onto: m)
        s.advance(days: 30)
        s.hold(m)
        return (s, c, a.police)
    }

    func candidates(_ s: Scenario, name: String, born: Day?, aliases: [String] = [], on day: Day? = nil) -> [RepeatCandidate] {
        var v = Scenario.victim(name, born: born ?? Self.born, aliases: aliases)
        if born == nil { v.dateOfBirth = nil }
        return s.state.repeatCandidates(for: Scenario.details("NEW", on: day ?? s.today, agency: AgencyID(1), victim: v))
    }

    @Test(arguments: ["Zoë Łukasiewicz", "ZOE LUKASIEWICZ", "zoe lukasiewicz", "Zoe  Łukasiewicz", "Zoë Łukasiewicz "])
    func theSameNameMatchesWhateverItsCaseAccentsAndSpacing(name: String) throws {
        let (s, c, _) = try Self.withEarlierCase()
        let found = candidates(s, name: name, born: Self.born)
        #expect(found.map(\.caseID) == [c])
        #expect(found[0].isExact)
        #expect(found[0].reasons == ["same date of birth; same name"])
        #expect(found[0].withinWindow)
    }

    @Test func anAliasOnEitherSideMatches() throws {
        let (s, c, _) = try Self.withEarlierCase(aliases: ["Zoe Lucas"])
        let byAlias = candidates(s, name: "Zoe Lucas", born: Self.born)
        #expect(byAlias.map(\.caseID) == [c])
        #expect(byAlias[0].reasons[0].contains("alias \"Zoe Lucas\" matches"))
        let (s2, c2, _) = try Self.withEarlierCase()
        let newAlias = candidates(s2, name: "Z. Smith", born: Self.born, aliases: ["Zoe Lukasiewicz"])
        #expect(newAlias.map(\.caseID) == [c2])
    }

    @Test(arguments: ["Zoë Łukasiewiz", "Zoë Łukasiewicza", "Zoë Łuaksiewicz", "Zoë Łukasiewicx"])
    func oneTypoInTheNameMatchesWhenTheDateOfBirthIsTheSame(name: String) throws {
        let (s, c, _) = try Self.withEarlierCase()
        let found = candidates(s, name: name, born: Self.born)
        #expect(found.map(\.caseID) == [c])
        #expect(!found[0].isExact)
        #expect(found[0].reasons == ["same date of birth; name differs by one letter"])
    }

    @Test(arguments: [
        Day(year: 1991, month: 4, day: 28)!,  // one digit
        Day(year: 1991, month: 4, day: 13)!,  // one digit
        Day(year: 1993, month: 4, day: 23)!,  // one digit of the year
        Day(year: 1919, month: 4, day: 23)!,  // two neighbouring digits swapped
    ])
    func oneTypoInTheDateOfBirthMatchesWhenTheNameIsTheSame(birth: Day) throws {
        let (s, c, _) = try Self.withEarlierCase()
        let found = candidates(s, name: "Zoe Lukasiewicz", born: birth)
        #expect(found.map(\.caseID) == [c])
    }

    @Test func dayAndMonthSwappedMatch() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today.adding(days: 30))
        let c = try s.accept(try s.receive(Scenario.details("X", on: s.today, agency: a.police,
                                                           victim: Scenario.victim("Sam Roe", born: Day(year: 1990, month: 3, day: 11)!))), onto: m)
        let found = s.state.repeatCandidates(for: Scenario.details("Y", on: s.today, agency: a.police,
                                                                    victim: Scenario.victim("Sam Roe", born: Day(year: 1990, month: 11, day: 3)!)))
        #expect(found.map(\.caseID) == [c])
        #expect(found[0].reasons[0].contains("date of birth differs by one typo"))
    }

    @Test func aTypoInBothTheNameAndTheDateIsADifferentPerson() throws {
        let (s, _, _) = try Self.withEarlierCase()
        #expect(candidates(s, name: "Zoë Łukasiewiz", born: Day(year: 1991, month: 4, day: 28)!).isEmpty)
        #expect(candidates(s, name: "Someone Else", born: Self.born).isEmpty)
        #expect(candidates(s, name: "Zoë Łukasiewicz", born: Day(year: 1985, month: 1, day: 1)!).isEmpty)
    }

    @Test func aMissingDateOfBirthMatchesOnTheNameAloneAndSaysSo() throws {
        let (s, c, _) = try Self.withEarlierCase()
        let found = candidates(s, name: "Zoe Lukasiewicz", born: nil)
        #expect(found.map(\.caseID) == [c])
        #expect(found[0].reasons == ["same name; no date of birth to compare"])
    }

    @Test func insideTheWindowCountingFromTheLastReferral() throws {
        let (s, c, _) = try Self.withEarlierCase(anchor: .lastReferral)
        let referred = Day(year: 2026, month: 3, day: 2)!
        let inside = candidates(s, name: "Zoë Łukasiewicz", born: Self.born, on: referred.adding(months: 12))
        #expect(inside.first?.withinWindow == true)
        let outside = candidates(s, name: "Zoë Łukasiewicz", born: Self.born, on: referred.adding(months: 12).adding(days: 1))
        #expect(outside.first?.caseID == c)
        #expect(outside.first?.withinWindow == false)
        #expect(outside.first?.windowEnds == referred.adding(months: 12))
    }

    @Test func insideTheWindowCountingFromTheLastMeeting() throws {
        let (s, _, _) = try Self.withEarlierCase(anchor: .lastMeeting)
        // Heard on 1 April 2026 (30 days after the referral): the window runs to 1 April 2027.
        let heard = Day(year: 2026, month: 4, day: 1)!
        let afterReferralYear = candidates(s, name: "Zoë Łukasiewicz", born: Self.born, on: Day(year: 2027, month: 3, day: 20)!)
        #expect(afterReferralYear.first?.withinWindow == true)
        #expect(afterReferralYear.first?.windowEnds == heard.adding(months: 12))
        let afterMeetingYear = candidates(s, name: "Zoë Łukasiewicz", born: Self.born, on: heard.adding(months: 12).adding(days: 1))
        #expect(afterMeetingYear.first?.withinWindow == false)
    }

    @Test func linkingOutsideTheWindowIsRefusedAsANewCase() throws {
        var (s, c, police) = try Self.withEarlierCase()
        s.advance(days: 400)
        let r = try s.receive(Scenario.details("LATER", on: s.today, agency: police,
                                               victim: Scenario.victim("Zoë Łukasiewicz", born: Self.born)))
        #expect(s.refusal(.linkRepeat(r, c)) == .repeatWindowLapsed(c, endedOn: Day(year: 2027, month: 3, day: 2)!))
        #expect(!s.state.triageRow(s.state.referral(r)!).flags.contains(.possibleRepeat))
    }

    @Test func theQueueFlagsAPossibleRepeatInsideItsWindow() throws {
        var (s, c, police) = try Self.withEarlierCase()
        let r = try s.receive(Scenario.details("SOON", on: s.today, agency: police,
                                               victim: Scenario.victim("Zoe Lukasiewicz", born: Self.born)))
        #expect(s.state.triageRow(s.state.referral(r)!).flags.contains(.possibleRepeat))
        try s.run(.linkRepeat(r, c))
        #expect(!s.state.triageRow(s.state.referral(r)!).flags.contains(.possibleRepeat), "once linked it is no longer a question")
        #expect(s.state.referral(r)?.repeatOf == c)
    }
}
