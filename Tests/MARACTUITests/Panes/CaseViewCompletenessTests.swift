import MARACCore
import Testing
@testable import MARACTUI

/// The case view has everything about a case in one place, down to who has seen it.
@Suite struct CaseViewCompletenessTests {
    @Test func aHeardCaseShowsItsPeopleMeetingsActionsHistoryAndWhoOpenedIt() throws {
        let f = ScreenFixture.demo()
        let state = f.app.session.state
        let c = try #require(state.cases.last { $0.status == .heard && !state.actions(of: $0.id).isEmpty })
        f.app.open(.case(c.id))
        f.press(.character("G"))
        let content = CaseViewContent(subject: .case(c.id), state: f.app.session.state, today: ScreenFixture.today, width: 110, glyphs: .unicode)
        let text = content.lines.map(\.text).joined(separator: "\n")
        for section in ["People", "Referral", "Meetings", "Actions (", "History", "Viewed and exported (1)"] {
            #expect(text.contains(section), "\(section)")
        }
        #expect(text.contains("coordinator opened it"))
        let heardAt = try #require(state.meetings.first { $0.discussion(of: c.id) != nil })
        #expect(text.contains("\(heardAt.id) \(heardAt.date.long)"))
        for a in state.actions(of: c.id) where a.inError == nil { #expect(text.contains(a.id.description)) }
    }
}
