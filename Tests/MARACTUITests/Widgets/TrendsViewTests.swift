import MARACCore
import Testing
@testable import MARACTUI

/// The trends screen: a figure at a time over the quarters against its range, the agencies,
/// and the cases behind a bar, at 80x24 and in plain ASCII.
@Suite struct TrendsViewTests {
    /// Two years of meetings.
    static let state = DemoGenerator(seed: 4, cases: 700, today: ScreenFixture.today).generate { _ in }

    static func open(rows: Int = 24, columns: Int = 80, glyphs: Glyphs = .unicode) -> ScreenFixture {
        let f = ScreenFixture(state: state, rows: rows, columns: columns, glyphs: glyphs)
        f.press(.character(":"))
        f.type("trends")
        f.press(.enter)
        return f
    }

    static func view(_ f: ScreenFixture) throws -> TrendsView {
        guard case .trends(let t)? = f.app.overlay else { throw CancellationError() }
        return t
    }

    @Test func itOpensOnTheFirstFigureAndMovesThroughThemAll() throws {
        let f = Self.open()
        #expect(f.app.modeName == "Trends")
        let trends = try Self.view(f).trends
        #expect(trends.quarters.count == 8)
        #expect(trends.quarters.last == Quarter(containing: ScreenFixture.today))
        #expect(f.screen.contains("(so far)"))
        for (i, figure) in trends.figures.enumerated() {
            #expect(f.screen.contains("\(figure.label)  \(i + 1) of \(trends.figures.count)"), "figure \(i): \(figure.label)")
            f.press(.down)
        }
        f.press(.character("q"))
        #expect(f.app.overlay == nil)
    }

    /// A bar outside its range says so in words under it and in the line about the selected
    /// bar, not by colour alone; the range's edges are drawn on the axis.
    @Test func aBarOutsideItsRangeIsNamedInWords() throws {
        let f = Self.open()
        f.press(.down, .down)
        let view = try Self.view(f)
        let repeats = try #require(view.trends.figure("repeat_cases"))
        #expect(f.screen.contains("expected 28-40% (SafeLives)"))
        #expect(f.lines.contains { $0.contains("28%") && $0.contains("┄") })
        #expect(f.lines.contains { $0.contains("40%") && $0.contains("┄") })
        let below = repeats.points.filter { $0.position == .below }.count
        #expect(below > 0)
        let wordsRow = try #require(f.lines.first { $0.contains("below") && !$0.contains("range") })
        #expect(wordsRow.components(separatedBy: "below").count - 1 == below)
        // The selected bar (the last) in words; then the one before.
        let last = try #require(repeats.points.last)
        #expect(f.screen.contains("\(last.quarter) so far: \(FigureText.percent(last.value!))"))
        f.press(.left)
        let before = repeats.points[repeats.points.count - 2]
        #expect(f.screen.contains("\(before.quarter): \(FigureText.percent(before.value!)) (\(before.count!) of"))
        #expect(f.screen.contains(before.position!.words))
    }

    @Test func inASCIIEveryCellIsPlainAndTheBarsAreHashes() throws {
        let f = Self.open(glyphs: .ascii)
        f.press(.down, .down)
        for line in f.lines {
            let plain = line.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(plain, "\(line)")
        }
        #expect(f.lines.contains { $0.contains("######") })
        #expect(f.lines.contains { $0.contains("28%") && $0.contains("---") })
        #expect(f.screen.contains("below"))
    }

    @Test func enterListsTheCasesBehindTheBarAndOpensOne() throws {
        let f = Self.open(rows: 40, columns: 120)
        f.press(.down, .down, .left)
        let view = try Self.view(f)
        let behind = Self.state.casesBehind(figure: "repeat_cases", in: view.quarter)
        f.press(.enter)
        #expect(f.screen.contains("Repeat cases, \(view.quarter): \(behind.count) cases discussed"))
        #expect(f.screen.contains(behind[0].caseID.description))
        f.press(.down)
        f.press(.enter)
        #expect(f.app.overlay == nil)
        #expect(f.app.current == .caseView)
        #expect(f.app.caseView.subject == .case(behind[1].caseID))
    }

    @Test func theAgenciesShowEachQuarterAndWhetherTheyAreSlipping() throws {
        let f = Self.open()
        f.press(.tab)
        let view = try Self.view(f)
        #expect(view.mode == .agencies)
        #expect(f.screen.contains("Each quarter: actions on time"))
        let first = try #require(view.trends.agencies.first)
        #expect(f.screen.contains(first.direction.rawValue))
        let slipping = view.trends.agencies.filter { $0.direction == .slipping }
        #expect(f.lines.filter { $0.contains("slipping") && !$0.contains(":") }.count == slipping.count)
        f.press(.character("m"))
        #expect(f.screen.contains("Each quarter: attendance"))
        f.press(.character("a"))
        #expect(try Self.view(f).mode == .figures)
    }

    @Test func theQuarterlyScreenOpensTrendsWithT() {
        let f = ScreenFixture(state: Self.state, rows: 24, columns: 80)
        f.press(.character(":"))
        f.type("quarterly")
        f.press(.enter)
        #expect(f.app.modeName == "Quarterly return")
        f.press(.character("t"))
        #expect(f.app.modeName == "Trends")
    }

    /// The area sets its own range while the screen is open: the next frame reads against it.
    @Test func aRangeSetMeanwhileIsTakenIn() throws {
        let f = Self.open()
        f.press(.down, .down)
        #expect(f.screen.contains("expected 28-40% (SafeLives)"))
        var profile = f.app.session.state.profile
        profile.figureRanges = [FigureRangeSetting(key: "repeat_cases", range: ExpectedRange(low: 20, high: 30))]
        try f.savedByAnotherScreen(.setAreaProfile(profile), as: Actor(name: "cora", role: .coordinator))
        f.loop.draw()
        #expect(f.screen.contains("expected 20-30% (area)"))
    }

    /// The help page lists the trends screen's own keys, from the same table as Docs/keys.md.
    @Test func theHelpNamesTheTrendsKeys() {
        let f = ScreenFixture(state: Self.state, rows: 40, columns: 120)
        let help = HelpScreen(keymap: .standard).lines(width: 119).map(\.0).joined(separator: "\n")
        #expect(help.contains("Trends (:trends, or t on the quarterly return)"))
        for k in TrendsView.keys { #expect(help.contains(k.keys), "\(k.keys)") }
        f.press(.character("?"))
        #expect(f.app.showingHelp)
    }
}

