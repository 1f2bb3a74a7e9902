import MARACCore
import Testing

/// The rules of the live meeting and of the actions it agrees.
@Suite struct MeetingRulesTests {
    struct Held {
        var s: Scenario
        var agencies: (police: AgencyID, idva: AgencyID, housing: AgencyID, csc: AgencyID, unsigned: AgencyID)
        var meeting: MeetingID
        var caseID: CaseID
    }

    /// A meeting in progress with one case under discussion.
    static func meetingInProgress() throws -> Held {
        var s = Scenario()
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today.adding(days: 7))
        let r = try s.receive(Scenario.details("M1", on: s.today, agency: a.police, children: 2))
        let c = try s.accept(r, onto: m)
        s.advance(days: 7)
        try s.run(.startMeeting(m))
        try s.run(.startCaseDiscussion(m, c))
        return Held(s: s, agencies: a, meeting: m, caseID: c)
    }

    @Test func theMeetingRecordsAttendanceObserversAndTheStatement() throws {
        var h = try Self.meetingInProgress()
        try h.s.run(.recordAttendance(h.meeting, h.agencies.police, .present(representative: "DS Jones")))
        try h.s.run(.recordAttendance(h.meeting, h.agencies.housing, .apologies(informationSent: true)))
        try h.s.run(.recordAttendance(h.meeting, h.agencies.police, .present(representative: "DC Smith")))
        try h.s.run(.recordObserver(h.meeting, Observer(name: "Sam Student", organisation: "University", confidentialitySigned: true)))
        try h.s.run(.recordStatementRead(h.meeting))
        let m = h.s.state.meeting(h.meeting)!
        #expect(m.attendance(of: h.agencies.police) == .present(representative: "DC Smith"))
        #expect(m.attendance(of: h.agencies.housing) == .apologies(informationSent: true))
        #expect(m.observers.count == 1)
        #expect(m.statementReadAt != nil)
        #expect(h.s.refusal(.recordObserver(h.meeting, Observer(name: "", organisation: "", confidentialitySigned: false)))?.field == "observer name")
    }

    @Test func anAgencyThatHasNotSignedTheISPSharesNothing() throws {
        var h = try Self.meetingInProgress()
        #expect(h.s.refusal(.shareInformation(h.meeting, h.caseID, h.agencies.unsigned, "We know the family.")) == .agencyHasNotSignedISP("Faith Group"))
        try h.s.run(.shareInformation(h.meeting, h.caseID, h.agencies.police, "Three call-outs this year."))
        try h.s.run(.recordISPSigned(h.agencies.unsigned, on: h.s.today))
        try h.s.run(.shareInformation(h.meeting, h.caseID, h.agencies.unsigned, "We know the family."))
        #expect(h.s.state.meeting(h.meeting)?.discussion(of: h.caseID)?.information.count == 2)
    }

    @Test func anActionIsNeverDueBeforeItsMeeting() throws {
        var h = try Self.meetingInProgress()
        let date = h.s.state.meeting(h.meeting)!.date
        #expect(h.s.refusal(.agreeAction(caseID: h.caseID, meeting: h.meeting, agency: h.agencies.police, owner: "DS Jones",
                                          description: "Flag the address.", due: date.adding(days: -1)))
                == .actionDueBeforeMeeting(due: date.adding(days: -1), meetingDate: date))
        #expect(h.s.refusal(.agreeAction(caseID: h.caseID, meeting: h.meeting, agency: h.agencies.unsigned, owner: "",
                                          description: "Visit.", due: date)) == .agencyHasNotSignedISP("Faith Group"))
        #expect(h.s.refusal(.agreeAction(caseID: h.caseID, meeting: h.meeting, agency: h.agencies.police, owner: "",
                                          description: " ", due: date))?.field == "description")
        try h.s.run(.agreeAction(caseID: h.caseID, meeting: h.meeting, agency: h.agencies.police, owner: "DS Jones",
                                 description: "Flag the address.", due: date.adding(days: 14)))
        #expect(h.s.state.actions(of: h.caseID).count == 1)
    }

    @Test func anActionIsClosedOnceByOneOfThreeOutcomes() throws {
        var h = try Self.meetingInProgress()
        let date = h.s.state.meeting(h.meeting)!.date
        try h.s.run(.agreeAction(caseID: h.caseID, meeting: h.meeting, agency: h.agencies.housing, owner: "",
                                 description: "Change the locks.", due: date.adding(days: 14)))
        let id = ActionID(1)
        #expect(h.s.refusal(.updateActionStatus(id, .notPossible, note: "", on: h.s.today))?.field == "note")
        try h.s.run(.updateActionStatus(id, .done, note: "Locks changed.", on: h.s.today))
        #expect(h.s.refusal(.updateActionStatus(id, .notDone, note: "x", on: h.s.today)) == .actionAlreadyClosed(id, status: .done))
        #expect(h.s.refusal(.updateActionStatus(id, .done, note: "", on: h.s.today)) == .actionAlreadyInStatus(id, status: .done))
        try h.s.run(.updateActionStatus(id, .open, note: "Reopened: wrong address.", on: h.s.today))
        try h.s.run(.updateActionStatus(id, .notPossible, note: "Victim moved.", on: h.s.today))
        let a = h.s.state.action(id)!
        #expect(a.history.map(\.status) == [.done, .open, .notPossible])
        #expect(a.history.last?.note == "Victim moved.")
        #expect(h.s.refusal(.updateActionStatus(id, .open, note: "", on: h.s.today.adding(days: 1)))?.field == "date")
    }

    @Test func theChairUpdatesActionsButDoesNotAddThem() throws {
        var h = try Self.meetingInProgress()
        let date = h.s.state.meeting(h.meeting)!.date
        try h.s.run(.agreeAction(caseID: h.caseID, meeting: h.meeting, agency: h.agencies.police, owner: "",
                                 description: "Review bail.", due: date.adding(days: 14)))
        h.s.actor = Actor(name: "chair", role: .chair)
        #expect(h.s.refusal(.agreeAction(caseID: h.caseID, meeting: h.meeting, agency: h.agencies.police, owner: "",
                                          description: "Another.", due: date.adding(days: 14))) != nil)
        try h.s.run(.updateActionStatus(ActionID(1), .done, note: "", on: h.s.today))
        #expect(h.s.state.action(ActionID(1))?.status == .done)
    }

    @Test func discussionsNeedTheMeetingStartedAndTheCaseOnItsAgenda() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today.adding(days: 7))
        let other = s.meeting(on: s.today.adding(days: 21))
        let c = try s.accept(try s.receive(Scenario.details("D1", on: s.today, agency: a.police)), onto: other)
        #expect(s.refusal(.startCaseDiscussion(m, c)) == .meetingNotInProgress(m))
        try s.run(.startMeeting(m))
        #expect(s.refusal(.startCaseDiscussion(m, c)) == .caseNotOnMeeting(c, m))
        #expect(s.refusal(.startMeeting(m)) == .meetingAlreadyStarted(m))
        try s.run(.endMeeting(m))
        #expect(s.refusal(.recordStatementRead(m)) == .meetingNotOpen(m, status: .ended))
    }

    @Test func movingToTheNextCaseEndsTheOneBeforeAndTimesBoth() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today)
        let c1 = try s.accept(try s.receive(Scenario.details("T1", on: s.today, agency: a.police)), onto: m)
        let c2 = try s.accept(try s.receive(Scenario.details("T2", on: s.today, agency: a.police,
                                                             victim: Scenario.victim("Blake Other", born: Day(year: 1970, month: 2, day: 3)!))), onto: m)
        try s.run(.startMeeting(m))
        try s.run(.startCaseDiscussion(m, c1))
        s.minute += 12
        let events = try s.run(.startCaseDiscussion(m, c2))
        #expect(events == [.caseDiscussionEnded(m, c1), .caseDiscussionStarted(m, c2)])
        let d1 = s.state.meeting(m)!.discussion(of: c1)!
        #expect(d1.startedAt!.seconds(until: d1.endedAt!) == 13 * 60)
        #expect(s.state.meeting(m)?.currentCase == c2)
        try s.run(.endMeeting(m))
        #expect(s.state.meeting(m)?.discussion(of: c2)?.endedAt != nil)
        #expect(s.state.case(c1)?.status == .heard)
        #expect(s.state.case(c1)?.lastHeardOn == s.today)
    }

    @Test func aWrongEntryIsMarkedRecordedInErrorAndStaysInTheHistory() throws {
        var h = try Self.meetingInProgress()
        let date = h.s.state.meeting(h.meeting)!.date
        try h.s.run(.identifyRisk(h.meeting, h.caseID, "Wrong case's risk"))
        try h.s.run(.agreeAction(caseID: h.caseID, meeting: h.meeting, agency: h.agencies.police, owner: "",
                                 description: "Meant for another case.", due: date.adding(days: 7)))
        #expect(h.s.refusal(.markRecordedInError(.action(ActionID(1)), reason: "")) != nil)
        try h.s.run(.markRecordedInError(.action(ActionID(1)), reason: "Agreed for the wrong case."))
        try h.s.run(.markRecordedInError(.risk(h.meeting, h.caseID, index: 0), reason: "Other case."))
        #expect(h.s.state.action(ActionID(1))?.inError == "Agreed for the wrong case.")
        #expect(h.s.state.openActions().isEmpty)
        #expect(h.s.state.meeting(h.meeting)?.discussion(of: h.caseID)?.risks[0].inError == "Other case.")
        #expect(h.s.refusal(.markRecordedInError(.action(ActionID(1)), reason: "again")) == .alreadyRecordedInError("Action A-0001"))
        #expect(h.s.state.actions.count == 1, "nothing is deleted")
    }

    /// A crime disclosed is recorded while the case is heard and can be taken back (marked
    /// recorded in error, never deleted); who tells the victim is one name, changed as needed.
    @Test func crimesDisclosedAndWhoTellsTheVictimAreRecordedWhileTheCaseIsHeard() throws {
        var h = try Self.meetingInProgress()
        let c = h.caseID
        #expect(h.s.refusal(.recordCrimeDisclosed(h.meeting, c, "   "))?.field == "crime")
        try h.s.run(.recordCrimeDisclosed(h.meeting, c, "Assault on 12 March witnessed by a neighbour"))
        try h.s.run(.recordOutcomeTeller(h.meeting, c, "The referrer"))
        try h.s.run(.recordOutcomeTeller(h.meeting, c, "The IDVA"))
        #expect(h.s.refusal(.recordOutcomeTeller(h.meeting, c, "The IDVA")) != nil, "nothing new to record")
        let d = try #require(h.s.state.meeting(h.meeting)?.discussion(of: c))
        #expect(d.crimesDisclosed.map(\.text) == ["Assault on 12 March witnessed by a neighbour"])
        #expect(d.outcomeToldBy == "The IDVA")
        try h.s.run(.markRecordedInError(.crime(h.meeting, c, index: 0), reason: "said in error"))
        #expect(h.s.state.meeting(h.meeting)?.discussion(of: c)?.crimesDisclosed.first?.inError == "said in error")
        try h.s.run(.endMeeting(h.meeting))
        #expect(h.s.refusal(.recordCrimeDisclosed(h.meeting, c, "Another")) != nil, "only while the meeting is in progress")
    }
}
