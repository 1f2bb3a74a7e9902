import Testing
@testable import MARACExchange

/// Issue 20, 4: the HTML that prints (and becomes PDF) never breaks an id, a date or a
/// reference across lines, and leaves names and prose free to wrap.
struct HTMLRendererTests {
    @Test(arguments: ["C-0107", "M-0003,", "(A-0048)", "17/05/1990", "2026-11-28.", "NBP/2026/12345", "C-0107:"])
    func idsDatesAndReferencesAreKeptOnOneLine(word: String) {
        #expect(HTMLRenderer.keepsWhole(word))
        #expect(HTMLRenderer.text("due \(word) now").contains("<span class=\"nb\">"))
    }

    @Test(arguments: ["Łódź-Ashby", "ex-partner", "and/or", "follow-up", "14", "Zoë"])
    func namesAndWordsStillWrap(word: String) {
        #expect(!HTMLRenderer.keepsWhole(word))
    }

    @Test func theTextIsStillEscapedInsideAndOutsideTheSpans() {
        #expect(HTMLRenderer.text("<b> C-0107 & 01/02/2026") == "&lt;b&gt; <span class=\"nb\">C-0107</span> &amp; <span class=\"nb\">01/02/2026</span>")
    }
}
