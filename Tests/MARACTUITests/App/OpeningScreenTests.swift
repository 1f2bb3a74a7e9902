import MARACCore
import Testing
@testable import MARACTUI

/// The first frame while the store is read: the attention screen from the summary kept beside
/// the store, the same as the screen drawn once the store is read, and every key pressed
/// meanwhile handled afterwards, in order.
@Suite struct OpeningScreenTests {
    static let state = DemoGenerator(seed: 3, cases: 60, today: ScreenFixture.today).generate { _ in }

    @Test func itShowsWhatTheAppShowsOnceTheStoreIsReadAndSaysTheRestIsBeingRead() {
        for (rows, columns) in [(40, 120), (24, 80)] {
            let read = ScreenFixture(state: Self.state, rows: rows, columns: columns, showAttention: true)
            let terminal = MemoryTerminal(rows: rows, columns: columns)
            let opening = OpeningScreen(terminal: terminal, summary: Self.state.openingSummary(on: ScreenFixture.today),
                                        actor: read.app.session.actor, today: ScreenFixture.today)
            opening.draw()
            #expect(terminal.lines.dropLast() == read.terminal.lines.dropLast(), "\(columns)x\(rows): all but the status line")
            #expect(terminal.lines.last?.contains("reading the whole store") == true)
            #expect(terminal.screen.contains("awaiting triage") && terminal.screen.contains("overdue action"))
        }
    }

    @Test func keysPressedWhileTheStoreIsReadAreHandledInOrderOnceItIs() {
        let terminal = MemoryTerminal()
        let opening = OpeningScreen(terminal: terminal, summary: Self.state.openingSummary(on: ScreenFixture.today),
                                    actor: Actor(name: "coordinator", role: .coordinator), today: ScreenFixture.today)
        terminal.type("4")
        terminal.type("j")
        var polls = 0
        // "Read" once both keys have been taken from the terminal.
        opening.wait(until: { polls += 1; return !terminal.hasPendingEvents }, pollMilliseconds: 0)
        #expect(opening.pending == [.key(.character("4")), .key(.character("j"))])
        #expect(terminal.lines.last?.contains("2 keys will be handled once it is read") == true)
        let read = ScreenFixture(state: Self.state, showAttention: true)
        read.loop.run(replaying: opening.pending + [.key(.character("q"))])
        #expect(read.app.current == .actions, "4 went to the action tracker, after the store was read")
        #expect(read.app.quitRequested, "the q typed last quit, and nothing was left waiting")
    }

    @Test func aTerminalTooSmallSaysSoAsTheAppDoes() {
        let terminal = MemoryTerminal(rows: 20, columns: 70)
        OpeningScreen(terminal: terminal, summary: Self.state.openingSummary(on: ScreenFixture.today),
                      actor: Actor(name: "chair", role: .chair), today: ScreenFixture.today).draw()
        #expect(terminal.screen.contains("Terminal too small: 70x20."))
    }
}
