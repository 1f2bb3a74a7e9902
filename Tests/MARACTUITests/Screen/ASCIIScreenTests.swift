import MARACCore
import Testing
@testable import MARACTUI

/// `--ascii` means ASCII: on a terminal that shows nothing else (a vt100, a console without
/// UTF-8, a screen reader), every character of every screen is below 0x80, names included, and
/// the columns stay where they are.
@Suite struct ASCIIScreenTests {
    /// Each screen, reached from the first pane by keys or a `:` command.
    static let screens: [(name: String, keys: [Key], command: String?)] = [
        ("the referral queue", [], nil),
        ("the case view", [.character("4"), .enter], nil),
        ("the agenda", [.character("3")], nil),
        ("the action tracker by agency", [.character("4"), .character("v")], nil),
        ("the help screen", [.character("?")], nil),
        ("the help screen's last page", [.character("?"), .end], nil),
        ("the command line", [.character(":"), .character("a")], nil),
        ("a search", [.character("4"), .character("/"), .character("a")], nil),
        ("the referral form", [.character("n")], nil),
        ("the risk checklist", [.character("n")], nil),
        ("the find screen", [.control("f"), .character("a")], nil),
        ("the quarterly return", [], "quarterly"),
        ("the minutes", [], "minutes M-0001"),
        ("the agencies", [], "agencies"),
        ("the messages", [], "messages"),
        ("a question", [.character("3"), .character("M")], nil),
        ("the attendance", [.character("3"), .character("M"), .character("y")], nil),
        ("the statement", [.character("3"), .character("M"), .character("y"), .character("n")], nil),
        ("the outstanding actions", [.character("3"), .character("M"), .character("y"), .character("n"), .character("n")], nil),
        ("a case being heard", [.character("3"), .character("M"), .character("y"), .character("n"), .character("n"), .character("n")], nil),
    ]

    static func walk(_ screen: String, glyphs: Glyphs, rows: Int = 24, columns: Int = 80) -> ScreenFixture {
        let state = DemoGenerator(seed: 3, cases: 60, today: ScreenFixture.today).generate { _ in }
        let f = ScreenFixture(state: state, rows: rows, columns: columns, glyphs: glyphs)
        let s = screens.first { $0.name == screen }!
        for key in s.keys { f.press(key) }
        if screen == "the risk checklist" {
            f.fill(["reference": "A-1", "agency": "Northbridge Police", "victim name": "Zoë Łukasiewicz", "victim date of birth": "04/05/1991",
                    "risk tool": "DASH checklist"])
            f.press(.control("s"))
            guard case .checklist? = f.app.overlay else { Issue.record("no checklist: \(f.status)"); return f }
        }
        if let command = s.command {
            f.app.run(command)
            f.loop.draw()
        }
        return f
    }

    static func nonASCII(_ f: ScreenFixture) -> [String] {
        f.lines.filter { line in line.unicodeScalars.contains { $0.value >= 0x80 } }
    }

    @Test(arguments: screens.map(\.name))
    func everyCharacterOfTheScreenIsASCII(screen: String) {
        for (rows, columns) in [(24, 80), (40, 120)] {
            let f = Self.walk(screen, glyphs: .ascii, rows: rows, columns: columns)
            #expect(Self.nonASCII(f).isEmpty, "\(screen) at \(columns)x\(rows) drew: \(Self.nonASCII(f).prefix(3))")
            #expect(f.lines.contains { !$0.trimmingSpaces().isEmpty })
        }
    }

    @Test func theSameScreensInUnicodeDrawNamesAndLinesThatAreNot() {
        // The walk reaches text that needs transliterating: without --ascii it is not ASCII.
        let drawn = Self.screens.map(\.name).filter { !Self.nonASCII(Self.walk($0, glyphs: .unicode)).isEmpty }
        #expect(drawn.count >= Self.screens.count / 2, "only \(drawn) drew anything but ASCII")
    }

    @Test func aNameKeepsItsColumnsInASCII() {
        var unicode = Canvas(rows: 1, columns: 30, glyphs: .unicode), ascii = Canvas(rows: 1, columns: 30, glyphs: .ascii)
        unicode.put("李华 Zoë Łódź|", row: 0, column: 0)
        ascii.put("李华 Zoë Łódź|", row: 0, column: 0)
        #expect(ascii.text(ofRow: 0).hasPrefix("???? Zoe Lodz|"))
        #expect(displayColumn(of: "|", in: unicode.text(ofRow: 0)) == displayColumn(of: "|", in: ascii.text(ofRow: 0)))
    }
}
