import MARACCore
import Testing
@testable import MARACTUI

@Suite struct TextInputTests {
    func typed(_ input: inout TextInput, _ keys: [Key]) {
        for k in keys { _ = input.handle(k) }
    }

    @Test func wideAndAccentedCharactersAreOneCursorStepEach() {
        var input = TextInput("Nguyễn 李龍")
        typed(&input, [.left, .left])  // before 李
        #expect(input.cursor == 7)
        typed(&input, [.character("小")])
        #expect(input.text == "Nguyễn 小李龍")
        typed(&input, [.home, .right, .right, .right, .right, .right, .backspace])  // the ễ
        #expect(input.text == "Nguyn 小李龍")
        typed(&input, [.character("ễ")])
        #expect(input.text == "Nguyễn 小李龍")
        typed(&input, [.end, .backspace, .delete])
        #expect(input.text == "Nguyễn 小李")
    }

    @Test func aCombiningAccentTypedAfterALetterJoinsIt() {
        var input = TextInput("Nguye")
        input.insert("\u{0302}")
        input.insert("\u{0303}")
        input.insert("n")
        #expect(input.characters.count == 6)
        #expect(input.text.unicodeScalars.count == 8)
        #expect(input.text == "Nguye\u{0302}\u{0303}n")
        _ = input.handle(.left)
        _ = input.handle(.backspace)
        #expect(input.text == "Nguyn", "the accented letter goes as one")
    }

    @Test func lineEditingKeys() {
        var input = TextInput("Northbridge Police station")
        typed(&input, [.control("w")])
        #expect(input.text == "Northbridge Police ")
        typed(&input, [.control("a"), .control("k")])
        #expect(input.text == "")
        input.text = "abc"
        typed(&input, [.control("u")])
        #expect(input.isEmpty)
    }

    @Test func aLongTextScrollsToKeepTheCursorInItsField() {
        var input = TextInput(String(repeating: "李", count: 30))
        var canvas = Canvas(rows: 1, columns: 20)
        let column = input.draw(&canvas, row: 0, column: 0, width: 20, role: .input)
        #expect(column <= 19)
        #expect(TextWidth.of(canvas.text(ofRow: 0)) <= 20)
        #expect(canvas.cell(row: 0, column: column).role == .selected)
    }
}
