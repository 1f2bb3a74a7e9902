import Foundation
import Testing
import TestSupport

/// The steering group's trends as a chair sees them: the screen at 80x24 and 120x40 through
/// tmux, and `marac report trends` writing the paper.
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"))
struct TrendsEndToEndTests {
    /// Two years of meetings, made once.
    nonisolated(unsafe) static let desk = DemoDesk(cases: 700, seed: 4)

    @Test(arguments: [(24, 80), (40, 120)])
    func theChairMovesThroughTheFiguresTheAgenciesAndTheCasesBehindABar(rows: Int, columns: Int) throws {
        let tmux = try Self.desk.open(as: "chair", rows: rows, columns: columns)
        tmux.send("Enter")
        tmux.command("trends")
        try tmux.wait(for: "Cases discussed  2 of 13") { $0.contains("Meetings held  1 of 13") }
        tmux.send("Down")
        try tmux.wait(for: "Cases discussed  2 of 13")
        tmux.send("Down")
        let repeats = try tmux.wait(for: "Repeat cases  3 of 13")
        #expect(repeats.contains("expected 28-40% (SafeLives)"))
        #expect(repeats.contains("below"), "a bar below the range is named under it")
        #expect(repeats.contains("2026-Q4 so far:"))
        // Every row of the frame fits: the hint line and the status bar are whole.
        #expect(repeats.contains("Enter cases"))
        tmux.send("Left")
        let q3 = try tmux.wait(for: "2026-Q3 in words") { $0.contains("2026-Q3: ") && $0.contains("cases discussed)") }
        let line = try #require(q3.split(separator: "\n").first { $0.contains("2026-Q3: ") })
        let count = try #require(line.split(separator: "(").last?.split(separator: " ").first.flatMap { Int($0) })
        tmux.send("Enter")
        try tmux.wait(for: "Repeat cases, 2026-Q3: \(count) cases discussed")
        tmux.send("Enter")
        let opened = try tmux.wait(for: "the case opened") { $0.contains("REPEAT of C-") }
        #expect(!opened.contains("Cases behind the bar"))
        tmux.command("trends")
        try tmux.wait(for: "Meetings held  1 of 13")
        tmux.send("Tab")
        let agencies = try tmux.wait(for: "Each quarter: actions on time")
        #expect(agencies.contains("Northbridge Police"))
        #expect(["improving", "slipping", "steady"].contains { agencies.contains($0) })
        tmux.send("m")
        try tmux.wait(for: "Each quarter: attendance")
        tmux.send("Escape")
        try tmux.wait(for: "the trends closed") { !$0.contains("Each quarter") && !$0.contains("Trends:") }
    }

    @Test func theReportIsWrittenAsOneHTMLFileAndRecorded() throws {
        let file = Self.desk.scratch.root + "/trends.html"
        let made = Self.desk.run(["report", "trends", "--through", "2026-Q3", "-o", file], as: "chair")
        #expect(made.status == 0, "\(made.error)")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.contains("trends, 2025-Q1 to 2026-Q3"))
        #expect(html.contains("<svg"))
        let audit = Self.desk.run(["audit"], as: "coordinator")
        #expect(audit.output.contains("trends 2025-Q1 to 2026-Q3"), "\(audit.output.suffix(400))")
        let wrong = Self.desk.run(["report", "trends", "-o", Self.desk.scratch.root + "/trends.pdf"], as: "chair")
        #expect(wrong.status == 64)
        let many = Self.desk.run(["report", "trends", "--quarters", "0"], as: "chair")
        #expect(many.status == 64 && many.error.contains("1 to 40"))
    }
}
