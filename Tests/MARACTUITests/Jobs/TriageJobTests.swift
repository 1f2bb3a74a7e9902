import MARACCore
import Testing
@testable import MARACTUI

/// The admin's job, typed as an admin types it: a referral entered with the DASH checklist,
/// linked as a repeat, and decided.
@Suite struct TriageJobTests {
    /// A demo case's victim, for a referral that repeats it.
    static func earlierVictim(_ state: MARACState) -> Person {
        let c = state.cases.last { $0.status == .heard && $0.repeatOf == nil }!
        return state.referral(of: c)!.details.victim
    }

    func enterReferral(_ f: ScreenFixture, reference: String, victim: Person, yes: Int) {
        f.press(.character("1"), .character("n"))
        f.type(reference)
        f.press(.tab, .tab)
        f.type("pol")
        f.press(.tab)
        f.type("PC Example")
        f.press(.tab)
        f.type(victim.name)
        f.press(.tab, .tab)
        f.type(victim.dateOfBirth!.british)
        f.press(.control("s"))
        for _ in 0..<yes { f.press(.character("y")) }
        for _ in yes..<24 { f.press(.character("n")) }
    }

    @Test func aReferralWithFourteenYesAnswersIsSavedAtTheThresholdAndFlaggedAsARepeat() throws {
        let f = ScreenFixture.demo()
        let victim = Self.earlierVictim(f.app.session.state)
        enterReferral(f, reference: "T-1", victim: victim, yes: 14)
        #expect(f.screen.contains("Score 14 of 24"))
        #expect(f.screen.contains("threshold 14 reached"))
        f.press(.control("s"))
        let r = try #require(f.app.session.state.referral(withReference: "T-1"))
        #expect(r.details.assessment?.score == 14)
        #expect(r.details.assessment?.answers.count == 24)
        #expect(r.details.agency == f.app.session.state.agencies.first { $0.kind == .police }?.id)
        #expect(f.app.current == .referrals)
        #expect(f.screen.contains("Possible repeat of"))
        #expect(f.screen.contains("repeat?"))

        f.press(.character("l"))
        let linked = try #require(f.app.session.state.referral(r.id)?.repeatOf)
        #expect(f.app.session.state.case(linked).flatMap { f.app.session.state.referral(of: $0) }?.details.victim.name == victim.name)

        f.press(.character("a"))
        #expect(f.screen.contains("Accept \(r.id)"))
        f.press(.enter)
        guard case .accepted(let c)? = f.app.session.state.referral(r.id)?.status else {
            Issue.record("not accepted: \(f.lines.last ?? "")")
            return
        }
        let made = try #require(f.app.session.state.case(c))
        #expect(made.meeting == f.app.session.state.nextMeeting(onOrAfter: ScreenFixture.today)?.id)
        #expect(made.idvaService != nil, "the IDVA referral is recorded")
        #expect(f.lines.last?.contains("Accepted \(r.id) as \(c)") == true)
    }

    @Test func goingBackFromTheChecklistKeepsTheAnswersAndTheForm() {
        let f = ScreenFixture.demo()
        enterReferral(f, reference: "T-2", victim: Person(name: "Zoë Łódź-Ashby", dateOfBirth: Day(year: 1990, month: 4, day: 3)), yes: 3)
        f.press(.escape)
        #expect(f.screen.contains("New referral"))
        #expect(f.screen.contains("Zoë Łódź-Ashby"))
        f.press(.control("s"))
        #expect(f.screen.contains("Score 3 of 24"), "the answers are still there")
    }

    @Test func aRefusalFromTheChecklistGoesBackToTheFieldItConcerns() {
        let f = ScreenFixture.demo()
        // Born after the referral date.
        enterReferral(f, reference: "T-3", victim: Person(name: "Ilse Varga", dateOfBirth: ScreenFixture.today.adding(days: 3)), yes: 15)
        f.press(.control("s"))
        #expect(f.app.session.state.referral(withReference: "T-3") == nil)
        #expect(f.screen.contains("New referral"))
        #expect(f.screen.contains("after the referral date"))
    }

    @Test func returnDeclineAndTransferEachRecordTheirReasonInTheHistory() throws {
        let f = ScreenFixture.demo()
        let queue = f.app.session.state.triageQueue().map(\.referral)
        try #require(queue.count >= 3)
        let decisions: [(Key, String, (ReferralStatus) -> Bool)] = [
            (.character("r"), "The DASH form is missing page 2.", { if case .returned = $0 { true } else { false } }),
            (.character("x"), "Lives outside the area and is not at high risk.", { if case .notEligible = $0 { true } else { false } }),
            (.character("t"), "Southvale MARAC", { if case .transferredOut = $0 { true } else { false } }),
        ]
        for (key, text, check) in decisions {
            f.press(.character("1"), .character("g"))
            let id = try #require(f.app.referrals.selectedReferral)
            f.press(key)
            f.type(text)
            f.press(.control("s"))
            let r = try #require(f.app.session.state.referral(id))
            #expect(check(r.status), "\(key) gave \(r.status)")
            #expect(r.history.count >= 1)
        }
    }
}
