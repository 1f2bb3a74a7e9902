import Testing
@testable import MARACCore

/// Text made ASCII for a terminal that shows nothing else keeps its width, so tables stay
/// aligned, and keeps names recognisable.
@Suite struct ASCIITextTests {
    @Test(arguments: [("Zoë", "Zoe"), ("Łódź", "Lodz"), ("Nguyễn Thị Hương", "Nguyen Thi Huong"), ("Siân Żmuda", "Sian Zmuda"),
                      ("Bartłomiej Øster", "Bartlomiej Oster"), ("Straße", "Strase"), ("plain", "plain")])
    func latinNamesLoseTheirMarks(name: String, ascii: String) {
        #expect(ASCIIText.transliterate(name) == ascii)
    }

    @Test func punctuationBecomesItsPlainForm() {
        #expect(ASCIIText.transliterate("a … b – c • d · e → f ‘g’ “h”") == "a ~ b - c - d - e > f 'g' \"h\"")
    }

    @Test func whatHasNoASCIIFormKeepsItsWidth() {
        #expect(ASCIIText.transliterate("李华") == "????")
        #expect(ASCIIText.transliterate("e\u{301}") == "e", "a letter and its combining mark are one cell")
        #expect(ASCIIText.transliterate("Ω") == "?")
    }

    @Test func everyCharacterOfAnyTextBecomesASCIIOfTheSameWidth() {
        var generator = SeededGenerator(seed: 7)
        let pool = Array("aZ09 ëŁźễ李华…–•·→✓Ω\u{301}한ا")
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in pool.randomElement(using: &generator)! })
            let ascii = ASCIIText.transliterate(text)
            #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII }, "\(text)")
            #expect(TextWidth.of(ascii) == TextWidth.of(text), "\(text) is \(TextWidth.of(text)) wide, \(ascii) is not")
        }
    }
}
