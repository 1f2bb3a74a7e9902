import MARACCore
import MARACExchange
import Testing
@testable import MARACTUI

/// Correcting the record on screen: each path changes the record as asked, keeps who and when
/// in the audit trail, and leaves nothing deleted.
@Suite struct CorrectionsJobTests {
    static func lastAudit(_ f: ScreenFixture) -> ChangeJournal.Entry? { f.app.session.state.journal.entries.last }

    @Test func everyCommandOfTheCoreIsReachedFromTheScreen() {
        let f = ScreenFixture.demo(cases: 5)
        let reached = Set(App.commandReach.keys).union(App.commandsOffScreen)
        #expect(reached == Set(CommandKind.allCases), "not reached: \(Set(CommandKind.allCases).subtracting(reached))")
        let names = Set(f.app.commands.map(\.name))
        for (kind, how) in App.commandReach {
            for colon in how.split(separator: ":").dropFirst() {
                // The longest command name the words begin with (`:add to case`, `:edit`).
                let words = colon.split(separator: ")").first!.split(separator: " ")
                let named = (1...max(1, words.count)).contains { names.contains(words.prefix($0).joined(separator: " ")) }
                #expect(named, "\(kind): no :\(words.joined(separator: " ")) command")
            }
        }
    }

    @Test func anActionsOwnerAndDueDateAreCorrectedWithTheReasonKept() throws {
        let f = ScreenFixture.demo()
        f.press(.character("4"))
        let id = try #require(f.app.actions.selectedRow)
        let before = try #require(f.app.session.state.action(id))
        f.press(.character("e"))
        #expect(f.screen.contains("Correct \(id)"))
        let due = before.due.adding(days: 14)
        f.fill(["owner": "Ffion Davies", "due": due.british])
        f.press(.control("s"))
        #expect(f.screen.contains("needed") || f.screen.contains("reason"), "a new date needs its reason")
        f.fill(["reason": "Awaiting the court date"])
        f.press(.control("s"))
        let after = try #require(f.app.session.state.action(id))
        #expect(after.owner == "Ffion Davies" && after.due == due)
        #expect(after.history.last?.note == "Due date moved from \(before.due.british) to \(due.british): Awaiting the court date")
        #expect(Self.lastAudit(f)?.command == .extendActionDue && Self.lastAudit(f)?.stamp.actor == "coordinator")
    }

    @Test func aProgressNoteLeavesTheStatusAsItWas() throws {
        let f = ScreenFixture.demo()
        f.press(.character("4"))
        let id = try #require(f.app.actions.selectedRow)
        f.press(.character("c"))
        f.fill(["note": "Spoke to the school; meeting next week."])
        f.press(.control("s"))
        let a = try #require(f.app.session.state.action(id))
        #expect(a.status == .open && a.history.last?.note == "Spoke to the school; meeting next week.")
        #expect(Self.lastAudit(f)?.command == .noteAction)
    }

    @Test func anActionMarkedInErrorStaysVisibleAndUIsRefusedWithAdvice() throws {
        let f = ScreenFixture.demo()
        f.press(.character("4"))
        let id = try #require(f.app.actions.selectedRow)
        let caseID = try #require(f.app.session.state.action(id)).caseID
        f.app.run("error action \(id) Agreed for the wrong case")
        #expect(f.app.session.state.action(id)?.inError == "Agreed for the wrong case")
        f.press(.character("u"))
        #expect(f.app.message?.contains("cannot be undone: it stays in the record, marked") == true)
        f.app.run("case \(caseID)")
        f.loop.draw()
        f.press(.character("G"))
        #expect(f.screen.contains("\(id) [recorded in error: Agreed for the wrong case]"))
    }

    /// The demo's next meeting started and its first case being heard.
    static func hearing() throws -> (ScreenFixture, MeetingID, CaseID) {
        let f = ScreenFixture.demo()
        let next = try #require(f.app.session.state.nextMeeting(onOrAfter: ScreenFixture.today))
        f.press(.character("3"))
        while f.app.agenda.meetingID != next.id { f.press(.character("]")) }
        f.press(.character("M"), .character("y"), .character("n"), .character("n"), .character("n"))
        let m = try #require(f.app.session.state.meeting(next.id))
        let c = try #require(m.currentCase)
        return (f, next.id, c)
    }

