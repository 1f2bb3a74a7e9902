import MARACCore
import Testing
@testable import MARACTUI

/// Drawing is a function of the state and of what the layout kept: drawing the same frame
/// twice gives the same cells, and drawing alone never picks up a change (only the layout does).
@Suite struct RenderPurityTests {
    static func frame(_ f: ScreenFixture) -> [[Cell]] {
        var canvas = Canvas(rows: 40, columns: 120, glyphs: .unicode)
        f.app.render(&canvas)
        return (0..<canvas.rows).map { Array(canvas.rowCells($0)) }
    }

    /// Screens to look at, each reached by keys from the first pane.
    static let screens: [(String, [Key])] = [
        ("the referral queue", []),
        ("the case view", [.character("4"), .enter]),
        ("the agenda", [.character("3")]),
        ("the action tracker, by agency", [.character("4"), .character("v")]),
        ("the help screen", [.character("?")]),
        ("the command line", [.character(":"), .character("f")]),
        ("a search", [.character("4"), .character("/"), .character("a")]),
        ("a form", [.character("n")]),
        ("the live meeting", [.character("3"), .character("M"), .character("y")]),
    ]

    @Test(arguments: screens.map(\.0))
    func theSameFrameIsDrawnTwiceAlike(screen: String) {
        let f = ScreenFixture.demo()
        for key in Self.screens.first(where: { $0.0 == screen })!.1 { f.press(key) }
        let once = Self.frame(f), twice = Self.frame(f)
        #expect(once == twice, "\(screen) drew differently the second time")
        #expect(once.joined().contains { $0.character != nil && $0.character != " " }, "\(screen) drew something")
    }

    @Test func drawingAloneDoesNotTakeInAChangeTheLayoutDoes() throws {
        let f = ScreenFixture.demo()
        let before = Self.frame(f)
        let first = try #require(f.app.referrals.selectedReferral)
        // Another writer declines the first referral; the app is told the state changed.
        f.connection.receive(Change(stamp: Stamp(actor: "admin", at: Instant(milliseconds: 0)), command: .declineReferral,
                                    events: [.referralDeclined(first, reason: "out of area")]))
        #expect(f.connection.poll().stateChanged)
        f.app.stateChanged()
        #expect(Self.frame(f) == before, "drawing by itself recomputed the rows")
        f.loop.draw()
        #expect(Self.frame(f) != before, "the layout took the change in")
        #expect(f.app.referrals.selectedReferral != first)
    }
}

/// What a look at the store finds reaches the screen: damage met while following, this screen
/// becoming the writer, a compaction that failed. Each is told, not dropped.
@Suite struct StoreNewsTests {
    @Test func whatPollingFindsIsToldOnTheStatusBar() {
        let f = ScreenFixture.demo()
        f.connection.nextNews = StoreNews(message: "Stopped following the store: log.bin is damaged at byte 32.", alert: true)
        f.loop.tick()
        f.loop.draw()
        #expect(f.screen.contains("Stopped following the store"), "\(f.status)")
    }

    @Test func aCompactionThatFailedIsToldOnceTheScreenIsIdle() {
        let f = ScreenFixture.demo()
        f.connection.idleFailure = "Compacting the store failed: no space left on the device."
        for _ in 0..<8 { f.loop.idleTick() }
        f.loop.draw()
        #expect(f.screen.contains("Compacting the store failed"), "\(f.status)")
    }
}
