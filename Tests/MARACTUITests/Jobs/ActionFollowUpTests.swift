import MARACCore
import Testing
@testable import MARACTUI

/// The chair's job: overdue actions narrowed to one agency, one marked done with a note that
/// stays in its history; the agencies compared as bars.
@Suite struct ActionFollowUpTests {
    @Test func theChairFiltersOneAgencysOverdueActionsAndMarksOneDone() throws {
        let f = ScreenFixture(state: DemoGenerator(seed: 3, cases: 60, today: ScreenFixture.today).generate { _ in },
                              actor: Actor(name: "chair", role: .chair))
        let state = f.app.session.state
        let (agency, overdue) = try #require(state.overdueActionsByAgency(on: ScreenFixture.today).first)
        f.press(.character("4"), .character("f"))
        f.press(.character(":"))
        f.type("filter agency \(agency.name)")
        f.press(.enter)
        #expect(f.app.actions.rows == overdue.map(\.id))
        #expect(f.screen.contains("overdue actions for \(agency.name)"))

        f.press(.character("d"))
        f.type("Completed on the 20th; confirmed by email.")
        f.press(.control("s"))
        let done = try #require(f.app.session.state.action(overdue[0].id))
        #expect(done.status == .done)
        #expect(done.history.last?.note == "Completed on the 20th; confirmed by email.")
        #expect(done.history.last?.stamp.actor == "chair")
        #expect(!f.app.actions.rows.contains(overdue[0].id), "no longer overdue")
    }

    /// At the outstanding-actions step an action not yet finished is carried to the next
    /// meeting: its due date moves there, the old date and the reason kept in its history.
    @Test func anUnfinishedActionIsCarriedForwardToTheNextMeetingWithItsReason() throws {
        let f = ScreenFixture.demo()
        let state = f.app.session.state
        let next = try #require(state.nextMeeting(onOrAfter: ScreenFixture.today))
        let after = try #require(state.meetings.filter { $0.status == .scheduled && $0.date > next.date }.min { $0.date < $1.date })
        f.press(.character("3"))
        while f.app.agenda.meetingID != next.id { f.press(.character("]")) }
        // Attendance, the confidentiality statement, then the outstanding actions.
        f.press(.character("M"), .character("y"), .character("n"), .character("n"))
        let id = try #require(f.app.meeting.selectedOutstandingAction, "the third step is the outstanding actions")
        let before = try #require(f.app.session.state.action(id))
        f.press(.character("f"))
        #expect(f.screen.contains("Carry \(id) forward"))
        guard case .form(let session)? = f.app.overlay else { Issue.record("no form"); return }
        #expect(session.form["meeting"].hasPrefix(after.id.description), "the meeting after this one, not this one")
        f.press(.control("s"))
        let carried = try #require(f.app.session.state.action(id))
        #expect(carried.status == .open)
        if before.due < after.date {
            #expect(carried.due == after.date)
        } else {
            #expect(carried.due == before.due)
        }
        #expect(carried.history.last?.note.contains("carried forward at \(next.id)") == true)
        #expect(carried.history.last?.note.contains("To \(after.id)") == true)
        #expect(f.status.contains("carried forward to \(after.id)") == true)

        f.press(.character("u"))
        let undone = try #require(f.app.session.state.action(id))
        #expect(undone.due == before.due, "u takes it back: \(f.status)")
        #expect(undone.history.count > carried.history.count, "and the history keeps both moves")
    }

    @Test func aClosedActionIsNotCarriedForward() throws {
        let f = ScreenFixture.demo()
        let done = try #require(f.app.session.state.actions.first { $0.status == .done && $0.inError == nil })
        f.app.run("carry \(done.id)")
        f.loop.draw()
        #expect(f.app.overlay == nil || !f.screen.contains("Carry"))
        #expect(f.status.contains("only an open action is carried forward") == true)
    }

    @Test func notPossibleAndNotDoneNeedANote() throws {
        let f = ScreenFixture.demo()
        f.press(.character("4"))
        let id = try #require(f.app.actions.selectedRow)
        f.press(.character("p"), .control("s"))
        #expect(f.app.session.state.action(id)?.status == .open)
        #expect(f.screen.contains("required"))
        f.type("Victim moved away.")
        f.press(.control("s"))
        #expect(f.app.session.state.action(id)?.status == .notPossible)
    }

    @Test func theViewByAgencyDrawsCompletionAndAttendanceAsBars() {
        let f = ScreenFixture.demo()
        f.press(.character("4"), .character("v"))
        #expect(f.screen.contains("Actions done of due"))
        let rows = f.lines.filter { $0.contains("█") || $0.contains("░") }
        #expect(rows.count >= 5)
        let rates = f.app.session.state.accountability(on: ScreenFixture.today)
        let worst = rates.compactMap(\.completionRate).min()!
        #expect(rows.first?.contains("\(Int((worst * 100).rounded()))%") == true, "worst completion first")
        f.press(.character("v"))
        #expect(f.screen.contains("by due date"))
    }

    @Test func theQuarterlyReturnShowsFourQuartersSideBySide() {
        let f = ScreenFixture.demo()
        f.press(.character(":"))
        f.type("quarterly")
        f.press(.enter)
        let last = Quarter(containing: ScreenFixture.today)
        for q in [last.previous.previous.previous, last.previous.previous, last.previous, last] {
            #expect(f.screen.contains(q.description))
        }
        #expect(f.screen.contains("Repeat cases"))
        #expect(f.screen.contains("32.0%"), "the national figure beside it")
        f.press(.character("["))
        #expect(f.screen.contains(last.previous.previous.previous.previous.description))
    }

    @Test func theFirstScreenSaysWhatNeedsAttentionAndEnterGoesToTheRolesPane() {
        let state = DemoGenerator(seed: 3, cases: 60, today: ScreenFixture.today).generate { _ in }
        let terminal = MemoryTerminal(rows: 40, columns: 120)
        let session = Session(actor: Actor(name: "chair", role: .chair), connection: MemoryConnection(state: state), clock: .fixed(ScreenFixture.today))
        let app = App(session: session, showAttention: true)
        let loop = RunLoop(terminal: terminal, app: app)
        loop.draw()
        let a = state.attention(on: ScreenFixture.today)
        #expect(terminal.screen.contains("Needs your attention, chair"))
        #expect(terminal.screen.contains("\(a.awaitingTriage) referrals awaiting triage"))
        #expect(terminal.screen.contains("\(a.overdueActions) overdue actions"))
        terminal.send(keys: [.enter])
        loop.processPendingEvents()
        #expect(app.current == .actions)
    }
}