    @Test func informationSharedAtAMeetingIsMarkedInErrorByItsNumber() throws {
        let (f, m, c) = try Self.hearing()
        f.press(.character("i"))
        f.fill(["agency": f.app.session.state.signedAgencies[0].name, "information": "Known to housing since 2019."])
        f.press(.control("s"))
        #expect(f.screen.contains("1. \(f.app.session.state.signedAgencies[0].name): Known to housing since 2019."))
        f.app.run("error info 1 Shared about the wrong family")
        f.loop.draw()
        let line = try #require(f.app.session.state.meeting(m)?.discussion(of: c)?.information.first)
        #expect(line.line.inError == "Shared about the wrong family")
        #expect(f.screen.contains("1. [recorded in error: Shared about the wrong family]"))
        #expect(Self.lastAudit(f)?.command == .markRecordedInError)
    }

    @Test func attendanceAndAnObserverAreMarkedInErrorAndAttendanceCorrectedAfterTheMeeting() throws {
        let f = ScreenFixture.demo()
        let next = try #require(f.app.session.state.nextMeeting(onOrAfter: ScreenFixture.today))
        f.press(.character("3"))
        while f.app.agenda.meetingID != next.id { f.press(.character("]")) }
        f.press(.character("M"), .character("y"))
        let agency = f.app.session.state.signedAgencies[0]
        f.press(.character("p"), .control("s"))
        #expect(f.app.session.state.meeting(next.id)?.attendance(of: agency.id)?.isPresent == true)
        f.press(.character("O"))
        f.fill(["observer name": "Ola Wrongname", "organisation": "HMICFRS"])
        f.press(.control("s"))
        f.app.run("error observer 1 Not at this meeting")
        f.app.run("error attendance \(agency.name) They sent apologies")
        f.loop.draw()
        let m = try #require(f.app.session.state.meeting(next.id))
        #expect(m.observers.first?.inError == "Not at this meeting" && m.recordedObservers.isEmpty)
        #expect(m.attendance(of: agency.id) == nil)
        #expect(f.screen.contains("1. [recorded in error: Not at this meeting] Ola Wrongname"))
        #expect(f.screen.contains("recorded in error: They sent apologies"))
        #expect(Self.lastAudit(f)?.command == .markRecordedInError && Self.lastAudit(f)?.record == .meeting(next.id))

        f.press(.character("E"), .character("y"), .escape)
        f.app.run("edit attendance \(next.id) \(agency.name)")
        f.loop.draw()
        #expect(f.screen.contains("Correct attendance at \(next.id)"))
        f.fill(["attendance": "apologies, information sent"])
        f.press(.control("s"))
        #expect(f.app.session.state.meeting(next.id)?.attendance(of: agency.id)?.key == "apologies-information-sent")
        #expect(Self.lastAudit(f)?.command == .recordAttendance)
        let minutes = try Minutes(state: f.app.session.state, meeting: next.id, today: ScreenFixture.today).document().rendered(as: .markdown)
        #expect(!minutes.contains("Ola Wrongname"), "an observer in error is left out of the minutes")
    }

    @Test func aProgressNoteOnTheWrongActionIsMarkedInErrorByItsNumber() throws {
        let f = ScreenFixture.demo()
        f.press(.character("4"))
        let id = try #require(f.app.actions.selectedRow)
        f.app.run("note \(id) Meant for another case")
        let n = try #require(f.app.session.state.action(id)).history.count
        f.app.run("error note \(n) On the wrong action")
        f.loop.draw()
        let a = try #require(f.app.session.state.action(id))
        #expect(a.history.last?.inError == "On the wrong action")
        #expect(a.latestUpdate?.note != "Meant for another case")
        #expect(f.screen.contains("\(n). ") && f.screen.contains("[recorded in error: On the wrong action]"))
    }

