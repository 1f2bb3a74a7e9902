import MARACCore
import Testing

/// An agency's report on its own action, as its returned spreadsheet gives it: recorded as the
/// agency's word, confirmed or rejected by the coordinator, never over a newer status, never
/// twice, never on another agency's action.
@Suite struct AgencyReportRulesTests {
    /// A heard case on 9 March 2026 with a police action due 30 March and a housing one.
    struct Heard {
        var s = Scenario(today: Day(year: 2026, month: 3, day: 2)!)
        var police: AgencyID
        var housing: AgencyID
        var caseID: CaseID
        var policeAction = ActionID(1)
        var housingAction = ActionID(2)

        init() {
            let a = s.standardAgencies()
            police = a.police
            housing = a.housing
            let m = s.meeting(on: Day(year: 2026, month: 3, day: 9)!)
            caseID = try! s.accept(try! s.receive(Scenario.details("R1", on: s.today, agency: a.police)), onto: m)
            s.today = Day(year: 2026, month: 3, day: 9)!
            s.hold(m)
            try! s.run(.agreeAction(caseID: caseID, meeting: m, agency: police, owner: "DS Lee", description: "Flag the address", due: Day(year: 2026, month: 3, day: 30)!))
            try! s.run(.agreeAction(caseID: caseID, meeting: m, agency: housing, owner: "", description: "Check the locks", due: Day(year: 2026, month: 3, day: 30)!))
            s.today = Day(year: 2026, month: 4, day: 2)!
        }

        func line(_ action: ActionID, _ agency: AgencyID, _ status: ActionStatus, _ note: String = "", on day: Day = Day(year: 2026, month: 3, day: 27)!) -> ActionReportLine {
            ActionReportLine(action: action, agency: agency, status: status, note: note, on: day)
        }
    }

    @Test func aReportWaitsForTheCoordinatorAndLeavesTheStatusAlone() throws {
        var h = Heard()
        try h.s.run(.recordActionReports(source: "police-actions.csv", [h.line(h.policeAction, h.police, .done, "Flag added 27/03")]))
        let a = try #require(h.s.state.action(h.policeAction))
        #expect(a.status == .open)
        #expect(a.pendingReports.count == 1)
        #expect(a.reports[0].source == "police-actions.csv")
        #expect(a.reports[0].stamp.actor == "coordinator")
    }

    @Test func confirmingMakesItTheStatusDatedTheDayTheAgencyReportedIt() throws {
        var h = Heard()
        try h.s.run(.recordActionReports(source: "police-actions.csv", [h.line(h.policeAction, h.police, .done, "Flag added")]))
        try h.s.run(.confirmActionReport(h.policeAction, report: 0))
        let a = try #require(h.s.state.action(h.policeAction))
        #expect(a.status == .done)
        #expect(a.latestUpdate?.on == Day(year: 2026, month: 3, day: 27)!)
        #expect(a.latestUpdate?.note.contains("police-actions.csv") == true)
        #expect(a.pendingReports.isEmpty)
        // Undo: the report waits again and the status goes back.
        let undo = try #require(h.s.state.compensation(for: .confirmActionReport(h.policeAction, report: 0), events: [], today: h.s.today))
        try h.s.run(undo)
        #expect(h.s.state.action(h.policeAction)?.status == .open)
        #expect(h.s.state.action(h.policeAction)?.pendingReports.count == 1)
    }

    @Test func anInProgressReportBecomesANoteWhenConfirmed() throws {
        var h = Heard()
        try h.s.run(.recordActionReports(source: "f.csv", [h.line(h.policeAction, h.police, .open, "Visit booked for 6 April")]))
        try h.s.run(.confirmActionReport(h.policeAction, report: 0))
        let a = try #require(h.s.state.action(h.policeAction))
        #expect(a.status == .open)
        #expect(a.history.last?.note.hasSuffix("Visit booked for 6 April") == true)
    }

