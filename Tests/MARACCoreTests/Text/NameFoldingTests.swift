import MARACCore
import Testing

@Suite struct NameFoldingTests {
    @Test(arguments: [
        ("Nguyễn Thị Lan", "nguyenthilan"), ("Zoë Łukasiewicz", "zoelukasiewicz"), ("O'Donnell-Smith", "odonnellsmith"),
        ("Ayşe Yılmaz", "ayseyilmaz"), ("Dąbrowska", "dabrowska"), ("Siobhán Ó Briain", "siobhanobriain"),
        ("GROßMANN", "grossmann"), ("李小龍", "李小龍"), ("Ærø", "aero"),
    ])
    func namesFoldToTheirLettersWithoutCaseOrMarks(name: String, folded: String) {
        #expect(NameFolding.fold(name) == folded)
    }

    @Test func decomposedAndComposedAccentsFoldAlike() {
        #expect(NameFolding.fold("Nguye\u{0302}\u{0303}n") == NameFolding.fold("Nguyễn"))
    }

    @Test func keysIncludeAliasesOnce() {
        #expect(NameFolding.keys(name: "Zoë Lucas", aliases: ["Zoe Lucas", "Z. Lucas", " "]) == ["zoelucas", "zlucas"])
    }

    @Test(arguments: [("abcdef", "abcdef", true), ("abcdef", "abcdf", true), ("abcdef", "abcdeff", true),
                      ("abcdef", "abdcef", true), ("abcdef", "abxdef", true), ("abcdef", "abxdex", false),
                      ("abcdef", "abc", false), ("abcdef", "badcef", false)])
    func oneEditApart(a: String, b: String, expected: Bool) {
        #expect(EditDistance.withinOne(a, b) == expected)
        #expect(EditDistance.withinOne(b, a) == expected)
    }
}
