import MARACCore
import Testing

/// Undo is a correcting entry: each change that can be undone has a command that puts things
/// back, and applying it leaves the record as it was, with both entries in the history.
@Suite struct CompensationTests {
    /// Decides a command, works out its undo, applies both; returns the undo.
    static func doAndUndo(_ s: inout Scenario, _ command: Command) throws -> Command {
        let change = try s.state.change(for: command, context: s.context)
        let undo = s.state.compensation(for: command, events: change.events, today: s.today)
        s.state.apply(change)
        guard let undo else { throw DomainError.nothingToRecord("no undo for \(command.name)") }
        try s.run(undo)
        return undo
    }

    @Test func undoingAnAcceptanceReturnsTheReferralToTheQueue() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today.adding(days: 14))
        let r = try s.receive(Scenario.details("U1", on: s.today, agency: a.police))
        let undo = try Self.doAndUndo(&s, .acceptReferral(r, onto: m))
        #expect(undo.kind == .withdrawAcceptance)
        #expect(s.state.referral(r)?.status == .awaitingTriage)
        #expect(s.state.case(CaseID(1))?.status == .recordedInError)
        #expect(s.state.meeting(m)?.listedCases.isEmpty == true)
        #expect(s.state.triageQueue().map(\.referral) == [r])
        // It can be accepted again, as a new case.
        let again = try s.accept(r, onto: m)
        #expect(again == CaseID(2))
    }

    @Test func undoingATriageDecisionReopensIt() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let r = try s.receive(Scenario.details("U2", on: s.today, agency: a.police))
        _ = try Self.doAndUndo(&s, .declineReferral(r, reason: "Wrong"))
        #expect(s.state.referral(r)?.status == .awaitingTriage)
        #expect(s.state.referral(r)?.history.map(\.status.key) == ["awaiting-triage", "not-eligible", "awaiting-triage"])
    }

    @Test func undoingActionsPutsTheirStatusBackOrMarksThemInError() throws {
        var h = try MeetingRulesTests.meetingInProgress()
        let date = h.s.state.meeting(h.meeting)!.date
        let undoAdd = try Self.doAndUndo(&h.s, .agreeAction(caseID: h.caseID, meeting: h.meeting, agency: h.agencies.police,
                                                           owner: "", description: "Oops", due: date.adding(days: 7)))
        #expect(undoAdd == .markRecordedInError(.action(ActionID(1)), reason: "undone by its author"))
        #expect(h.s.state.action(ActionID(1))?.inError != nil)
        try h.s.run(.agreeAction(caseID: h.caseID, meeting: h.meeting, agency: h.agencies.police, owner: "", description: "Real", due: date.adding(days: 7)))
        _ = try Self.doAndUndo(&h.s, .updateActionStatus(ActionID(2), .done, note: "", on: h.s.today))
        #expect(h.s.state.action(ActionID(2))?.status == .open)
        #expect(h.s.state.action(ActionID(2))?.history.map(\.status) == [.done, .open])
    }

    @Test func undoingARiskOrInformationMarksTheLineInError() throws {
        var h = try MeetingRulesTests.meetingInProgress()
        _ = try Self.doAndUndo(&h.s, .identifyRisk(h.meeting, h.caseID, "Typed into the wrong case"))
        #expect(h.s.state.meeting(h.meeting)?.discussion(of: h.caseID)?.risks.first?.inError != nil)
        _ = try Self.doAndUndo(&h.s, .shareInformation(h.meeting, h.caseID, h.agencies.police, "Wrong case"))
        #expect(h.s.state.meeting(h.meeting)?.discussion(of: h.caseID)?.information.first?.line.inError != nil)
    }

    @Test func undoingAFreezeOrAReorderPutsTheMeetingBack() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today.adding(days: 14))
        var cases: [CaseID] = []
        for i in 0..<2 {
            cases.append(try s.accept(try s.receive(Scenario.details("F\(i)", on: s.today, agency: a.police,
                                                                     victim: Scenario.victim("V\(i)", born: Day(year: 1980 + i, month: 1, day: 1)!))), onto: m))
        }
        _ = try Self.doAndUndo(&s, .reorderAgenda(m, cases.reversed()))
        #expect(s.state.meeting(m)?.caseOrder == nil)
        _ = try Self.doAndUndo(&s, .freezeCaseList(m))
        #expect(s.state.meeting(m)?.caseListFrozenAt == nil)
    }

    @Test func aMeetingStartedByMistakeIsUndoneWhileNothingIsRecordedInIt() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today)
        let undo = try Self.doAndUndo(&s, .startMeeting(m))
        #expect(undo == .withdrawMeetingStart(m))
        #expect(s.state.meeting(m)?.status == .scheduled)
        #expect(s.state.meeting(m)?.startedAt == nil)

        try s.run(.startMeeting(m))
        try s.run(.recordAttendance(m, a.police, .absent))
        #expect(s.refusal(.withdrawMeetingStart(m)) != nil, "attendance is recorded: the start stands")
        #expect(s.state.meeting(m)?.status == .inProgress)
    }

    @Test func areaSettingsAndAgenciesAreUndoneByCorrectingEntries() throws {
        var s = Scenario()
        var profile = s.state.profile
        profile.adultFemalePopulation = 52_000
        let before = s.state.profile
        _ = try Self.doAndUndo(&s, .setAreaProfile(profile))
        #expect(s.state.profile == before)
        let undo = try Self.doAndUndo(&s, .registerAgency(name: "Knowsley IDSVA", kind: .idvaService, ispSignedOn: nil, representatives: []))
        guard case .retireAgency(let id) = undo else {
            Issue.record("adding an agency is undone by retiring it")
            return
        }
        #expect(s.state.agency(id)?.isActive == false)
        #expect(!s.state.activeAgencies.contains { $0.id == id })
    }
}
