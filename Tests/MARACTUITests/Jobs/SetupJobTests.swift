import MARACCore
import Testing
@testable import MARACTUI

/// A MARAC set up on screen from an empty store: the first screen says what to do next and
/// opens each step; settings, agencies and meetings are saved as commands and undone with u.
@Suite struct SetupJobTests {
    static func empty() -> ScreenFixture {
        ScreenFixture(state: MARACState(profile: AreaProfile(maracName: "Testshire MARAC")), showAttention: true)
    }

    @Test func theFirstScreenOfAnEmptyStoreListsTheSetupAndOpensEachStep() {
        let f = Self.empty()
        #expect(f.screen.contains("Setting up Testshire MARAC"))
        #expect(f.screen.contains("s  area settings"))
        #expect(f.screen.contains("g  agencies"))
        #expect(f.screen.contains("m  meetings"))
        f.press(.character("s"))
        #expect(f.screen.contains("Area settings of Testshire MARAC"))
        #expect(f.app.modeName == "Form")
    }

    @Test func settingsAreSavedTogetherRefusedBesideTheirFieldAndUndone() {
        let f = Self.empty()
        f.press(.character("s"))
        f.fill(["meetings": "every few weeks", "adult-female-population": "52000"])
        f.press(.control("s"))
        #expect(f.screen.contains("is not a pattern such as"), "the refusal shows on the form")
        #expect(f.app.modeName == "Form", "the form stays open with what was typed")
        #expect(f.app.session.state.profile.adultFemalePopulation == 100_000)
        f.fill(["meetings": "twice-monthly 1st,3rd thursday 09:30", "risk-tool": "merit", "bank-holidays": "england-and-wales"])
        f.press(.control("s"))
        let p = f.app.session.state.profile
        #expect(p.adultFemalePopulation == 52_000)
        #expect(p.defaultRiskTool == RiskTool.merit.key)
        #expect(p.meetingPattern.text == "twice-monthly 1st,3rd thursday 09:30")
        #expect(p.bankHolidays == .englandAndWales)
        #expect(f.status.contains("Changed risk-tool, adult-female-population, meetings, bank-holidays") == true)
        f.press(.character("u"))
        #expect(f.app.session.state.profile == AreaProfile(maracName: "Testshire MARAC"))
    }

    @Test func agenciesAreAddedWithARepresentativeAndEditedWithTheirISPDate() {
        let f = Self.empty()
        f.press(.character("g"))
        f.fill(["agency name": "Testshire Police", "kind": "police", "representative": "DI Zoë Łódź", "role": "Chair"])
        f.press(.control("s"))
        let police = f.app.session.state.agencies.first
        #expect(police?.name == "Testshire Police" && police?.representatives.first?.name == "DI Zoë Łódź")
        #expect(police?.hasSignedISP == false)
        f.app.run("agency edit police")
        f.loop.draw()
        f.fill(["ISP signed": "20/11/2025", "representatives": "DI Zoë Łódź; Chair; zoe@police.example\nDS Lan Nguyễn; Researcher; lan@police.example"])
        f.press(.control("s"))
        let after = f.app.session.state.agencies.first
        #expect(after?.ispSignedOn == Day(year: 2025, month: 11, day: 20))
        #expect(after?.representatives.map(\.contact) == ["zoe@police.example", "lan@police.example"])
        f.app.run("agencies")
        f.loop.draw()
        #expect(f.screen.contains("Testshire Police  (Police)  ISP signed 20/11/2025"))
        #expect(f.screen.contains("DS Lan Nguyễn, Researcher · lan@police.example"))
    }

    @Test func meetingsAreProposedFromThePatternAndScheduledWhenConfirmed() throws {
        var profile = AreaProfile(maracName: "Testshire MARAC")
        profile.meetingPattern = try #require(MeetingPattern(parsing: "monthly first tuesday 10:00"))
        profile.defaultVenue = "Civic Centre"
        let f = ScreenFixture(state: MARACState(profile: profile))
        f.app.run("schedule 3")
        f.loop.draw()
        #expect(f.status.contains("Schedule 3 meetings at 10:00: Tue 1 Dec 2026, Tue 5 Jan 2027, Tue 2 Feb 2027?") == true)
        f.press(.character("y"))
        #expect(f.app.session.state.meetings.map(\.date.iso) == ["2026-12-01", "2027-01-05", "2027-02-02"])
        #expect(f.app.session.state.meetings.allSatisfy { $0.venue == "Civic Centre" })
        #expect(f.app.current == .agenda)
    }

    @Test func aMeetingStartedByMistakeIsTakenBackWithU() throws {
        let f = ScreenFixture.demo()
        let next = try #require(f.app.session.state.nextMeeting(onOrAfter: ScreenFixture.today))
        f.press(.character("3"))
        while f.app.agenda.meetingID != next.id { f.press(.character("]")) }
        f.press(.character("M"))
        #expect(f.status.contains("today is Sat 28 Nov 2026, not its date") == true)
        f.press(.character("y"))
        #expect(f.app.session.state.meeting(next.id)?.status == .inProgress)
        f.press(.character("u"))
        #expect(f.app.session.state.meeting(next.id)?.status == .scheduled)
        #expect(f.app.meeting.walk == nil)
        #expect(f.screen.contains("\(next.id)"), "the agenda shows the meeting again")
    }
}

extension SetupJobTests {
    @Test func aMeetingIsMovedAndCancelledWithItsReason() throws {
        let f = ScreenFixture.demo()
        let next = try #require(f.app.session.state.nextMeeting(onOrAfter: ScreenFixture.today))
        f.app.run("meeting move \(next.id)")
        f.loop.draw()
        f.fill(["date": next.date.adding(days: 1).british, "venue": "Town Hall"])
        f.press(.control("s"))
        #expect(f.app.session.state.meeting(next.id)?.date == next.date.adding(days: 1))
        #expect(f.app.session.state.meeting(next.id)?.venue == "Town Hall")
        // A meeting with cases is not cancelled: they must be moved first.
        f.app.run("meeting cancel \(next.id)")
        f.loop.draw()
        f.fill(["reason": "The chair is ill"])
        f.press(.control("s"))
        #expect(f.screen.contains("cases are listed on \(next.id); move them to another meeting first"))
        #expect(f.app.session.state.meeting(next.id)?.status == .scheduled)
        f.press(.escape)
        // One without: cancelled, with its reason.
        #expect(f.app.perform(.scheduleMeeting(date: ScreenFixture.today.adding(days: 60), startTime: "10:00", venue: "V", chair: "C")))
        let spare = try #require(f.app.session.state.meetings.last)
        f.app.run("meeting cancel \(spare.id)")
        f.loop.draw()
        f.press(.control("s"))
        #expect(f.screen.contains("→ required"), "a cancellation needs its reason")
        f.fill(["reason": "The chair is ill"])
        f.press(.control("s"))
        #expect(f.app.session.state.meeting(spare.id)?.status == .cancelled)
        #expect(f.app.session.state.meeting(spare.id)?.cancelledReason == "The chair is ill")
    }
}
