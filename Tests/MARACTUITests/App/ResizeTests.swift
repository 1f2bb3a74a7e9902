import MARACCore
import Testing
@testable import MARACTUI

@Suite struct ResizeTests {
    @Test func aTerminalSmallerThan80x24SaysSoAndRecoversWhenEnlarged() {
        let f = ScreenFixture.demo()
        f.terminal.resize(rows: 20, columns: 70)
        f.loop.processPendingEvents()
        #expect(f.screen.contains("Terminal too small: 70x20"))
        #expect(f.screen.contains("at least 80x24"))
        // Keys other than q do nothing while too small.
        f.press(.character("4"))
        #expect(f.app.current == .referrals)
        f.terminal.resize(rows: 40, columns: 120)
        f.loop.processPendingEvents()
        #expect(!f.screen.contains("too small"))
        #expect(f.screen.contains("awaiting triage"))
    }

    @Test func aResizeRedrawsEveryRowForTheNewSize() {
        let f = ScreenFixture.demo()
        f.terminal.resize(rows: 30, columns: 90)
        f.loop.processPendingEvents()
        #expect(f.lines.count == 30)
        #expect(f.lines[0].hasPrefix(" 1 Referrals"))
        #expect(f.lines[29].contains("marac │ store"))
        for line in f.lines { #expect(TextWidth.of(line) <= 90) }
    }

    @Test func aKeystrokeRedrawsOnlyTheRowsThatChanged() {
        let f = ScreenFixture.demo()
        let before = f.terminal.cellsWritten
        f.press(.character("j"))
        let written = f.terminal.cellsWritten - before
        // Two list rows change (the old and new selection) and the preview's eight rows below;
        // a full repaint would be 40 rows, 4,800 cells.
        #expect(written > 0 && written <= 120 * 10, "\(written) cells written")
    }
}
