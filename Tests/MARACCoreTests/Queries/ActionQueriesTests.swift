import MARACCore
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

