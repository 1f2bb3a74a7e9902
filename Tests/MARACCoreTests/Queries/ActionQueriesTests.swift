@testable import MARACCore
import Testing

/// The chair's questions: what is overdue, agency by agency, and how each agency is doing.
@Suite struct ActionQueriesTests {
    static func withActions() throws -> (Scenario, police: AgencyID, housing: AgencyID) {
        var s = Scenario()
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today)
        let c = try s.accept(try s.receive(Scenario.details("Q", on: s.today, agency: a.police)), onto: m)
        try s.run(.startMeeting(m))
        try s.run(.recordAttendance(m, a.police, .present(representative: "")))
        try s.run(.recordAttendance(m, a.housing, .apologies(informationSent: true)))
        try s.run(.startCaseDiscussion(m, c))
        for (agency, due) in [(a.police, 7), (a.police, 14), (a.housing, 7), (a.housing, 60)] {
            try s.run(.agreeAction(caseID: c, meeting: m, agency: agency, owner: "", description: "Do it", due: s.today.adding(days: due)))
        }
        try s.run(.endMeeting(m))
        s.advance(days: 20)
        try s.run(.updateActionStatus(ActionID(1), .done, note: "", on: s.today))
        return (s, a.police, a.housing)
    }

    @Test func overdueActionsAreGroupedByAgency() throws {
        let (s, police, housing) = try Self.withActions()
        let groups = s.state.overdueActionsByAgency(on: s.today)
        #expect(groups.map(\.agency.id) == [housing, police], "by name: Housing, Police")
        #expect(groups.map { $0.actions.map(\.id) } == [[ActionID(3)], [ActionID(2)]])
        #expect(s.state.actions(matching: ActionFilter(agency: police, overdueOn: s.today)).map(\.id) == [ActionID(2)])
    }

    @Test func accountabilityCountsAttendanceAndCompletion() throws {
        let (s, police, housing) = try Self.withActions()
        let rows = s.state.accountability(on: s.today)
        let p = rows.first { $0.agency == police }!
        let h = rows.first { $0.agency == housing }!
        #expect(p.attendanceRate == 1)
        #expect(h.attendanceRate == 0)
        #expect(p.actionsDue == 2 && p.actionsDone == 1 && p.completionRate == 0.5)
        #expect(h.actionsDue == 1 && h.actionsDone == 0 && h.completionRate == 0)
        #expect(h.actionsOverdue == 1)
        #expect(h.actionsOpen == 2)
    }

    /// The tracker's rows read in place are the actions the filter matches, by due date then
    /// number, for every kind of filter the tracker makes.
    @Test func theRowsByDueAreTheActionsTheFilterMatches() {
        let today = Day(year: 2026, month: 11, day: 28)!
        let state = DemoGenerator(seed: 2, cases: 120, today: today).generate { _ in }
        let agency = state.actions[0].agency, meeting = state.actions[0].meeting, caseID = state.actions[0].caseID
        let filters = [ActionFilter(), ActionFilter(status: .open), ActionFilter(overdueOn: today), ActionFilter(status: .done),
                       ActionFilter(agency: agency), ActionFilter(agency: agency, status: .open), ActionFilter(meeting: meeting),
                       ActionFilter(caseID: caseID), ActionFilter(dueOnOrBefore: today.adding(days: -30)),
                       ActionFilter(includeRecordedInError: true), ActionFilter(overdueOn: today, includeRecordedInError: true)]
        for f in filters {
            let expected = state.actions.filter(f.matches).sorted { ($0.due, $0.id) < ($1.due, $1.id) }.map(\.id)
            #expect(state.actionIDsByDue(matching: f) == expected, "\(f)")
            #expect(!expected.isEmpty || f.status == .done, "\(f) matches nothing in the demo")
        }
    }
}


/// The tracker's order of a long list: by due day, then number, counted into days rather than
/// sorted, the same as a sort would give.
@Suite struct ActionOrderTests {
    static func pairs(_ count: Int, days: Int, seed: UInt64, ascending: Bool) -> [(Day, ActionID)] {
        var rng = SeededGenerator(seed: seed)
        let start = Day(year: 2016, month: 1, day: 1)!
        var out = (0..<count).map { n in (start.adding(days: Int.random(in: 0..<days, using: &rng)), ActionID(Int32(n + 1))) }
        if !ascending { out.shuffle(using: &rng) }
        return out
    }

    @Test func aLongListIsInTheOrderASortGivesWhetherOrNotItCameInNumberOrder() {
        for (count, days, ascending) in [(30_000, 3_650, true), (30_000, 3_650, false), (5_000, 2, false), (10_000, 200_000, false), (100, 30, false)] {
            let keyed = Self.pairs(count, days: days, seed: UInt64(count + days), ascending: ascending)
            let sorted = keyed.sorted { $0 < $1 }.map(\.1)
            #expect(MARACState.byDueDay(keyed, numbersAscending: ascending) == sorted, "\(count) actions over \(days) days")
        }
    }

    @Test func theTrackersRowsOfAWholeDemoAreInDueOrder() {
        let state = DemoGenerator(seed: 4, cases: 800, today: Day(year: 2026, month: 11, day: 28)!).generate { _ in }
        let filter = ActionFilter()
        let rows = state.actionIDsByDue(matching: filter)
        #expect(rows.count == state.actions.filter(filter.matches).count && rows.count > 4096)
        let keys = rows.map { (state.action($0)!.due, $0) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
    }
}
