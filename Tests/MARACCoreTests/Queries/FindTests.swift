import Testing
@testable import MARACCore

/// Finding anyone: victims, perpetrators and children by name in any order with one typo, by
/// date of birth, by reference and id; each with the case and whether its window is open.
@Suite struct FindTests {
    static func scenario() throws -> (Scenario, ReferralID, CaseID) {
        var s = Scenario()
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today.adding(days: 10))
        var details = Scenario.details("NB-2026-0042", on: s.today, agency: a.police,
                                       victim: Scenario.victim("Siobhán Marlow", born: Day(year: 1977, month: 11, day: 21)!, aliases: ["Shiv Kelly"]),
                                       perpetrators: [Perpetrator(person: Person(name: "Darren Cole", dateOfBirth: Day(year: 1975, month: 3, day: 2)), relationship: .exPartner)])
        details.children = [Child(name: "Amelia Marlow", dateOfBirth: Day(year: 2015, month: 6, day: 1))]
        let r = try s.receive(details)
        let c = try s.accept(r, onto: m)
        try s.receive(Scenario.details("NB-2026-0043", on: s.today, agency: a.police, victim: Scenario.victim("Nguyễn Thị Lan")))
        return (s, r, c)
    }

    static func find(_ s: Scenario, _ query: String) -> [FoundPerson] {
        s.state.find(query, in: PeopleIndex(s.state), today: s.today)
    }

    @Test(arguments: ["Marlow Siobhan", "siobhán marlow", "marl sio", "SIOBHAN", "Siobahn Marlow", "Marlwo", "shiv"])
    func theVictimIsFoundByHerNameInAnyOrderWithOneTypo(query: String) throws {
        let (s, r, c) = try Self.scenario()
        let hits = Self.find(s, query)
        let victim = try #require(hits.first { $0.role == .victim })
        #expect(victim.name == "Siobhán Marlow")
        #expect(victim.referral == r && victim.caseID == c)
        #expect(victim.repeatWindowEnds == s.today.adding(months: 12), "inside the window of her case")
    }

    @Test func twoTyposOrAWordNotInTheNameFindNothing() throws {
        let (s, _, _) = try Self.scenario()
        #expect(Self.find(s, "Siobahn Marlwo").isEmpty)
        #expect(Self.find(s, "Siobhan Jones").isEmpty)
        #expect(Self.find(s, "zz").isEmpty)
    }

    @Test func perpetratorsAndChildrenAreFoundWithTheirRole() throws {
        let (s, _, c) = try Self.scenario()
        #expect(Self.find(s, "cole darren").map(\.role) == [.perpetrator])
        let child = try #require(Self.find(s, "amelia").first)
        #expect(child.role == .child && child.caseID == c && child.repeatWindowEnds == nil)
        #expect(Self.find(s, "marlow").map(\.role).sorted { $0.rawValue < $1.rawValue } == [.child, .victim])
        #expect(Self.find(s, "nguyen lan").first?.name == "Nguyễn Thị Lan", "accents folded")
    }

    @Test func aDateOfBirthAReferenceOrAnIdFindsTheRecord() throws {
        let (s, r, c) = try Self.scenario()
        #expect(Self.find(s, "21/11/1977").map(\.name) == ["Siobhán Marlow"])
        #expect(Self.find(s, "1975-03-02").map(\.role) == [.perpetrator])
        #expect(Self.find(s, "nb-2026-0042").first?.referral == r)
        #expect(Self.find(s, c.description).first?.matchedBy == "id")
        #expect(Self.find(s, "R-0002").first?.name == "Nguyễn Thị Lan")
    }
}
