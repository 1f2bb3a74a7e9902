import MARACCore
import CNCursesW
import Testing
@testable import MARACTUI

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("Nguyễn Thị Lan", 14), ("Zoë Łukasiewicz", 15), ("李小龍", 6), ("Siobhán Ó Briain", 16),
        ("Ayşe Yılmaz", 11), ("abc", 3), ("", 0),
    ])
    func namesTakeTheColumnsATerminalGivesThem(name: String, columns: Int) {
        #expect(TextWidth.of(name) == columns)
    }

    @Test func decomposedAccentsTakeNoColumnOfTheirOwn() {
        let decomposed = "Nguye\u{0302}\u{0303}n"  // e + circumflex + tilde as separate scalars
        #expect(TextWidth.of(decomposed) == 6)
    }

    /// The table must agree with the C library's wcwidth (which tmux and xterm follow) on the
    /// scripts the demo and real referrals use.
    @Test func agreesWithTheCLibraryOnEveryScalarOfTheNamesWeShow() {
        let sample = "Nguyễn Thị Lan Zoë Łukasiewicz 李小龍 王芳 美玲 Ağca Şahin Dąbrowska Ó Briain ÆØÅ ÿ ½ € → ✓ ─│▶●…█░ 가나다 カタカナ ｱ ＡＢ"
        for scalar in sample.unicodeScalars {
            let c = marac_wcwidth_utf8(scalar.value)
            guard c >= 0 else { continue }
            #expect(TextWidth.of(scalar) == Int(c), "U+\(String(scalar.value, radix: 16)) \(scalar)")
        }
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect("李小龍abc".truncated(toWidth: 4) == "李…")
        #expect("李小龍abc".truncated(toWidth: 5) == "李小…")
        #expect(TextWidth.of("李小龍abc".padded(toWidth: 7)) == 7)
        #expect("Zoë".padded(toWidth: 5) == "Zoë  ")
    }

    @Test func controlCharactersInImportedTextBecomeSpaces() {
        #expect("a\tb\nc\u{1B}d".singleLine == "a b c d")
    }
}
