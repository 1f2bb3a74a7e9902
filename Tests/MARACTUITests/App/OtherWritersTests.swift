import MARACCore
import Testing
@testable import MARACTUI

/// Issue 23: others save while this screen is open. A change is decided against the latest
/// state, others' changes taken in first, so when another user got there first the refusal
/// says who did what, and the form stays open with what was typed.
@Suite struct OtherWritersTests {
    /// Referrals in the queue the core would accept onto `meeting` now.
    static func acceptable(_ state: MARACState, onto meeting: MeetingID, context: DecisionContext) -> [ReferralID] {
        state.triageQueue().map(\.referral).filter { (try? state.change(for: .acceptReferral($0, onto: meeting), context: context)) != nil }
    }

    /// Selects the referral in the queue with the command line.
    static func select(_ id: ReferralID, in f: ScreenFixture) throws {
        f.press(.character("1"))
        f.app.run("referral \(id)")
        f.press(.character("1"))
    }

    static let admin = DecisionContext(actor: Actor(name: "admin", role: .admin), now: Instant.noon(of: ScreenFixture.today),
                                       today: ScreenFixture.today)

    /// The demo on the coordinator's screen, a referral the admin could accept onto the next
    /// meeting selected in the queue.
    static func referralSelected() throws -> (ScreenFixture, MARACState, MeetingID, DecisionContext, ReferralID) {
        let f = ScreenFixture.demo()
        let state = f.app.session.state
        let meeting = try #require(state.nextMeeting(onOrAfter: ScreenFixture.today)).id
        let r = try #require(acceptable(state, onto: meeting, context: admin).first)
        try select(r, in: f)
        return (f, state, meeting, admin, r)
    }

    @Test func acceptingAReferralAnotherUserHasJustAcceptedIsRefusedNamingThem() throws {
        let (f, state, meeting, admin, r) = try Self.referralSelected()
        // The admin accepts it on their own screen, a moment before the coordinator does.
        f.connection.receive(try state.change(for: .acceptReferral(r, onto: meeting), context: admin))
        f.press(.character("a"))
        #expect(f.screen.contains("Accept \(r)"))
        f.press(.enter)
        let told = (f.screen + f.status).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(told.contains("is not awaiting triage"), "the core's reason: \(told)")
        #expect(told.contains("Since this form was opened, admin made accept referral"), "and who did it: \(told)")
        guard case .form? = f.app.overlay else {
            Issue.record("the form closed: \(f.status)")
            return
        }
        let cases = f.app.session.state.cases.filter { $0.referral == r }
        #expect(cases.count == 1, "the referral was accepted once, by the admin")
    }

    /// The admin's change reached this screen (its poll took it in) while the form was open:
    /// the refusal names what others saved since the form opened.
    @Test func aRefusalNamesWhatOthersSavedWhileTheFormWasOpen() throws {
        let (f, state, meeting, admin, r) = try Self.referralSelected()
        f.press(.character("a"))
        #expect(f.screen.contains("Accept \(r)"))
        f.connection.receive(try state.change(for: .acceptReferral(r, onto: meeting), context: admin))
        f.loop.tick()
        f.press(.enter)
        let told = (f.screen + f.status).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(told.contains("Since this form was opened, admin made accept referral"), "\(told)")
        guard case .form? = f.app.overlay else {
            Issue.record("the form closed: \(f.status)")
            return
        }
    }

    /// A save refused after it took in others' changes leaves the store ahead of the screen:
    /// the next tick lays the screen out again, so the queue shows what the others did.
    @Test func theScreenShowsWhatARefusedSaveTookIn() throws {
        let (f, state, meeting, admin, r) = try Self.referralSelected()
        let other = try #require(state.triageQueue().map(\.referral).first { $0 != r })
        let otherReference = try #require(state.referral(other)).details.reference
        f.press(.character("a"))
        f.connection.receive(try state.change(for: .acceptReferral(r, onto: meeting), context: admin))
        var after = state
        after.apply(try state.change(for: .acceptReferral(r, onto: meeting), context: admin))
        f.connection.receive(try after.change(for: .declineReferral(other, reason: "Out of area"), context: admin))
        f.press(.enter)  // refused: the admin accepted it; the decline came in with it
        f.press(.escape)
        f.loop.tick()
        f.loop.draw()
        #expect(!f.screen.contains(otherReference), "the declined referral has left the queue")
    }

