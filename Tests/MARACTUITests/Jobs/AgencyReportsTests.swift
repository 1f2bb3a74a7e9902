import MARACCore
import Testing
@testable import MARACTUI

/// Agencies' reports from their returned sheets, on screen: shown as "to confirm" in the
/// tracker, confirmed with y or rejected with r and a reason, undone with u; the meeting's
/// outstanding step shows them too.
@Suite struct AgencyReportsTests {
    /// A demo screen with a done report from its agency on the first open action whose last
    /// update is not after today.
    static func reported() throws -> (ScreenFixture, ActionID) {
        let f = ScreenFixture.demo()
        let state = f.app.session.state
        let a = try #require(state.actions.first { $0.status == .open && $0.inError == nil && ($0.latestUpdate?.on ?? ScreenFixture.today) <= ScreenFixture.today })
        try f.app.session.perform(.recordActionReports(source: "returned.csv", [ActionReportLine(action: a.id, agency: a.agency, status: .done,
                                                                                                 note: "Disclosure made", on: ScreenFixture.today)]))
        return (f, a.id)
    }

    @Test func aReportIsConfirmedWithYAndUndoneWithU() throws {
        let (f, id) = try Self.reported()
        f.press(.character("4"), .character("f"), .character("f"), .character("f"))
        #expect(f.app.actions.rows == [id], "f cycles to the reported actions")
        #expect(f.screen.contains("done?"))
        #expect(f.screen.contains("reported by"))
        #expect(f.screen.contains("to confirm"))
        f.press(.character("y"))
        #expect(f.app.session.state.action(id)?.status == .done)
        #expect(f.app.session.state.action(id)?.history.last?.note.contains("returned.csv") == true)
        #expect(f.app.actions.rows.isEmpty)
        f.press(.character("u"))
        #expect(f.app.session.state.action(id)?.status == .open)
        #expect(f.app.session.state.action(id)?.pendingReports.count == 1)
    }

    @Test func aReportIsRejectedWithItsReason() throws {
        let (f, id) = try Self.reported()
        f.press(.character("4"), .character("f"), .character("f"), .character("f"))
        f.press(.character("r"))
        #expect(f.screen.contains("Reject \(id)'s report"))
        f.type("Not on the police system")
        f.press(.control("s"))
        guard case .rejected(_, let reason)? = f.app.session.state.action(id)?.reports.first?.decision else {
            Issue.record("the report was not rejected")
            return
        }
        #expect(reason == "Not on the police system")
        #expect(f.app.session.state.action(id)?.status == .open)
    }

    @Test func withNoReportWaitingYSaysWhereReportsComeFrom() {
        let f = ScreenFixture.demo()
        f.press(.character("4"), .character("y"))
        #expect(f.status.contains("marac import action-updates"))
    }
}
