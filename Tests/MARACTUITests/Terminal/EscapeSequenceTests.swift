import Testing
@testable import MARACTUI

/// Issue 20, 9: what follows an Esc curses did not match is one sequence, dropped whole, or a
/// real Esc with the key typed after it kept.
struct EscapeSequenceTests {
    /// Feeds `text` as the characters waiting after an Esc and says what was left unread.
    static func reading(_ text: String) -> (EscapeSequence.Reading, rest: String) {
        var waiting = Array(text.unicodeScalars.map(\.value))
        let reading = EscapeSequence.read { waiting.isEmpty ? nil : waiting.removeFirst() }
        return (reading, String(String.UnicodeScalarView(waiting.compactMap(Unicode.Scalar.init))))
    }

    @Test(arguments: ["[1~", "[4~", "[7~", "[8~", "[H", "[F", "OH", "OF", "[2~", "[1;5C", "[1;2A", "[17~", "[24~",
                      "[200~", "[[A", "[Z", "OP", "[?1;2c"])
    func aSequenceIsReadWholeAndNothingOfItIsLeftToBeTyped(sequence: String) {
        let (reading, rest) = Self.reading(sequence + "X")
        #expect(reading == .dropped)
        #expect(rest == "X", "the key typed after the sequence is still there")
    }

    @Test func aLoneEscIsTheKey() {
        #expect(Self.reading("").0 == .escape(pushBack: nil))
    }

    @Test func anEscFollowedByAnotherKeyKeepsThatKey() {
        let (reading, rest) = Self.reading("x[")
        #expect(reading == .escape(pushBack: UInt32(Character("x").asciiValue!)))
        #expect(rest == "[")
    }

    @Test func escThenACapitalOWithNothingAfterIsEscAndO() {
        #expect(Self.reading("O").0 == .escape(pushBack: 0x4F))
    }

    @Test func aSequenceCutOffByTheEndOfInputIsDropped() {
        #expect(Self.reading("[1;5").0 == .dropped)
    }
}