    @Test func signedOffMinutesRefuseAnEditAndTakeAnAddendum() throws {
        let f = ScreenFixture.demo()
        let state = f.app.session.state
        let (m, d) = try #require(state.meetings.lazy.compactMap { m in m.discussions.first { !$0.information.isEmpty }.map { (m, $0) } }.first { $0.0.minutesSignedOff != nil })
        f.app.run("case \(d.caseID)")
        f.loop.draw()
        #expect(f.screen.contains("i1 "))
        let latest = state.meetings.filter { $0.discussion(of: d.caseID) != nil }.max { $0.date < $1.date }!
        f.app.run("error info 1 Wrong")
        if latest.minutesSignedOff != nil {
            #expect(f.app.message?.contains("add an addendum instead") == true)
        }
        f.app.run("addendum \(m.id) The housing officer's name is Ffion, not Fion.")
        #expect(f.app.session.state.meeting(m.id)?.addenda.map(\.text) == ["The housing officer's name is Ffion, not Fion."])
        #expect(Self.lastAudit(f)?.command == .addMinutesAddendum)
    }

    @Test func aReturnedReferralIsReopenedAndAnAcceptanceWithdrawn() throws {
        let f = ScreenFixture.demo()
        f.press(.character("1"))
        let id = try #require(f.app.referrals.selectedReferral)
        f.press(.character("r"))
        f.fill(["missing": "The DASH"])
        f.press(.control("s"))
        #expect(f.app.session.state.referral(id)?.status == .returned(missing: "The DASH"))
        f.app.run("reopen referral \(id) The DASH came by email")
        #expect(f.app.session.state.referral(id)?.status == .awaitingTriage)
        let accepted = try #require(f.app.session.state.referrals.first { r in
            if case .accepted(let c) = r.status { return f.app.session.state.case(c)?.status == .listed }
            return false
        })
        f.app.run("withdraw \(accepted.id) Accepted onto the wrong MARAC")
        #expect(f.app.session.state.referral(accepted.id)?.status == .awaitingTriage)
        #expect(Self.lastAudit(f)?.command == .withdrawAcceptance)
    }

    @Test func aReferralIsCorrectedInItsOwnForm() throws {
        let f = ScreenFixture.demo()
        f.press(.character("1"))
        let id = try #require(f.app.referrals.selectedReferral)
        let before = try #require(f.app.session.state.referral(id)).details
        f.press(.character("e"))
        #expect(f.screen.contains("Correct \(id)"))
        f.fill(["victim name": before.victim.name + "-Ashby", "summary": "Corrected summary."])
        f.press(.control("s"))
        let after = try #require(f.app.session.state.referral(id)).details
        #expect(after.victim.name == before.victim.name + "-Ashby" && after.summary == "Corrected summary.")
        #expect(after.children == before.children && after.victim.diversity == before.victim.diversity, "what the form does not show is kept")
        #expect(Self.lastAudit(f)?.command == .updateReferral)
    }

    @Test func aMeetingsMinutesAreSignedOffAndSaySo() throws {
        let (f, m, _) = try Self.hearing()
        f.press(.character("E"), .character("y"))
        #expect(f.app.session.state.meeting(m)?.status == .ended)
        f.press(.escape)
        f.app.run("sign off \(m)")
        f.press(.character("y"))
        #expect(f.app.session.state.meeting(m)?.minutesSignedOff?.actor == "coordinator")
        #expect(Self.lastAudit(f)?.command == .signOffMinutes)
        f.app.run("minutes \(m)")
        f.loop.draw()
        #expect(f.screen.contains("Signed off") && f.screen.contains("by coordinator"))
    }

    @Test func aReadOnlyScreenSaysSoBeforeAnyFormOpens() throws {
        let connection = MemoryConnection(state: ScreenFixture.demo(cases: 10).app.session.state, writeStatus: .readOnly("chair has it open"))
        let session = Session(actor: Actor(name: "admin", role: .admin), connection: connection, clock: .fixed(ScreenFixture.today))
        let app = App(session: session)
        app.show(.actions)
        app.run("edit")
        #expect(app.overlay == nil)
        #expect(app.message?.contains("read-only (chair has it open)") == true)
    }
}
