import MARACCore
import Testing
@testable import MARACTUI

@Suite struct CanvasTests {
    @Test func aWideCharacterFillsTwoCellsAndReadsBackOnce() {
        var canvas = Canvas(rows: 1, columns: 10)
        canvas.put("a李b", row: 0, column: 0)
        #expect(canvas.text(ofRow: 0) == "a李b      ")
        #expect(canvas.cell(row: 0, column: 2).character == nil)
    }

    @Test func overwritingHalfAWideCharacterLeavesNoHalfBehind() {
        var canvas = Canvas(rows: 1, columns: 6)
        canvas.put("李小龍", row: 0, column: 0)
        canvas.put("x", row: 0, column: 1)  // the right half of 李
        #expect(canvas.text(ofRow: 0) == " x小龍")
        canvas.put("y", row: 0, column: 2)  // the left half of 小
        #expect(canvas.text(ofRow: 0) == " xy 龍")
        #expect(TextWidth.of(canvas.text(ofRow: 0)) == 6)
    }

    @Test func aWideCharacterThatWouldCrossTheLimitIsLeftOut() {
        var canvas = Canvas(rows: 1, columns: 5)
        let used = canvas.put("ab李", row: 0, column: 2, limit: 3)
        #expect(used == 2)
        #expect(TextWidth.of(canvas.text(ofRow: 0)) == 5)
        #expect(!canvas.text(ofRow: 0).contains("李"))
    }

    @Test func textIsClippedToItsRegion() {
        var canvas = Canvas(rows: 3, columns: 10)
        let region = Region(row: 1, column: 2, height: 1, width: 4)
        canvas.put("abcdefgh", in: region, row: 0)
        canvas.put("never", in: region, row: 1)
        #expect(canvas.text(ofRow: 1) == "  abcd    ")
        #expect(canvas.text(ofRow: 2) == "          ")
    }

    @Test func runsGroupCellsOfTheSameRole() {
        var canvas = Canvas(rows: 1, columns: 6)
        canvas.put("ab", row: 0, column: 0, role: .title)
        canvas.put("cd", row: 0, column: 2, role: .danger)
        let runs = canvas.runs(ofRow: 0)
        #expect(runs.map(\.text) == ["ab", "cd", "  "])
        #expect(runs.map(\.role) == [.title, .danger, .normal])
    }
}
