import MARACCore
import Testing
@testable import MARACTUI

/// The coordinator's job: a meeting walked through from attendance to minutes, every step
/// saved as it is made.
@Suite struct MeetingJobTests {
    /// The demo store with the next meeting's agenda shown.
    static func atNextMeeting() throws -> (ScreenFixture, MeetingID) {
        let f = ScreenFixture.demo()
        let next = try #require(f.app.session.state.nextMeeting(onOrAfter: ScreenFixture.today))
        f.press(.character("3"))
        while f.app.agenda.meetingID != next.id { f.press(.character("]")) }
        return (f, next.id)
    }

    @Test func aMeetingRunsThroughAttendanceStatementActionsAndCasesToItsMinutes() throws {
        let (f, id) = try Self.atNextMeeting()
        let state0 = f.app.session.state
        let outstanding = state0.outstandingActions(before: state0.meeting(id)!)
        f.press(.character("M"))
        #expect(f.status.contains("Start \(id)") == true, "starting is asked first")
        #expect(f.app.session.state.meeting(id)?.status == .scheduled)
        f.press(.character("y"))
        #expect(f.app.session.state.meeting(id)?.status == .inProgress)
        #expect(f.screen.contains("1. Attendance"))

        // Attendance: the first present (representative as suggested), then apologies, absent.
        f.press(.character("p"), .enter, .character("a"), .character("x"))
        let m1 = try #require(f.app.session.state.meeting(id))
        let agencies = MeetingWalk.attendanceAgencies(m1, in: f.app.session.state)
        #expect(m1.attendance(of: agencies[0].id)?.isPresent == true)
        // Apologies from its representative, the information as received with its last research
        // return for these cases (else today).
        let state1 = f.app.session.state
        let returned = state1.orderedCases(of: m1).compactMap { state1.case($0)?.researchReturn(from: agencies[1].id)?.receivedOn }.max()
        #expect(m1.attendance(of: agencies[1].id) == .apologies(informationSent: true, from: agencies[1].representatives.first?.name ?? "",
                                                                informationReceivedOn: returned ?? ScreenFixture.today))
        #expect(returned != nil, "the demo agency sent research for these cases")
        #expect(m1.attendance(of: agencies[2].id) == .absent)
        f.press(.character("O"))
        f.type("Siân Fenwick-Hale")
        f.press(.tab)
        f.type("Student social worker")
        f.press(.control("s"))
        #expect(f.app.session.state.meeting(id)?.observers.first?.confidentialitySigned == true)

        // The statement, read.
        f.press(.character("n"))
        #expect(f.screen.contains("strictly confidential"))
        f.press(.character("n"))
        #expect(f.app.session.state.meeting(id)?.statementReadAt != nil)

        // One outstanding action, done, with the suggested note.
        try #require(!outstanding.isEmpty)
        #expect(f.screen.contains(outstanding[0].description))
        f.press(.character("d"), .control("s"))
        #expect(f.app.session.state.action(outstanding[0])?.status == .done)
        #expect(f.app.session.state.action(outstanding[0])?.history.last?.note == "Reported done at the meeting.")

        // Two cases: information, a risk and an action on the first; the second heard.
        let order = f.app.session.state.orderedCases(of: f.app.session.state.meeting(id)!)
        f.press(.character("n"))
        #expect(f.app.session.state.meeting(id)?.currentCase == order[0])
        #expect(f.screen.contains("0:00 of 12:00"))
        f.press(.character("i"))
        f.type("hom")
        f.press(.tab)
        f.type("Tenant; rent arrears since the perpetrator left.")
        f.press(.control("s"))
        f.press(.character("r"))
        f.type("Perpetrator knows the new address.")
        f.press(.control("s"))
        f.press(.character("a"))
        f.type("idva")
        f.press(.tab, .tab)
        f.type("Safety plan with the victim.")
        f.press(.tab)
        #expect(f.screen.contains(ScreenFixture.today.adding(days: 14).long), "+14d is read as a date")
        f.press(.control("s"))
        let discussion = try #require(f.app.session.state.meeting(id)?.discussion(of: order[0]))
        #expect(discussion.information.map(\.line.text) == ["Tenant; rent arrears since the perpetrator left."])
        #expect(discussion.risks.map(\.text) == ["Perpetrator knows the new address."])
        let action = try #require(f.app.session.state.actions(of: order[0]).last { $0.meeting == id })
        #expect(action.description == "Safety plan with the victim.")
        #expect(action.due == ScreenFixture.today.adding(days: 14))
        #expect(f.app.session.state.agency(action.agency)?.kind == .idvaService)
        #expect(!action.owner.isEmpty, "the owner defaults to the agency's representative")

        f.press(.character("n"))
        #expect(f.app.session.state.meeting(id)?.currentCase == order[1])
        #expect(f.app.session.state.meeting(id)?.discussion(of: order[0])?.endedAt != nil)

        // End: the question names what is unfinished; the minutes follow.
        f.press(.character("E"))
        #expect(f.status.contains("not heard") == true)
        f.press(.character("y"))
        #expect(f.app.session.state.meeting(id)?.status == .ended)
        #expect(f.screen.contains("Minutes of \(id)"))
        #expect(f.screen.contains("RESTRICTED"))
        f.press(.escape)
        #expect(f.app.meeting.walk == nil)
    }

    /// Reopening marac in the middle of a meeting picks up at the step the record shows.
    /// A real case at 80x24: twelve agencies sharing and eight actions. The case step scrolls,
    /// keeps what was just added in view, says what is above and below, and Enter opens the
    /// case and 3 comes back to the same place.
    @Test func aLongCaseScrollsAt80x24AndKeepsTheActionJustAgreedInView() throws {
        let f = ScreenFixture.demo(rows: 24, columns: 80)
        let next = try #require(f.app.session.state.nextMeeting(onOrAfter: ScreenFixture.today))
        f.press(.character("3"))
        while f.app.agenda.meetingID != next.id { f.press(.character("]")) }
        f.press(.character("M"), .character("y"), .character("n"), .character("n"), .character("n"))
        let c = try #require(f.app.session.state.meeting(next.id)?.currentCase)
        let agencies = f.app.session.state.signedAgencies.map(\.name)
        for n in 1...12 {
            f.press(.character("i"))
            f.fill(["agency": agencies[n % agencies.count], "information": "Line \(n) of what the agency knows."])
            f.press(.control("s"))
        }
        #expect(f.screen.contains("12. "), "the line just shared is in view")
        for n in 1...8 {
            f.press(.character("a"))
            f.fill(["agency": agencies[n % agencies.count], "description": "Action number \(n)."])
            f.press(.control("s"))
            let newest = try #require(f.app.session.state.actions(of: c).last)
            #expect(newest.description == "Action number \(n)." && f.screen.contains(newest.id.description), "action \(n) is in view once agreed")
        }
        let actions = f.app.session.state.actions(of: c).filter { $0.meeting == next.id }
        #expect(actions.count == 8)
        #expect(f.paneFooter.contains("above (k, PgUp)") == true, "\(f.paneFooter)")
        f.press(.character("g"))
        #expect(f.screen.contains("The referral") && !f.screen.contains(actions.last!.id.description))
        #expect(f.screen.contains("more below (j, PgDn)"))
        f.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        #expect(f.screen.contains(actions.last!.id.description), "PgDn reaches the last action")
        #expect(!f.screen.contains("more below"))
        let top = try #require(f.app.meeting.walk).caseTop
        f.press(.enter)
        #expect(f.app.current == .caseView && f.screen.contains("\(c)"))
        f.press(.character("3"))
        #expect(f.app.meeting.walk?.caseTop == top && f.screen.contains(actions.last!.id.description), "back at the same place")
    }

    /// In the room an action is agreed while people talk: its agency, its owner and a due date
    /// other than the default take at most ten keys besides the words typed. (The walk runs
    /// before the meeting's date here, so the due date is three weeks on, after the meeting.)
    @Test(arguments: [("", "the representative at the meeting"), ("Sam Okafor", "an owner typed")])
    func anActionWithAgencyOwnerAndItsOwnDueDateTakesAtMostTenKeys(owner: String, meaning: String) throws {
        let (f, id) = try Self.atNextMeeting()
        f.press(.character("M"), .character("y"), .character("n"), .character("n"), .character("n"))
        let c = try #require(f.app.session.state.meeting(id)?.currentCase)
        let before = f.app.session.state.actions(of: c).count
        let description = "Refer to the sanctuary scheme and fit a door alarm."
        let keys: [Key] = [.character("a")] + "id".map(Key.character) + [.tab]
        let afterOwner: [Key] = [.tab]
        let afterDescription: [Key] = [.tab] + "+3w".map(Key.character) + [.control("s")]
        for key in keys { f.press(key) }
        f.type(owner)
        for key in afterOwner { f.press(key) }
        f.type(description)
        for key in afterDescription { f.press(key) }
        #expect(keys.count + afterOwner.count + afterDescription.count <= 10)
        let actions = f.app.session.state.actions(of: c)
        #expect(actions.count == before + 1, "\(f.status)")
        let agreed = try #require(actions.last)
        #expect(agreed.description == description)
        #expect(f.app.session.state.agency(agreed.agency)?.name == "Northbridge IDVA Service")
        #expect(agreed.due == ScreenFixture.today.adding(days: 21))
        #expect(!agreed.owner.isEmpty && (owner.isEmpty || agreed.owner == owner), "owner: \(meaning)")
    }

    @Test func reopeningInTheMiddleOfAMeetingResumesAtTheCaseUnderDiscussion() throws {
        let (f, id) = try Self.atNextMeeting()
        f.press(.character("M"), .character("y"), .character("n"), .character("n"), .character("n"))
        let current = try #require(f.app.session.state.meeting(id)?.currentCase)
        // A new screen on the same record, as after a crash.
        let again = ScreenFixture(state: f.app.session.state)
        #expect(again.app.meeting.walk?.step == .case(current))
        again.press(.character("3"))
        #expect(again.screen.contains("\(current)"))
        #expect(again.screen.contains("Information shared (i)"))
    }

    @Test func anAgendaCanBeReorderedAndAResearchReturnTickedOff() throws {
        let (f, id) = try Self.atNextMeeting()
        let before = f.app.session.state.orderedCases(of: f.app.session.state.meeting(id)!)
        try #require(before.count >= 2)
        // Select the first case and move it down.
        f.press(.character("g"))
        while f.app.agenda.selectedCase == nil { f.press(.character("j")) }
        let moved = try #require(f.app.agenda.selectedCase)
        f.press(.character("J"))
        let after = f.app.session.state.orderedCases(of: f.app.session.state.meeting(id)!)
        #expect(after.firstIndex(of: moved) == before.firstIndex(of: moved)! + 1)
        #expect(f.app.agenda.selectedCase == moved, "the selection follows the case")

        let missingBefore = f.app.session.state.missingResearchReturns(for: f.app.session.state.meeting(id)!)
        f.press(.character("R"), .control("s"))
        #expect(f.app.session.state.missingResearchReturns(for: f.app.session.state.meeting(id)!) == missingBefore - 1)
    }

    @Test func aMeetingIsScheduledFromTheAgenda() {
        let f = ScreenFixture.demo()
        let count = f.app.session.state.meetings.count
        f.press(.character("3"), .character("S"), .control("s"))
        #expect(f.app.session.state.meetings.count == count + 1)
        #expect(f.app.agenda.meetingID == f.app.session.state.meetings.last?.id)
    }
}

