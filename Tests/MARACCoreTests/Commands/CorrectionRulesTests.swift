import Testing
@testable import MARACCore

/// Corrections that keep the record: notes on actions, due dates moved with a reason, minutes
/// corrected by addenda once signed off.
@Suite struct CorrectionRulesTests {
    static func withAnAction() throws -> (Scenario, MeetingID, CaseID, ActionID) {
        var s = Scenario()
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today)
        let c = try s.accept(try s.receive(Scenario.details("C1", on: s.today, agency: a.police)), onto: m)
        let events = try s.run(.agreeAction(caseID: c, meeting: m, agency: a.housing, owner: "Ffion", description: "Repairs", due: s.today.adding(days: 14)))
        guard case .actionAgreed(let action) = events[0] else { throw DomainError.nothingToRecord("no action") }
        return (s, m, c, action.id)
    }

    @Test func aProgressNoteKeepsTheStatusAndJoinsTheHistory() throws {
        var (s, _, _, a) = try Self.withAnAction()
        try s.run(.noteAction(a, note: "Rang the housing officer; visit booked.", on: s.today))
        let action = try #require(s.state.action(a))
        #expect(action.status == .open)
        #expect(action.history.last?.note == "Rang the housing officer; visit booked.")
        #expect(action.history.last?.status == .open)
        #expect(s.refusal(.noteAction(a, note: " ", on: s.today)) != nil, "a note needs text")
    }

    @Test func aDueDateMovesWithItsReasonAndTheOldDateIsKept() throws {
        var (s, _, _, a) = try Self.withAnAction()
        let old = try #require(s.state.action(a)).due
        let new = old.adding(days: 21)
        try s.run(.extendActionDue(a, to: new, reason: "The landlord is away"))
        let action = try #require(s.state.action(a))
        #expect(action.due == new)
        #expect(action.history.last?.note == "Due date moved from \(old.british) to \(new.british): The landlord is away")
        #expect(s.refusal(.extendActionDue(a, to: new.adding(days: 1), reason: "")) != nil, "a reason is needed")
        #expect(s.refusal(.extendActionDue(a, to: s.today.adding(days: -30), reason: "x")) == .actionDueBeforeMeeting(due: s.today.adding(days: -30), meetingDate: s.today))
        let journal = s.state.journal.entries.last
        #expect(journal?.command == .extendActionDue && journal?.record == .action(a))
    }

    @Test func signedOffMinutesAreCorrectedByAnAddendumNotAnEdit() throws {
        var (s, m, c, _) = try Self.withAnAction()
        try s.run(.startMeeting(m))
        try s.run(.startCaseDiscussion(m, c))
        try s.run(.identifyRisk(m, c, "Perpetrator released"))
        try s.run(.endMeeting(m))
        #expect(s.refusal(.addMinutesAddendum(m, "x")) != nil, "before sign-off the record itself is corrected")
        try s.run(.signOffMinutes(m))
        let refused = s.refusal(.markRecordedInError(.risk(m, c, index: 0), reason: "wrong"))
        #expect(refused?.message.contains("add an addendum instead") == true)
        try s.run(.addMinutesAddendum(m, "The perpetrator was released on 2 March, not 3 March."))
        #expect(s.state.meeting(m)?.addenda.map(\.text) == ["The perpetrator was released on 2 March, not 3 March."])
        #expect(s.state.meeting(m)?.discussion(of: c)?.risks.first?.inError == nil)
    }

    @Test func aCasesVictimCorrectedIsFoundAsARepeatByHerNewNameAndBirthDate() throws {
        var (s, _, c, _) = try Self.withAnAction()
        let r = try #require(s.state.case(c)?.referral)
        var details = try #require(s.state.referral(r)).details
        details.victim.name = "Alexandra Exampleton"
        details.victim.dateOfBirth = Day(year: 1991, month: 6, day: 18)
        try s.run(.updateReferral(r, details))
        #expect(s.state.lookupsAgreeWithRecords())
        let later = Scenario.details("C2", on: s.today, agency: s.state.agencies[0].id,
                                     victim: Scenario.victim("Alexandra Exampleton", born: Day(year: 1991, month: 6, day: 18)!))
        #expect(s.state.repeatCandidates(for: later).map(\.caseID) == [c])
        #expect(s.state.journal.entries.last?.command == .updateReferral)
    }
}
