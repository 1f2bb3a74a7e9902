import MARACCore
import Testing
@testable import MARACTUI

@Suite struct UndoAndMouseTests {
    @Test func uUndoesTheLastChangeByACorrectingEntry() throws {
        let f = ScreenFixture.demo()
        let state = f.app.session.state
        let action = state.openActions().first!
        #expect(f.app.perform(.updateActionStatus(action.id, .done, note: "", on: ScreenFixture.today)))
        #expect(f.app.session.state.action(action.id)?.status == .done)
        let saved = f.connection.saved.count
        f.press(.character("u"))
        #expect(f.app.session.state.action(action.id)?.status == .open)
        #expect(f.connection.saved.count == saved + 1, "the undo is a change of its own")
        #expect(f.status.contains("Undone: update action status \(action.id)") == true)
        f.press(.character("u"))
        #expect(f.status.contains("Nothing to undo") == true)
    }

    @Test func openingCasesIsNotAnUndoableChange() {
        let f = ScreenFixture.demo()
        f.press(.character("4"), .enter)
        #expect(f.app.session.undoable.isEmpty)
    }

    @Test func aClickSelectsARowAndASecondClickOpensIt() {
        let f = ScreenFixture.demo()
        f.press(.character("4"))
        let rows = f.app.actions.rows
        f.terminal.send(.click(row: 6, column: 20))
        f.loop.processPendingEvents()
        #expect(f.app.actions.selectionIndex == 3, "the fourth row of the table")
        #expect(f.selectedRow == 6)
        f.terminal.send(.click(row: 6, column: 20))
        f.loop.processPendingEvents()
        #expect(f.app.current == .caseView)
        #expect(f.app.caseView.subject == .case(f.app.session.state.action(rows[3])!.caseID))
    }

    @Test func theWheelScrollsTheList() {
        let f = ScreenFixture.demo(cases: 120)
        f.press(.character("4"), .character("f"), .character("f"), .character("g"))
        f.terminal.send(.scroll(down: true), .scroll(down: true))
        f.loop.processPendingEvents()
        #expect(f.app.actions.list.top == 6)
    }
}