/// Exports from the screen: who may is decided first, the file is written, and only then is the
/// export recorded; a failure is recorded as a failure, and a file whose export could not be
/// recorded is removed again.
@Suite struct ScreenExportTests {
    @Test func exportingMinutesFromTheScreenRecordsItAndWritesTheFile() throws {
        let f = ScreenFixture.demo()
        let ended = try #require(f.app.session.state.meetings.last { $0.status == .ended })
        f.press(.character(":"))
        f.type("export minutes \(ended.id) minutes.html")
        f.press(.enter)
        let written = try #require(f.connection.exports["minutes.html"])
        #expect(written.hasPrefix("<!DOCTYPE html>"))
        #expect(f.status.contains("readable by you only") == true)
        guard case .exported(let what, let cases)? = f.app.session.state.audit.last?.kind else {
            Issue.record("no export in the audit trail")
            return
        }
        #expect(what == "minutes \(ended.id)")
        #expect(Set(cases) == Set(ended.discussions.map(\.caseID)))
    }

    /// Issue 20, 3: a name whose extension the screen does not write is refused before
    /// anything is written or recorded; a PDF is pointed to the shell's export.
    @Test func aFileNameTheScreenDoesNotWriteIsRefusedAndNothingIsRecorded() throws {
        let f = ScreenFixture.demo()
        let ended = try #require(f.app.session.state.meetings.last { $0.status == .ended })
        let audited = f.app.session.state.audit.count
        for name in ["minutes.pdf", "minutes.docx", "list.xlsx"] {
            f.press(.character(":"))
            f.type("export \(name == "list.xlsx" ? "caselist" : "minutes") \(ended.id) \(name)")
            f.press(.enter)
            #expect(f.connection.exports[name] == nil, "\(name) was not written")
            #expect(f.status.contains("would not put another format under a .\(name.split(separator: ".").last!) name") == true, "\(f.status)")
        }
        f.press(.character(":"))
        f.type("export minutes \(ended.id) minutes.pdf")
        f.press(.enter)
        #expect(f.status.contains("marac export minutes \(ended.id) -o minutes.pdf") == true)
        #expect(f.app.session.state.audit.count == audited, "nothing was recorded")
    }

