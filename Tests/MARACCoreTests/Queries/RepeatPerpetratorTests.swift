import MARACCore
import Testing

/// SafeLives: "A repeat is any instance of abuse between the same victim and perpetrator(s),
/// within 12 months of the last referral to Marac." A known victim referred for abuse by
/// someone new is a new case, not a repeat.
@Suite struct RepeatPerpetratorTests {
    static let born = Day(year: 1988, month: 9, day: 14)!
    static let pat = Perpetrator(person: Person(name: "Pat Example", dateOfBirth: Day(year: 1985, month: 1, day: 1)), relationship: .exPartner)
    static let sam = Perpetrator(person: Person(name: "Sam Newman", dateOfBirth: Day(year: 1990, month: 6, day: 2)), relationship: .partner)

    /// Siobhán Marlow referred on 2 March 2026 (perpetrator Pat Example), heard on 1 April.
    static func earlierCase() throws -> (Scenario, CaseID, AgencyID) {
        var s = Scenario(today: Day(year: 2026, month: 3, day: 2)!)
        let a = s.standardAgencies()
        let m = s.meeting(on: Day(year: 2026, month: 4, day: 1)!)
        let victim = Scenario.victim("Siobhán Marlow", born: born)
        let c = try s.accept(try s.receive(Scenario.details("FIRST", on: s.today, agency: a.police, victim: victim, perpetrators: [pat])), onto: m)
        s.today = Day(year: 2026, month: 4, day: 1)!
        s.hold(m)
        s.today = Day(year: 2026, month: 9, day: 10)!
        return (s, c, a.police)
    }

    func candidates(_ s: Scenario, victim: String = "Siobhán Marlow", perpetrators: [Perpetrator]) -> [RepeatCandidate] {
        s.state.repeatCandidates(for: Scenario.details("NEW", on: s.today, agency: AgencyID(1), victim: Scenario.victim(victim, born: Self.born),
                                                       perpetrators: perpetrators))
    }

    @Test func theSamePerpetratorOnThe10September2026ReferralMakesItARepeat() throws {
        let (s, c, _) = try Self.earlierCase()
        let found = candidates(s, perpetrators: [Self.pat])
        #expect(found.map(\.caseID) == [c])
        #expect(found[0].perpetrator == .same && found[0].canBeRepeat)
    }

    @Test func anyOfSeveralPerpetratorsOnEitherSideIsEnough() throws {
        let (s, _, _) = try Self.earlierCase()
        let renamed = Perpetrator(person: Person(name: "Example Pat", dateOfBirth: Day(year: 1985, month: 1, day: 1)), relationship: .exPartner)
        #expect(candidates(s, perpetrators: [Self.sam, renamed]).first?.perpetrator == .same, "words in another order, second of two")
    }

    @Test func aNewPerpetratorInsideTheTwelveMonthsIsANewCaseNotARepeat() throws {
        var (s, c, police) = try Self.earlierCase()
        let found = candidates(s, perpetrators: [Self.sam])
        #expect(found.map(\.caseID) == [c], "still shown: the victim is known")
        #expect(found[0].withinWindow && found[0].perpetrator == .different && !found[0].canBeRepeat)
        #expect(found[0].perpetrator.label == "known victim, new perpetrator: a new case, not a repeat")
        let r = try s.receive(Scenario.details("NEW", on: s.today, agency: police, victim: Scenario.victim("Siobhán Marlow", born: Self.born),
                                               perpetrators: [Self.sam]))
        #expect(s.refusal(.linkRepeat(r, c)) == .newPerpetrator(c))
        #expect(s.state.triageQueue().first { $0.referral == r }?.flags.contains(.possibleRepeat) == false)
    }

    @Test func aReferralNamingNoPerpetratorLeavesItToTheAdmin() throws {
        let (s, _, _) = try Self.earlierCase()
        let found = candidates(s, perpetrators: [])
        #expect(found.first?.perpetrator == .notKnown && found.first?.canBeRepeat == true)
    }

    /// Family name first, and a name spelt as it is heard, with the same date of birth.
    @Test(arguments: ["Marlow Siobhán", "Shivaun Marlow", "MARLOW, Siobhan"])
    func aVictimIsFoundWithHerWordsSwappedOrHerNameSpeltAsItSounds(name: String) throws {
        let (s, c, _) = try Self.earlierCase()
        #expect(candidates(s, victim: name, perpetrators: [Self.pat]).map(\.caseID) == [c], "\(name)")
    }

    @Test func anotherNameWithTheSameDateOfBirthIsNotFound() throws {
        let (s, _, _) = try Self.earlierCase()
        #expect(candidates(s, victim: "Simone Marsh", perpetrators: [Self.pat]).isEmpty)
    }
}
