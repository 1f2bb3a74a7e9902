import MARACCore
import Testing
@testable import MARACTUI

@Suite struct ListBehaviourTests {
    @Test func slashSearchesAsYouTypeAndNFindsTheNext() {
        let f = ScreenFixture.demo(cases: 80)
        f.press(.character("4"), .character("f"), .character("f"), .character("g"))
        let state = f.app.session.state
        let agency = "Northbridge Homes"
        let matching = f.app.actions.rows.enumerated().filter { state.action($0.element)!.agency == state.agency(named: agency)!.id }.map(\.offset)
        #expect(matching.count > 2)
        f.press(.character("/"))
        #expect(f.app.modeName == "Search")
        f.type("homes")
        #expect(f.app.actions.selectionIndex == matching[0])
        f.press(.enter)
        f.press(.character("n"))
        #expect(f.app.actions.selectionIndex == matching[1])
        f.press(.character("N"))
        #expect(f.app.actions.selectionIndex == matching[0])
        f.press(.character("/"))
        f.type("zzzz")
        #expect(f.screen.contains("not found"))
        f.press(.escape)
        #expect(f.app.actions.selectionIndex == matching[0], "Esc goes back to where the search began")
    }

    /// Search keeps each row's folded text while the state stands (issue 22), and takes in a
    /// change another screen saved: a victim renamed is found by the new name, not the old.
    @Test func searchFindsWhatAnotherScreenJustChanged() throws {
        let f = ScreenFixture.demo()
        let state = f.app.session.state
        let id = try #require(state.triageQueue().last).referral
        var details = try #require(state.referral(id)).details
        let old = details.victim.name
        f.press(.character("1"), .character("/"))
        f.type(old)
        f.press(.enter)
        #expect(f.app.referrals.selectedReferral == id)
        f.press(.character("g"))
        details.victim.name = "Ysolde Quarrington"
        try f.savedByAnotherScreen(.updateReferral(id, details))
        f.press(.character("/"))
        f.type("ysolde")
        f.press(.enter)
        #expect(f.app.referrals.selectedReferral == id, "found by the name saved a moment ago")
        f.press(.character("g"), .character("/"))
        f.type(old)
        #expect(f.screen.contains("not found"), "and no longer by the old one")
    }

    @Test func spaceTagsRowsTheCountShowsAndEscClearsThem() {
        let f = ScreenFixture.demo()
        f.press(.character("4"), .character(" "), .character(" "), .character(" "))
        #expect(f.app.actions.taggedCount == 3)
        #expect(f.status.contains("3 tagged") == true)
        #expect(f.screen.contains("●"))
        f.press(.character("k"), .character(" "))
        #expect(f.app.actions.taggedCount == 2)
        #expect(f.app.actions.targets(f.app.context).count == 2)
        f.press(.escape)
        #expect(f.app.actions.taggedCount == 0)
        #expect(f.app.actions.targets(f.app.context).count == 1, "with no tags, the selected row")
    }

    @Test func sortingCyclesThroughColumnsAndIsShownInTheHeader() {
        let f = ScreenFixture.demo()
        f.press(.character("4"), .character("s"))
        #expect(f.app.actions.sortColumn == 0)
        #expect(f.screen.contains("Action▲"))
        f.press(.character("s"))
        #expect(f.screen.contains("Action▼"))
        let numbers = f.app.actions.rows.map(\.number)
        #expect(numbers == numbers.sorted(by: >))
        f.press(.character("s"), .character("s"), .character("s"))
        #expect(f.screen.contains("sorted by agency"))
        let agencies = f.app.actions.rows.map { f.app.session.state.agency(f.app.session.state.action($0)!.agency)!.name }
        #expect(agencies == agencies.sorted { NameFolding.fold($0) < NameFolding.fold($1) })
    }

    /// A column of dates sorts by day, not by its text (05/12 before 17/03 would be wrong).
    @Test func aDateColumnSortsByDay() {
        let f = ScreenFixture.demo()
        f.press(.character("4"))
        for _ in 0..<11 { f.press(.character("s")) }
        #expect(f.app.actions.sortColumn == 5)
        #expect(f.screen.contains("sorted by due"))
        let dues = f.app.actions.rows.map { f.app.session.state.action($0)!.due }
        #expect(dues == dues.sorted())
        #expect(Set(dues.map(\.month)).count > 1, "the rows span months, so text order would differ")
    }

    /// Rows whose cells are alike keep the pane's own order (by due date, then number), in
    /// either direction of the sort, and a change to one row puts it in its new place.
    @Test func rowsWithTheSameCellKeepThePanesOrderBothWaysAndAfterAChange() throws {
        let f = ScreenFixture.demo()
        f.press(.character("4"), .character("f"), .character("f"))
        let own = f.app.actions.rows
        for _ in 0..<5 { f.press(.character("s")) }
        #expect(f.screen.contains("sorted by agency"))
        let state = f.app.session.state
        func agency(_ id: ActionID) -> String { NameFolding.fold(state.agency(state.action(id)!.agency)!.name) }
        let position = Dictionary(uniqueKeysWithValues: own.enumerated().map { ($1, $0) })
        for descending in [false, true] {
            let rows = f.app.actions.rows
            #expect(rows.count == own.count)
            let names = rows.map(agency)
            #expect(names == (descending ? names.sorted(by: >) : names.sorted()))
            for (a, b) in zip(rows, rows.dropFirst()) where agency(a) == agency(b) {
                #expect(position[a]! < position[b]!, "\(a) before \(b), as in the pane's own order")
            }
            if !descending { f.press(.character("s")) }
        }
        #expect(f.screen.contains("Agency▼"))
    }
}
