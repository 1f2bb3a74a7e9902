import MARACCore
import Testing
@testable import MARACTUI

@Suite struct PaletteTests {
    static let names = ["meeting start", "meeting end", "meeting next", "help", "export minutes", "export caselist"]

    @Test func tabCompletesToWhatTheMatchesShareThenCyclesThroughThem() {
        var p = Palette(names: Self.names, history: [])
        for c in "me" { _ = p.handle(.character(c)) }
        _ = p.handle(.tab)
        #expect(p.input.text == "meeting ")
        _ = p.handle(.tab)
        #expect(p.input.text == "meeting end")
        _ = p.handle(.tab)
        #expect(p.input.text == "meeting next")
        p.input.text = "ex"
        _ = p.handle(.tab)
        #expect(p.input.text == "export ")
        p.input.text = "h"
        _ = p.handle(.tab)
        #expect(p.input.text == "help")
        #expect(p.handle(.enter) == .run("help"))
    }

    @Test func upAndDownGoThroughEarlierCommands() {
        var p = Palette(names: Self.names, history: ["help", "meeting start"])
        _ = p.handle(.up)
        #expect(p.input.text == "meeting start")
        _ = p.handle(.up)
        #expect(p.input.text == "help")
        _ = p.handle(.down)
        #expect(p.input.text == "meeting start")
        _ = p.handle(.down)
        #expect(p.input.text == "")
        p.remember("help")
        #expect(p.history == ["meeting start", "help"])
    }

    @Test func theCommandLineRunsCommandsByNameAndListsThem() {
        let f = ScreenFixture.demo()
        f.press(.character(":"))
        #expect(f.app.modeName == "Command")
        #expect(f.screen.contains("agenda"))
        f.type("agend")
        f.press(.tab, .enter)
        #expect(f.app.current == .agenda)
        f.press(.character(":"))
        f.type("nonsense")
        f.press(.enter)
        #expect(f.status.contains("No command \"nonsense\"") == true)
        f.press(.character(":"), .up)
        #expect(f.status.contains("nonsense") == true, "history keeps what was typed")
        f.press(.escape)
        #expect(f.app.modeName == "Meeting agenda")
    }

    @Test func everyNamedRequestIsACommand() {
        let f = ScreenFixture.demo()
        let names = Set(f.app.commands.map(\.name))
        for r in Request.allCases { if let n = r.paletteName { #expect(names.contains(n)) } }
    }
}

