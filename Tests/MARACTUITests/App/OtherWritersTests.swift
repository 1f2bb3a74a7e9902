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

    @Test func acceptingAReferralAnotherUserHasJustAcceptedIsRefusedNamingThem() throws {
        let f = ScreenFixture.demo()
        let state = f.app.session.state
        let meeting = try #require(state.nextMeeting(onOrAfter: ScreenFixture.today)).id
        let admin = DecisionContext(actor: Actor(name: "admin", role: .admin), now: Instant.noon(of: ScreenFixture.today), today: ScreenFixture.today)
        let r = try #require(Self.acceptable(state, onto: meeting, context: admin).first)
        try Self.select(r, in: f)
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
        let f = ScreenFixture.demo()
        let state = f.app.session.state
        let meeting = try #require(state.nextMeeting(onOrAfter: ScreenFixture.today)).id
        let admin = DecisionContext(actor: Actor(name: "admin", role: .admin), now: Instant.noon(of: ScreenFixture.today), today: ScreenFixture.today)
        let r = try #require(Self.acceptable(state, onto: meeting, context: admin).first)
        try Self.select(r, in: f)
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
