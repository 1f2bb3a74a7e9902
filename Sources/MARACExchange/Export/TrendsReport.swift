import Foundation
import MARACCore

/// `marac report trends`: each figure of the data return over the last quarters against its
/// expected range, and each agency's record over the same quarters, for the steering group's
/// paper. Counts only, and the small-number rule applied (``SmallNumbers``): the HTML form is
/// one self-contained file that may travel by email within the partnership.
public struct TrendsReport: Sendable {
    public enum Format: String, CaseIterable, Sendable { case table, csv, json, html }

    public static let marking = "OFFICIAL-SENSITIVE: MARAC figures for the steering group. Counts only; no person is named, and any count under 5 is shown as \"fewer than 5\"."

    public let trends: Trends
    public let maracName: String
    let population: Int

    public init(state: MARACState, through last: Quarter, quarters: Int, today: Day) {
        trends = state.trends(through: last, quarters: quarters, today: today)
        maracName = state.profile.maracName
        population = state.profile.adultFemalePopulation
    }

    /// One point as the report may show it.
    struct Shown {
        var point: TrendPoint
        /// The count, or nil where the small-number rule hides it (or the figure is a rate).
        var count: Int?
        var value: Double?
        var hidden: Bool
        /// What a reader sees: "31%", "48", "fewer than 5", "-" (no cases discussed).
        var text: String
        var position: ExpectedRange.Position? { hidden ? nil : point.position }
    }

    /// The points of a figure with the rule applied. Meetings are not people and are never
    /// hidden; a share is hidden with its count, and the police and other-agency shares are
    /// hidden together (one is the cases discussed less the other); a rate per 10,000 is hidden
    /// when the twelve months' cases behind it are under 5.
    func shown(_ figure: FigureTrend) -> [Shown] {
        figure.points.enumerated().map { i, p in
            var hidden = false
            if figure.key != "meetings", let count = p.count, SmallNumbers.hides(count) { hidden = true }
            if let partner = ["police_referrals": "non_police_referrals", "non_police_referrals": "police_referrals"][figure.key],
               let other = trends.figure(partner)?.points[i].count, SmallNumbers.hides(other) { hidden = true }
            if figure.measure == .rate, let rate = p.value, population > 0,
               SmallNumbers.hides(Int((rate * Double(population) / 10_000).rounded())) { hidden = true }
            let text: String
            if hidden {
                text = SmallNumbers.words
            } else if let v = p.value {
                text = figure.text(v)
            } else {
                text = "-"
            }
            return Shown(point: p, count: hidden ? nil : p.count, value: hidden ? nil : p.value, hidden: hidden, text: text)
        }
    }

    func rangeText(_ f: FigureTrend) -> String {
        guard let r = f.range else { return "" }
        return r.text + f.unit + " (" + (f.rangeSource ?? "") + ")"
    }

