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

    /// Plain ASCII is folded byte by byte, other text a character at a time: the two agree, a
    /// text folds as its parts do, and every ASCII code is either kept lower-cased or dropped.
    @Test func asciiFoldsAsItsPartsDoAndKeepsOnlyLettersAndDigits() {
        var rng = SeededGenerator(seed: 22)
        let others = ["é", "Łódź", "Nguyễn", "李", "Ø", "\u{0301}", "’"]
        for _ in 0..<500 {
            let ascii = String((0..<Int.random(in: 0...30, using: &rng)).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0...127, using: &rng))) })
            let expected = String(ascii.unicodeScalars.compactMap { s -> Character? in
                switch s.value {
                case 0x41...0x5A: Character(Unicode.Scalar(s.value + 32)!)
                case 0x61...0x7A, 0x30...0x39: Character(s)
                default: nil
                }
            })
            #expect(NameFolding.fold(ascii) == expected, "\(Array(ascii.utf8))")
            let other = others[Int.random(in: 0..<others.count, using: &rng)]
            #expect(NameFolding.fold(ascii + other) == expected + NameFolding.fold(other))
            #expect(NameFolding.fold(other + ascii) == NameFolding.fold(other) + expected)
        }
    }
}
