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

    /// The demo shows each repeat rule, at a rate a real area has: SafeLives' national figure is
    /// 32% repeat cases (12 months to June 2023); every linked repeat is the same victim and
    /// perpetrator, heard at a later meeting, within 12 months of the referral it repeats; some
    /// known victims come back with a new perpetrator (a new case, not a repeat); some further
    /// referrals join a case before its hearing; and nobody is referred more than three times
    /// in a year.
    @Test func theDemoShowsEachRepeatRuleAtARealRate() throws {
        let state = DemoGenerator(seed: 3, cases: 600, today: Self.today).generate { _ in }
        let repeats = state.cases.filter { $0.repeatOf != nil }
        let rate = Double(repeats.count) / Double(state.cases.count)
        #expect(rate >= 0.24 && rate <= 0.40, "repeat rate \(rate), SafeLives national 0.32")
        for c in repeats {
            let earlier = try #require(state.case(c.repeatOf!))
            let (now, then) = (try #require(state.referral(of: c)), try #require(state.referral(of: earlier)))
            #expect(PerpetratorMatch.between(now.details.perpetrators, then.details.perpetrators) != .different, "\(c.id)")
            #expect(PersonMatch.samePerson(now.details.victim, then.details.victim), "\(c.id)")
            #expect(state.meeting(earlier.meeting)!.date < state.meeting(c.meeting)!.date, "\(c.id) heard after \(earlier.id)")
            #expect(now.details.receivedOn <= then.details.receivedOn.adding(months: 12), "\(c.id) within 12 months")
        }
        let newPerpetrator = state.cases.filter { c in
            guard c.repeatOf == nil, let r = state.referral(of: c) else { return false }
            return state.repeatCandidates(for: r.details, excluding: r.id).contains { $0.withinWindow && !$0.notYetHeard && $0.perpetrator == .different }
        }
        #expect(!newPerpetrator.isEmpty, "a known victim with a new perpetrator")
        #expect(newPerpetrator.count < repeats.count)
        let further = state.referrals.filter { if case .addedToCase = $0.status { true } else { false } }
        #expect(!further.isEmpty, "a further referral before the hearing")
        for r in further {
            guard case .addedToCase(let id) = r.status else { continue }
            #expect(state.furtherReferrals(of: id).contains { $0.id == r.id })
        }
        // Cases of one victim (by name and date of birth) in any 12 months.
        var byVictim: [String: [Day]] = [:]
        for r in state.referrals {
            guard case .accepted = r.status else { continue }
            let v = r.details.victim
            byVictim["\(NameFolding.fold(v.name))|\(v.dateOfBirth.map(\.british) ?? "")", default: []].append(r.details.receivedOn)
        }
        let busiest = byVictim.values.map { days in
            days.sorted().enumerated().map { i, d in days.sorted()[i...].prefix { $0 < d.adding(months: 12) }.count }.max() ?? 0
        }.max() ?? 0
        #expect(busiest <= 3, "one victim referred \(busiest) times in 12 months")
    }
}
