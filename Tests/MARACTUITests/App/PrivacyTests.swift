import MARACCore
import Testing
@testable import MARACTUI

/// A screen shared in the meeting room, and a screen left alone.
@Suite struct PrivacyTests {
    /// The first case with an address, a phone number and children, opened in the case view.
    static func openedCase() -> (ScreenFixture, Referral) {
        let f = ScreenFixture.demo()
        let state = f.app.session.state
        let c = state.cases.first { state.referral(of: $0)!.details.children.count > 0 && state.referral(of: $0)!.details.victim.contact != nil }!
        f.app.open(.case(c.id))
        f.loop.draw()
        return (f, state.referral(of: c)!)
    }

    @Test func presentationModeHidesAddressesPhoneNumbersAndDatesOfBirthUntilRevealed() {
        let (f, r) = Self.openedCase()
        let victim = r.details.victim
        #expect(f.screen.contains(victim.address!.lines))
        #expect(f.screen.contains(victim.dateOfBirth!.british))
        f.press(.character("P"))
        #expect(f.app.presentation)
        #expect(f.status.contains("PRESENTATION") == true)
        #expect(!f.screen.contains(victim.address!.lines))
        #expect(!f.screen.contains(victim.contact!.phone))
        #expect(!f.screen.contains(victim.dateOfBirth!.british))
        for child in r.details.children { #expect(!f.screen.contains(child.dateOfBirth!.british)) }
        #expect(f.screen.contains(victim.name), "names stay: the meeting needs them")
        f.press(.character("r"))
        #expect(f.screen.contains(victim.address!.lines))
        // Leaving the case hides them again.
        f.press(.character("1"), .enter)
        #expect(!f.app.caseView.revealed)
    }

    @Test func openingACaseIsRecordedInTheAuditTrail() {
        let (f, r) = Self.openedCase()
        guard case .accepted(let c) = r.status else { return }
        #expect(f.connection.saved.last?.events == [.caseViewed(c)])
        #expect(f.app.session.state.audit.last?.kind == .caseViewed(c))
        #expect(f.app.session.state.audit.last?.stamp.actor == "coordinator")
        // Drawing again records nothing more.
        let count = f.connection.saved.count
        f.press(.character("j"), .character("k"))
        #expect(f.connection.saved.count == count)
    }

    @Test func theScreenLocksWhenLeftAndOpensOnlyWithThePassphrase() {
        let f = ScreenFixture.demo()
        var now = 1000.0
        f.loop.monotonicSeconds = { now }
        f.loop.lockAfterSeconds = 600
        f.press(.character("j"))
        now += 599
        f.loop.checkIdleLock()
        #expect(!f.app.locked)
        now += 2
        f.loop.checkIdleLock()
        f.loop.draw()
        #expect(f.app.locked)
        #expect(f.screen.contains("marac is locked"))
        #expect(!f.screen.contains("awaiting triage"), "nothing of the store is shown")
        f.type("wrong")
        f.press(.enter)
        #expect(f.app.locked)
        #expect(f.screen.contains("Wrong passphrase"))
        f.type("demo")
        #expect(f.screen.contains("••••"))
        #expect(!f.screen.contains("demo\n"))
        f.press(.enter)
        #expect(!f.app.locked)
        #expect(f.screen.contains("awaiting triage"))
    }

    /// The passphrase is never typed in front of the room: while a meeting is in progress the
    /// screen does not lock itself; idle time counts again from the meeting's end.
    @Test func theScreenDoesNotLockDuringAMeetingAndLocksAfterItEnds() throws {
        let f = ScreenFixture.demo()
        var now = 1000.0
        f.loop.monotonicSeconds = { now }
        f.loop.lockAfterSeconds = 60
        let next = try #require(f.app.session.state.nextMeeting(onOrAfter: ScreenFixture.today))
        f.press(.character("3"))
        while f.app.agenda.meetingID != next.id { f.press(.character("]")) }
        f.press(.character("M"), .character("y"))
        #expect(f.app.meetingInProgress)
        for _ in 0..<10 {
            now += 600
            f.loop.checkIdleLock()
        }
        #expect(!f.app.locked, "an hour and forty minutes idle in a meeting")
        f.press(.character("E"), .character("y"))
        #expect(!f.app.meetingInProgress)
        now += 30
        f.loop.checkIdleLock()
        #expect(!f.app.locked, "idle time counts from the meeting's end")
        now += 31
        f.loop.checkIdleLock()
        #expect(f.app.locked)
    }
}
