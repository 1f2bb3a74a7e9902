import MARACCore
import Testing
@testable import MARACTUI

/// Issue 20, 2: a referral that gave neither a child nor a number says "not known" on every
/// screen, never 0, which would read as none.
@Suite struct ChildrenNotKnownTests {
    /// The demo with the oldest referral awaiting triage changed to give no children at all.
    static func fixture() throws -> (ScreenFixture, Referral) {
        var state = DemoGenerator(seed: 3, cases: 60, today: ScreenFixture.today).generate { _ in }
        let id = try #require(state.triageQueue().first).referral
        var details = try #require(state.referral(id)).details
        details.children = []
        details.childrenCount = nil
        let context = DecisionContext(actor: Actor(name: "admin", role: .admin), now: Instant.noon(of: ScreenFixture.today), today: ScreenFixture.today)
        state.apply(try state.change(for: .updateReferral(id, details), context: context))
        return (ScreenFixture(state: state), try #require(state.referral(id)))
    }

    @Test func theQueueShowsAQuestionMarkAndTheCaseViewSaysNotKnown() throws {
        let (f, r) = try Self.fixture()
        f.press(.character("1"))
        let row = try #require(f.lines.first { $0.contains(r.details.reference) })
        let header = try #require(f.lines.first { $0.contains("Criteria") && $0.contains("Risk") })
        let at = try #require(displayColumn(of: "Ch", in: header))
        #expect(row.map(String.init)[at...].joined().hasPrefix(" ?") || row.map(String.init)[at...].joined().hasPrefix("?"),
                "the Ch column shows ? for not known: \(row)")
        f.press(.enter)
        #expect(f.screen.contains("Children: not known"), "\(f.screen)")
        #expect(!f.screen.contains("Children: 0"))
    }

    /// Correcting such a referral shows the number empty, and saving it unchanged keeps it not
    /// known rather than writing 0; typing 0 says none.
    @Test func correctingItKeepsNotKnownUnlessANumberIsTyped() throws {
        let (f, r) = try Self.fixture()
        f.app.run("referral \(r.id)")
        f.press(.character("e"))
        guard case .form(let session)? = f.app.overlay else { Issue.record("no form: \(f.status)"); return }
        #expect(session.form["children"] == "")
        f.fill(["summary": "Corrected summary."])
        f.press(.control("s"))
        let after = try #require(f.app.session.state.referral(r.id)).details
        #expect(after.summary == "Corrected summary.", "the correction was saved")
        #expect(after.childrenKnown == nil)
        f.press(.character("e"))
        f.fill(["children": "0"])
        f.press(.control("s"))
        #expect(f.app.session.state.referral(r.id)?.details.childrenInWords == "none")
    }
}