    @Test func aChangeThatStillStandsIsSavedOverOthersChanges() throws {
        let f = ScreenFixture.demo()
        let state = f.app.session.state
        let meeting = try #require(state.nextMeeting(onOrAfter: ScreenFixture.today)).id
        let admin = DecisionContext(actor: Actor(name: "admin", role: .admin), now: Instant.noon(of: ScreenFixture.today), today: ScreenFixture.today)
        let queue = Self.acceptable(state, onto: meeting, context: admin)
        try #require(queue.count >= 2)
        // The admin accepts one referral; the coordinator accepts another.
        f.connection.receive(try state.change(for: .acceptReferral(queue[1], onto: meeting), context: admin))
        try Self.select(queue[0], in: f)
        f.press(.character("a"))
        f.press(.enter)
        #expect(!f.status.contains("Since this screen last looked"), "\(f.status)")
        for id in queue.prefix(2) {
            guard case .accepted? = f.app.session.state.referral(id)?.status else {
                Issue.record("\(id) not accepted: \(f.status)")
                continue
            }
        }
    }
}

/// `:meeting share` on the screen running a meeting lets other screens add to it (issue 23).
@Suite struct MeetingShareTests {
    @Test func theRunningScreenSharesAndUnsharesTheMeeting() throws {
        let (f, id) = try MeetingJobTests.atNextMeeting()
        f.press(.character("M"), .character("y"))
        #expect(f.app.session.state.meeting(id)?.status == .inProgress)
        f.app.run("meeting share")
        f.loop.draw()
        #expect(f.app.session.state.meeting(id)?.othersMayAdd == true)
        #expect(f.status.contains("Other screens can now add") == true, "\(f.status)")
        f.app.run("meeting unshare")
        #expect(f.app.session.state.meeting(id)?.othersMayAdd == false)
        f.app.run("meeting unshare")
        f.loop.draw()
        #expect(f.status.contains("already") == true, "saying twice is told, not saved: \(f.status)")
    }
}

/// Two people correcting one record at once (issue 23): the second to save is told what the
/// first changed, and saves over it only by saving again.
@Suite struct EditingTheSameRecordTests {
    @Test func theSecondEditorIsToldAndSavesOverOnlyBySavingAgain() throws {
        let (f, state, _, admin, r) = try OtherWritersTests.referralSelected()
        f.press(.character("e"))
        guard case .form? = f.app.overlay else { Issue.record("no form: \(f.status)"); return }
        // The admin corrects the same referral's summary from their screen.
        var details = try #require(state.referral(r)).details
        details.summary = "The admin's summary."
        f.connection.receive(try state.change(for: .updateReferral(r, details), context: admin))
        f.loop.tick()
        f.fill(["summary": "The coordinator's summary."])
        f.press(.control("s"))
        let told = (f.screen + f.status).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(told.contains("\(r) was changed while this form was open"), "\(told)")
        #expect(told.contains("admin made change referral"))
        #expect(f.app.session.state.referral(r)?.details.summary == "The admin's summary.", "nothing saved over it yet")
        f.press(.control("s"))
        #expect(f.app.session.state.referral(r)?.details.summary == "The coordinator's summary.", "saved over it on the second Ctrl-S")
    }

    @Test func aFormOnARecordNoOneElseChangedSavesAtOnce() throws {
        let (f, state, _, _, r) = try OtherWritersTests.referralSelected()
        _ = state
        f.press(.character("e"))
        f.fill(["summary": "Corrected at once."])
        f.press(.control("s"))
        #expect(f.app.session.state.referral(r)?.details.summary == "Corrected at once.")
    }
}