    /// "below the range in 2025-Q4, 2026-Q2; above the range in 2025-Q1", oldest first.
    func outsideText(_ f: FigureTrend) -> String? {
        let shown = shown(f)
        var parts: [String] = []
        for position in [ExpectedRange.Position.below, .above] {
            let quarters = shown.filter { $0.position == position }.map { $0.point.quarter.description }
            if !quarters.isEmpty { parts.append("\(position.words) in " + quarters.joined(separator: ", ")) }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    var title: String {
        let q = trends.quarters
        return "\(maracName): trends, \(q.first!) to \(q.last!)"
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .table: table()
        case .csv: csv()
        case .json: json()
        case .html: document().rendered(as: .html)
        }
    }

    // MARK: Table

    func table() -> String {
        let quarters = trends.quarters
        func cell(_ s: Shown) -> String { s.hidden ? "<5" : s.text }
        let labelWidth = max(30, trends.figures.map { TextWidth.of($0.label) }.max() ?? 30)
        var out = "\(title)\n\(Self.marking)\n\n"
        var header = "Figure".padded(toWidth: labelWidth)
        for q in quarters { header += "  " + q.description.padded(toWidth: 7, alignRight: true) }
        out += header + "  Range\n"
        out += String(repeating: "-", count: labelWidth) + String(repeating: "  -------", count: quarters.count) + "  -----\n"
        for f in trends.figures {
            var line = f.label.padded(toWidth: labelWidth)
            for s in shown(f) { line += "  " + cell(s).padded(toWidth: 7, alignRight: true) }
            out += (line + "  " + rangeText(f)).trimmingTrailingSpaces() + "\n"
            if let outside = outsideText(f) { out += "    " + outside + "\n" }
        }
        out += "\n<5: fewer than 5, not shown (the small-number rule). Range: SafeLives' expected range, or the area's own (marac area set).\n"
        out += "\nAgencies\n\n"
        for a in trends.agencies {
            out += "\(a.agency.name): \(a.direction.rawValue)" + (a.direction == .tooFewToTell ? "" : " (\(a.reason))") + "\n"
            var head = "".padded(toWidth: 20)
            for q in quarters { head += "  " + q.description.padded(toWidth: 7, alignRight: true) }
            out += head + "\n"
            for (label, value) in agencyRows(a) {
                var line = ("  " + label).padded(toWidth: 20)
                for v in value { line += "  " + (v == SmallNumbers.words ? "<5" : v).padded(toWidth: 7, alignRight: true) }
                out += line + "\n"
            }
            out += "\n"
        }
        return out
    }

    /// The agency's rows as text, the rule applied: referrals and actions are about cases;
    /// attendance counts meetings and is shown whole.
    func agencyRows(_ a: AgencyTrend) -> [(String, [String])] {
        let qs = a.quarters
        return [
            ("referrals made", qs.map { SmallNumbers.text($0.referralsMade) }),
            ("attendance", qs.map { $0.meetingsExpected == 0 ? "-" : "\($0.meetingsAttended)/\($0.meetingsExpected)" }),
            ("actions agreed", qs.map { SmallNumbers.text($0.actionsAgreed) }),
            ("on time", qs.map { onTime($0) }),
            ("overdue", qs.map { SmallNumbers.text($0.overdue) }),
        ]
    }

    func onTime(_ q: AgencyQuarter) -> String {
        let judged = q.completedOnTime + q.overdue
        if judged == 0 { return "-" }
        guard !SmallNumbers.hides(judged), let rate = q.onTimeRate else { return SmallNumbers.words }
        return "\(Int(rate.rounded()))%"
    }

    // MARK: CSV

    func csv() -> String {
        var rows: [[String]] = []
        for f in trends.figures {
            for s in shown(f) {
                rows.append(["figure", f.key, f.label, s.point.quarter.description,
                             s.hidden ? SmallNumbers.words : (s.count.map(String.init) ?? ""),
                             s.hidden ? "" : (s.point.percent.map(FigureText.oneDecimal) ?? ""),
                             s.hidden || f.measure != .rate ? "" : (s.value.map(FigureText.oneDecimal) ?? ""),
                             f.range?.low.map(FigureText.oneDecimal) ?? "", f.range?.high.map(FigureText.oneDecimal) ?? "",
                             f.rangeSource ?? "", s.position.map { $0.words } ?? ""])
            }
        }
        for a in trends.agencies {
            for (label, values) in agencyRows(a) {
                for (q, v) in zip(a.quarters, values) {
                    rows.append(["agency", a.agency.name, label, q.quarter.description, v, "", "", "", "", "", a.direction.rawValue])
                }
            }
        }
        return CSVText.render(headers: ["kind", "key", "label", "quarter", "count", "percent", "rate", "range_low", "range_high", "range_source", "position"],
                              rows: rows)
    }

    // MARK: JSON

    /// A count a reader may see: a number, or the words "fewer than 5".
    enum Count: Encodable {
        case number(Int), fewerThan5
        init(_ n: Int) { self = SmallNumbers.hides(n) ? .fewerThan5 : .number(n) }
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let n): try c.encode(n)
            case .fewerThan5: try c.encode(SmallNumbers.words)
            }
        }
    }

    struct JSONDocument: Encodable {
        var marac: String
        var marking: String
        var quarters: [String]
        var small_number_rule: String
        var figures: [JSONFigure]
        var agencies: [JSONAgency]
    }

    struct JSONRange: Encodable {
        @OrNull var low: Double?
        @OrNull var high: Double?
        var source: String
    }

    struct JSONFigure: Encodable {
        var key: String
        var label: String
        var definition: String
        var measure: String
        @OrNull var range: JSONRange?
        @OrNull var national: Double?
        var points: [JSONPoint]
    }

    struct JSONPoint: Encodable {
        var quarter: String
        @OrNull var count: Count?
        @OrNull var percent: Double?
        @OrNull var rate: Double?
        @OrNull var position: String?
    }

    struct JSONAgency: Encodable {
        var name: String
        var kind: String
        var direction: String
        var reason: String
        var quarters: [JSONAgencyQuarter]
    }

    struct JSONAgencyQuarter: Encodable {
        var quarter: String
        var referrals_made: Count
        var meetings_expected: Int
        var meetings_attended: Int
        var actions_agreed: Count
        var actions_due: Count
        var completed_on_time: Count
        var overdue: Count
        @OrNull var on_time_percent: Double?
    }

    func json() -> String {
        let figures = trends.figures.map { f in
            JSONFigure(key: f.key, label: f.label, definition: f.definition, measure: f.measure.rawValue,
                       range: f.range.map { JSONRange(low: $0.low, high: $0.high, source: f.rangeSource ?? "") },
                       national: f.national,
                       points: shown(f).map { s in
                           JSONPoint(quarter: s.point.quarter.description,
                                     count: s.hidden ? (f.measure == .rate ? nil : .fewerThan5) : s.count.map(Count.number),
                                     percent: s.hidden ? nil : s.point.percent.map(FigureText.roundedToTenths),
                                     rate: s.hidden || f.measure != .rate ? nil : s.value.map(FigureText.roundedToTenths),
                                     position: s.position.map(\.words))
                       })
        }
        let agencies = trends.agencies.map { a in
            JSONAgency(name: a.agency.name, kind: a.agency.kind.rawValue, direction: a.direction.rawValue, reason: a.reason,
                       quarters: a.quarters.map { q in
                           let judged = q.completedOnTime + q.overdue
                           return JSONAgencyQuarter(quarter: q.quarter.description, referrals_made: Count(q.referralsMade),
                                                    meetings_expected: q.meetingsExpected, meetings_attended: q.meetingsAttended,
                                                    actions_agreed: Count(q.actionsAgreed), actions_due: Count(q.actionsDue),
                                                    completed_on_time: Count(q.completedOnTime), overdue: Count(q.overdue),
                                                    on_time_percent: SmallNumbers.hides(judged) ? nil : q.onTimeRate.map(FigureText.roundedToTenths))
                       })
        }
        return JSONOutput.render(JSONDocument(marac: maracName, marking: Self.marking, quarters: trends.quarters.map(\.description),
                                              small_number_rule: "a count of people or cases under 5 is given as \"fewer than 5\", and no share is given from one",
                                              figures: figures, agencies: agencies))
    }

    // MARK: HTML

    /// The paper: a chart and a line of words for each figure, then the agencies' table.
    public func document() -> Document {
        var doc = Document(title: title, marking: Self.marking)
        doc.add(.paragraph("Each figure of the MARAC data return for the quarters \(trends.quarters.first!) to \(trends.quarters.last!), from the cases discussed at meetings held in each quarter, read against its expected range: SafeLives' range, or the range this MARAC set for itself. A point outside its range is named in words under its bar."))
        doc.add(.heading(level: 1, "Figures"))
        for f in trends.figures {
            doc.add(.heading(level: 2, f.label))
            doc.add(.picture(svg: TrendsChartSVG(report: self, figure: f).svg, words: words(f)))
            var notes = [f.definition]
            if let r = f.range { notes.append("Expected range: \(r.text)\(f.unit) (\(f.rangeSource == "area" ? "set by this MARAC" : "SafeLives")).") }
            if let outside = outsideText(f) { notes.append("Outside the range: \(outside).") }
            doc.add(.paragraph(notes.joined(separator: " ")))
        }
        doc.add(.heading(level: 1, "Agencies"))
        doc.add(.paragraph("Per agency and quarter: referrals it made; meetings it attended of those it was expected at; actions agreed for it; of its actions due, the share done by the due date; and those overdue (done late, not done or still open). Improving or slipping compares the two latest quarters with figures, by \(Int(AgencyTrend.changeThreshold)) points or more."))
        for a in trends.agencies {
            doc.add(.heading(level: 2, "\(a.agency.name): \(a.direction.rawValue)"))
            if a.direction != .tooFewToTell { doc.add(.paragraph(a.reason.prefix(1).uppercased() + a.reason.dropFirst() + ".")) }
            doc.add(.table(headers: [""] + trends.quarters.map(\.description),
                           rows: agencyRows(a).map { [$0.0] + $0.1 }))
        }
        doc.add(.note("The small-number rule: a count of people or cases under 5 is shown as \"fewer than 5\", and no share is given from one. Meetings and attendance are counts of meetings and are shown whole. National figures: SafeLives, twelve months to June 2023."))
        return doc
    }

    /// The figure in words: every quarter's value, the range and the points outside it.
    func words(_ f: FigureTrend) -> String {
        var out = f.label + ": " + shown(f).map { "\($0.point.quarter) \($0.text)" }.joined(separator: ", ") + "."
        if let r = f.range { out += " Expected range \(r.text)\(f.unit)." }
        if let outside = outsideText(f) { out += " " + outside.prefix(1).uppercased() + outside.dropFirst() + "." }
        return out
    }
}