    @Test func aFailedWriteSaysSoAndTheAuditStillShowsTheAttempt() throws {
        let f = ScreenFixture.demo()
        let next = try #require(f.app.session.state.nextMeeting(onOrAfter: ScreenFixture.today))
        struct Full: Error {}
        f.connection.failNextExport = Full()
        f.press(.character(":"))
        f.type("export caselist \(next.id)")
        f.press(.enter)
        #expect(f.connection.exports.isEmpty)
        #expect(f.status.contains("could not be written") == true)
        guard case .exportFailed(let what, _, let reason)? = f.app.session.state.audit.last?.kind else {
            Issue.record("the failed export is not in the audit trail")
            return
        }
        #expect(what == "case list \(next.id)" && reason.contains("Full"))
        #expect(!f.app.session.state.audit.contains { if case .exported = $0.kind { true } else { false } }, "never recorded as exported")
    }

    @Test func aFileWhoseExportCannotBeRecordedIsRemovedAgain() throws {
        let f = ScreenFixture.demo()
        let next = try #require(f.app.session.state.nextMeeting(onOrAfter: ScreenFixture.today))
        struct DiskFull: Error {}
        f.connection.failNextSave = DiskFull()
        f.press(.character(":"))
        f.type("export caselist \(next.id)")
        f.press(.enter)
        #expect(f.connection.exports.isEmpty)
        #expect(f.status.contains("was not written") == true, "\(f.status)")
    }

    @Test func aViewerIsToldTheRoleAnExportOfPersonalDataNeeds() throws {
        let f = ScreenFixture(state: DemoGenerator(seed: 3, cases: 60, today: ScreenFixture.today).generate { _ in },
                              actor: Actor(name: "viewer", role: .viewer))
        let next = try #require(f.app.session.state.nextMeeting(onOrAfter: ScreenFixture.today))
        f.press(.character(":"))
        f.type("export caselist \(next.id)")
        f.press(.enter)
        #expect(f.connection.exports.isEmpty)
        #expect(f.status.contains("coordinator, admin or chair") == true, "\(f.status)")
    }
}