    @Test func aRejectedReportNeedsAReasonAndChangesNothing() throws {
        var h = Heard()
        try h.s.run(.recordActionReports(source: "f.csv", [h.line(h.policeAction, h.police, .done)]))
        #expect(h.s.refusal(.rejectActionReport(h.policeAction, report: 0, reason: " ")) == .missing(field: "reason", what: "why the report is rejected"))
        try h.s.run(.rejectActionReport(h.policeAction, report: 0, reason: "The flag is not on the system"))
        #expect(h.s.state.action(h.policeAction)?.status == .open)
        #expect(h.s.refusal(.confirmActionReport(h.policeAction, report: 0)) != nil, "decided once")
    }

    @Test func theSameFileTwiceAddsNothing() throws {
        var h = Heard()
        let lines = [h.line(h.policeAction, h.police, .done, "Flag added")]
        try h.s.run(.recordActionReports(source: "f.csv", lines))
        h.s.advance(days: 3)
        #expect(h.s.refusal(.recordActionReports(source: "f.csv", lines)) == .nothingToRecord("every report in f.csv is already recorded"))
        #expect(h.s.state.action(h.policeAction)?.reports.count == 1)
    }

    @Test func anAgencyReportsOnItsOwnActionsOnly() {
        let h = Heard()
        guard case .invalid(let field, let reason)? = h.s.refusal(.recordActionReports(source: "f.csv", [h.line(h.housingAction, h.police, .done)])) else {
            Issue.record("a police report on a housing action was taken")
            return
        }
        #expect(field == "action")
        #expect(reason.contains("not") && reason.contains("own actions"))
    }

    /// Housing closed its action on 1 April; a report dated 27 March that it is still in hand
    /// is older, and never overwrites it, at import or at confirmation.
    @Test func aReportNeverOverwritesANewerStatus() throws {
        var h = Heard()
        try h.s.run(.updateActionStatus(h.housingAction, .done, note: "Locks changed", on: Day(year: 2026, month: 4, day: 1)!))
        guard case .invalid(let field, _)? = h.s.refusal(.recordActionReports(source: "f.csv", [h.line(h.housingAction, h.housing, .notDone, "No access")])) else {
            Issue.record("an older report was taken over a newer status")
            return
        }
        #expect(field == "reported_on")
        try h.s.run(.recordActionReports(source: "f.csv", [h.line(h.policeAction, h.police, .done, "Flag added")]))
        try h.s.run(.updateActionStatus(h.policeAction, .notPossible, note: "Moved out of area", on: Day(year: 2026, month: 4, day: 1)!))
        #expect(h.s.refusal(.confirmActionReport(h.policeAction, report: 0)) != nil)
    }

    @Test func notPossibleOrNotDoneNeedsTheAgencysReason() {
        let h = Heard()
        #expect(h.s.refusal(.recordActionReports(source: "f.csv", [h.line(h.policeAction, h.police, .notDone)]))
                == .missing(field: "reported_note", what: "why A-0001 was not done"))
    }

    @Test func aReportFromTheFutureIsRefused() {
        let h = Heard()
        #expect(h.s.refusal(.recordActionReports(source: "f.csv", [h.line(h.policeAction, h.police, .done, on: Day(year: 2026, month: 4, day: 3)!)]))
                == .invalid(field: "reported_on", reason: "03/04/2026 is in the future"))
    }

    @Test func researchReturnsKeepWhatTheAgencyFoundAndAreNotTakenTwice() throws {
        var h = Heard()
        let line = ResearchLine(caseID: h.caseID, known: .yes, information: "Two call-outs in 2025", risks: "Perpetrator has a knife",
                                lastContact: Day(year: 2026, month: 2, day: 20)!, receivedOn: Day(year: 2026, month: 3, day: 6)!)
        try h.s.run(.importResearch(source: "housing-research.csv", agency: h.housing, [line]))
        let r = try #require(h.s.state.case(h.caseID)?.researchReturn(from: h.housing))
        #expect(r.information == "Two call-outs in 2025" && r.known == .yes && r.source == "housing-research.csv")
        #expect(r.receivedOn == Day(year: 2026, month: 3, day: 6)!)
        #expect(h.s.refusal(.importResearch(source: "housing-research.csv", agency: h.housing, [line])) != nil, "the same file again adds nothing")
    }
}
