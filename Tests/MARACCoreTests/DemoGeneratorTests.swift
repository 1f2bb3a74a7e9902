import Testing
@testable import MARACCore

@Suite struct DemoGeneratorTests {
    static let today = Day(year: 2026, month: 11, day: 28)!

    @Test func theSameSeedGivesTheSameStore() {
        let a = DemoGenerator(seed: 7, cases: 60, today: Self.today).changes()
        let b = DemoGenerator(seed: 7, cases: 60, today: Self.today).changes()
        #expect(a == b)
        let c = DemoGenerator(seed: 8, cases: 60, today: Self.today).changes()
        #expect(a != c)
    }

    @Test func aDemoAreaLooksLikeARealOne() {
        let state = DemoGenerator(seed: 1, cases: 160, today: Self.today).generate { _ in }
        #expect(state.cases.count == 160)
        #expect(state.agencies.count >= 14)
        #expect(state.agencies.contains { !$0.hasSignedISP })
        let repeats = state.cases.filter { $0.repeatOf != nil }.count
        let rate = Double(repeats) / Double(state.cases.count)
        #expect(rate > 0.15 && rate < 0.5, "repeat rate \(rate)")
        let nonPolice = state.cases.filter { state.agency(state.referral(of: $0)!.details.agency)!.kind != .police }.count
        #expect(Double(nonPolice) / Double(state.cases.count) > 0.2)
        let children = state.cases.map { state.childrenInHousehold(of: $0.id) }.reduce(0, +)
        let perCase = Double(children) / Double(state.cases.count)
        #expect(perCase > 0.9 && perCase < 1.7, "children per case \(perCase)")
        #expect(state.overdueActionsByAgency(on: Self.today).count > 0)
        #expect(state.actions.contains { $0.status == .notPossible })
        #expect(state.triageQueue().count >= 2)
        #expect(state.nextMeeting(onOrAfter: Self.today) != nil)
        let names = state.referrals.map(\.details.victim.name)
        #expect(names.contains { $0.unicodeScalars.contains { !$0.isASCII } })
        print("cases \(state.cases.count) meetings \(state.meetings.count) actions \(state.actions.count) referrals \(state.referrals.count)")
    }
}
