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

    @Test func attendanceRecordedInErrorCountsAsNotTakenAndIsRecordedAgainAfterTheMeeting() throws {
        var (s, m, _, _) = try Self.withAnAction()
        let a = s.state.agencies[0].id
        try s.run(.startMeeting(m))
        try s.run(.recordAttendance(m, a, .present(representative: "DC Wrong")))
        try s.run(.markRecordedInError(.attendance(m, a), reason: "They sent apologies"))
        #expect(s.state.meeting(m)?.attendance(of: a) == nil, "the line no longer stands")
        #expect(s.state.meeting(m)?.attendance.first?.inError == "They sent apologies", "it is still there, marked")
        #expect(s.refusal(.markRecordedInError(.attendance(m, a), reason: "again")) == .alreadyRecordedInError("That attendance"))
        try s.run(.endMeeting(m))
        try s.run(.recordAttendance(m, a, .apologies(informationSent: true)))
        #expect(s.state.meeting(m)?.attendance(of: a) == .apologies(informationSent: true), "corrected after the meeting, before sign-off")
        #expect(s.state.meeting(m)?.attendance.first?.inError == nil)
        #expect(s.state.journal.entries.last?.command == .recordAttendance && s.state.journal.entries.last?.record == .meeting(m))
        try s.run(.signOffMinutes(m))
        #expect(s.refusal(.recordAttendance(m, a, .absent))?.message.contains("add an addendum instead") == true)
    }

    @Test func aWrongObserverIsMarkedAndLeftStanding() throws {
        var (s, m, _, _) = try Self.withAnAction()
        try s.run(.startMeeting(m))
        try s.run(.recordObserver(m, Observer(name: "Wrong Person", organisation: "Ofsted", confidentialitySigned: true)))
        try s.run(.recordObserver(m, Observer(name: "Right Person", organisation: "Ofsted", confidentialitySigned: true)))
        try s.run(.markRecordedInError(.observer(m, index: 0), reason: "Not at this meeting"))
        let meeting = try #require(s.state.meeting(m))
        #expect(meeting.observers.map(\.name) == ["Wrong Person", "Right Person"])
        #expect(meeting.recordedObservers.map(\.name) == ["Right Person"])
        #expect(s.refusal(.markRecordedInError(.observer(m, index: 5), reason: "x")) != nil, "there is no sixth observer")
        #expect(s.state.journal.entries.last?.command == .markRecordedInError && s.state.journal.entries.last?.record == .meeting(m))
    }

    @Test func aProgressNoteInErrorStaysInTheHistoryButTheEntryThatSetTheStatusMustBeReplacedFirst() throws {
        var (s, _, _, a) = try Self.withAnAction()
        try s.run(.noteAction(a, note: "Note meant for another action", on: s.today))
        try s.run(.updateActionStatus(a, .done, note: "Done", on: s.today))
        let refused = s.refusal(.markRecordedInError(.actionNote(a, index: 1), reason: "x"))
        #expect(refused?.message.contains("record its right status first") == true)
        try s.run(.markRecordedInError(.actionNote(a, index: 0), reason: "Wrong action"))
        let action = try #require(s.state.action(a))
        #expect(action.history.map(\.inError) == ["Wrong action", nil])
        #expect(action.status == .done, "marking a note changes no status")
        #expect(action.latestUpdate?.note == "Done")
        try s.run(.noteAction(a, note: "Confirmed by letter", on: s.today))
        #expect(s.refusal(.markRecordedInError(.actionNote(a, index: 2), reason: "x")) == nil, "a note after the status may go")
        #expect(s.refusal(.markRecordedInError(.actionNote(a, index: 9), reason: "x")) != nil)
    }
}
