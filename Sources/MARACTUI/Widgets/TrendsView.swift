import MARACCore

/// The MARAC's health at a glance (`:trends`, or `t` on the quarterly screen): one figure of the
/// data return at a time as bars over the last quarters, drawn in the terminal's cells, against
/// its expected range, with a bar outside the range named "below" or "above" under it; the
/// agencies' records over the same quarters; and the cases behind any bar. The figures are the
/// return's own (``MARACState/trends(through:quarters:today:)``), computed once per change of
/// the state, not on every key.
public struct TrendsView: Sendable {
    public enum Mode: Sendable, Equatable { case figures, agencies, cases }

    /// What the agencies' table shows for each quarter; `m` goes through them.
    public enum AgencyMeasure: String, CaseIterable, Sendable {
        case onTime = "actions on time"
        case attendance = "attendance"
        case referrals = "referrals made"
        case agreed = "actions agreed"
        case overdue = "actions overdue"
    }

    public private(set) var mode = Mode.figures
    public private(set) var last: Quarter
    public private(set) var quarterCount: Int
    public private(set) var figureIndex = 0
    /// The selected quarter, as an index into the trends' quarters.
    public private(set) var quarterIndex: Int
    public private(set) var agencyIndex = 0
    public private(set) var measure = AgencyMeasure.onTime
    var cases: [(meeting: Meeting, caseID: CaseID)] = []
    var caseList = SelectionList()
    var agencyList = SelectionList()
    public private(set) var trends: Trends
    /// The state's revision the trends were computed at.
    var revision: Int

    /// The keys this screen owns, for its hint line, the help page and Docs/keys.md.
    public static let keys: [(keys: String, does: String)] = [
        ("Up, Down, k, j", "the figure before or after (the agency, or the case)"),
        ("Left, Right, h, l", "the quarter before or after"),
        ("[, ]", "the eight quarters a quarter earlier or later"),
        ("Enter", "the cases behind the selected bar (a case: open it)"),
        ("a, Tab", "figures or agencies"),
        ("m", "on the agencies: what each quarter shows (actions on time, attendance, referrals, actions agreed, overdue)"),
        ("Esc, q", "back from the cases; close"),
    ]

    public init(state: MARACState, today: Day, revision: Int, last: Quarter? = nil, quarters: Int = 8) {
        let last = last ?? Quarter(containing: today)
        self.last = last
        quarterCount = quarters
        trends = state.trends(through: last, quarters: quarters, today: today, withAgencies: false)
        quarterIndex = trends.quarters.count - 1
        self.revision = revision
        agencyList.reset(count: trends.agencies.count, keep: 0)
    }

    /// Whether `trends.agencies` holds the agencies' records: they read every action of the
    /// store, so they are made when the agencies are first shown, not with the figures.
    private var hasAgencies = false

    /// Takes in a change of the state (saved here or by another screen): figures again, the
    /// selection kept.
    mutating func refresh(_ state: MARACState, today: Day, revision: Int) {
        guard revision != self.revision else { return }
        recompute(state, today: today)
        self.revision = revision
    }

    /// The agencies' records, made when they are first shown (`a`, Tab) and again by a
    /// recompute while they are shown.
    mutating func makeAgencies(_ state: MARACState, today: Day) {
        guard !hasAgencies else { return }
        trends.agencies = state.agencyTrends(quarters: trends.quarters, today: today)
        hasAgencies = true
        agencyList.reset(count: trends.agencies.count, keep: agencyList.selected)
    }

    mutating func recompute(_ state: MARACState, today: Day) {
        hasAgencies = mode == .agencies
        trends = state.trends(through: last, quarters: quarterCount, today: today, withAgencies: hasAgencies)
        quarterIndex = min(max(0, quarterIndex), trends.quarters.count - 1)
        figureIndex = min(figureIndex, max(0, trends.figures.count - 1))
        agencyList.reset(count: trends.agencies.count, keep: agencyList.selected)
        if mode == .cases { loadCases(state) }
    }

    var figure: FigureTrend? { trends.figures.indices.contains(figureIndex) ? trends.figures[figureIndex] : nil }
    var quarter: Quarter { trends.quarters[quarterIndex] }

    mutating func loadCases(_ state: MARACState) {
        guard let f = figure else { return }
        cases = state.casesBehind(figure: f.key, in: quarter)
        caseList.reset(count: cases.count, keep: caseList.selected >= 0 ? caseList.selected : 0)
    }

    public enum Outcome: Equatable { case stay, close, open(CaseID) }

    mutating func handle(_ key: Key, state: MARACState, today: Day, page: Int) -> Outcome {
        switch (mode, key) {
        case (.cases, .escape), (.cases, .character("q")), (.cases, .backspace):
            mode = .figures
        case (_, .escape), (_, .character("q")):
            return .close
        case (.cases, .down), (.cases, .character("j")): caseList.move(by: 1)
        case (.cases, .up), (.cases, .character("k")): caseList.move(by: -1)
        case (.cases, .pageDown): caseList.move(by: max(1, page - 1))
        case (.cases, .pageUp): caseList.move(by: -max(1, page - 1))
        case (.cases, .enter):
            guard caseList.selected >= 0, caseList.selected < cases.count else { break }
            return .open(cases[caseList.selected].caseID)
        case (.figures, .down), (.figures, .character("j")): figureIndex = min(figureIndex + 1, max(0, trends.figures.count - 1))
        case (.figures, .up), (.figures, .character("k")): figureIndex = max(0, figureIndex - 1)
        case (.agencies, .down), (.agencies, .character("j")): agencyList.move(by: 1)
        case (.agencies, .up), (.agencies, .character("k")): agencyList.move(by: -1)
        case (.agencies, .pageDown): agencyList.move(by: max(1, page - 1))
        case (.agencies, .pageUp): agencyList.move(by: -max(1, page - 1))
        case (.figures, .enter):
            mode = .cases
            caseList.reset(count: 0)
            loadCases(state)
        case (_, .left), (_, .character("h")): quarterIndex = max(0, quarterIndex - 1)
        case (_, .right), (_, .character("l")): quarterIndex = min(trends.quarters.count - 1, quarterIndex + 1)
        case (_, .character("[")):
            last = last.previous
            recompute(state, today: today)
        case (_, .character("]")):
            last = last.next
            recompute(state, today: today)
        case (.figures, .character("a")), (.figures, .tab):
            mode = .agencies
            makeAgencies(state, today: today)
        case (.agencies, .character("a")), (.agencies, .tab): mode = .figures
        case (.agencies, .character("m")):
            let all = AgencyMeasure.allCases
            measure = all[(all.firstIndex(of: measure)! + 1) % all.count]
        default:
            break
        }
        return .stay
    }

    mutating func layout(region: Region) {
        let rows = max(1, region.height - 6)
        caseList.scrollToSelection(visible: rows)
        agencyList.scrollToSelection(visible: max(1, region.height - 6))
    }

    // MARK: Drawing

    func render(_ canvas: inout Canvas, region: Region, state: MARACState, today: Day) {
        canvas.clear(region)
        let g = canvas.glyphs
        canvas.put(String(repeating: g.horizontal, count: region.width), in: region, row: 0, role: .dim)
        let current = Quarter(containing: today)
        let span = "\(trends.quarters.first!) to \(trends.quarters.last!)" + (trends.quarters.last == current ? " (so far)" : "")
        let what = switch mode {
        case .figures: "Trends"
        case .agencies: "Agencies"
        case .cases: "Cases behind the bar"
        }
        canvas.put(" \(what): \(span) ", in: region, row: 0, column: 2, role: .title)
        switch mode {
        case .figures: renderFigure(&canvas, region: region.dropping(top: 1), today: today)
        case .agencies: renderAgencies(&canvas, region: region.dropping(top: 1))
        case .cases: renderCases(&canvas, region: region.dropping(top: 1), state: state)
        }
    }

    /// The hint line's words.
    var hint: String {
        switch mode {
        case .figures: "Up/Down figure · Left/Right quarter · Enter cases · a agencies · [ ] move · Esc"
        case .agencies: "Up/Down agency · Left/Right quarter · m measure · a figures · [ ] move · Esc"
        case .cases: "Up/Down case · Enter opens it · Esc back to the chart"
        }
    }

    /// A point's value as a bar's label: whole percents and counts, one decimal for a rate.
    static func short(_ p: TrendPoint, _ f: FigureTrend) -> String {
        guard let v = p.value else { return "-" }
        return f.measure == .percent ? "\(Int(v.rounded()))%" : f.text(v)
    }

    static func long(_ p: TrendPoint, _ f: FigureTrend, cases: Int) -> String {
        guard let v = p.value else { return "no cases discussed" }
        switch f.measure {
        case .count: return f.text(v)
        case .percent: return f.text(v) + (p.count.map { " (\($0) of \(cases) cases discussed)" } ?? "")
        case .rate: return f.text(v) + " per 10,000 adult females"
        }
    }

    func renderFigure(_ canvas: inout Canvas, region: Region, today: Day) {
        let g = canvas.glyphs
        guard let f = figure else { return }
        // The list of figures, where there is room beside the chart.
        let listWidth = region.width >= 110 ? 34 : 0
        if listWidth > 0 {
            for (i, figure) in trends.figures.enumerated() where i < region.height - 2 {
                let latest = figure.points[quarterIndex]
                let mark = latest.position.flatMap { $0 == .within ? nil : ($0 == .below ? "below" : "above") } ?? ""
                let label = figure.label.padded(toWidth: listWidth - 9, ellipsis: g.ellipsis) + " " + mark.padded(toWidth: 5)
                if i == figureIndex { canvas.put(g.selectionMarker, in: region, row: i + 1, column: 0, role: .selected) }
                canvas.put(label, in: region, row: i + 1, column: 2, role: i == figureIndex ? .selected : (mark.isEmpty ? .normal : .warning))
            }
        }
        let chart = Region(row: region.row, column: region.column + listWidth, height: region.height, width: region.width - listWidth)
        let rangeWords = f.range.map { "expected \($0.text)\(f.unit) (\(f.rangeSource ?? ""))" } ?? "no expected range"
        canvas.put("\(f.label)  \(figureIndex + 1) of \(trends.figures.count)", in: chart, row: 0, column: 1, role: .header)
        canvas.put(rangeWords + (f.nationalText.map { " · national \($0)" } ?? ""),
                   in: chart, row: 1, column: 1, role: .dim)
        let n = f.points.count
        let axisWidth = 7
        let slot = max(4, min(9, (chart.width - axisWidth - 2) / max(1, n)))
        let barWidth = max(2, slot - 2)
        let height = max(3, min(16, chart.height - 9))
        let top = 3
        let values = f.points.compactMap(\.value)
        var ceiling = ([f.range?.low, f.range?.high, f.national].compactMap { $0 } + values).max() ?? 1
        ceiling = max(1, ceiling * 1.1)
        if f.measure == .percent { ceiling = min(100, ceiling) }
        /// Eighths of a cell from the bottom for a value.
        func eighths(_ v: Double) -> Int { Int((min(v, ceiling) / ceiling * Double(height * 8)).rounded()) }
        func rowOf(_ v: Double) -> Int { top + height - 1 - min(height - 1, eighths(v) / 8) }
        // The axis, the range's edges and the national line.
        var marks: [(Double, String, Bool)] = [(0, "0", false), (ceiling, Self.axis(ceiling), false)]
        if let r = f.range {
            if let l = r.low { marks.append((l, Self.axis(l), true)) }
            if let h = r.high { marks.append((h, Self.axis(h), true)) }
        }
        for row in 0..<height { canvas.put(g.vertical, in: chart, row: top + row, column: axisWidth - 1, role: .dim) }
        for (v, label, isRange) in marks {
            let row = rowOf(v)
            canvas.put((label + f.unit).padded(toWidth: axisWidth - 2, alignRight: true), in: chart, row: row, column: 0, role: isRange ? .accent : .dim)
            if isRange {
                let line = String(repeating: g.asciiOnly ? "-" : "┄", count: slot * n)
                canvas.put(line, in: chart, row: row, column: axisWidth, role: .accent)
            }
        }
        let blocks = g.asciiOnly ? ["", "#", "#", "#", "#", "#", "#", "#", "#"] : ["", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        for (i, p) in f.points.enumerated() {
            let column = axisWidth + i * slot + 1
            let selected = i == quarterIndex
            if let v = p.value {
                var e = eighths(v)
                if g.asciiOnly { e = (e + 4) / 8 * 8 }  // whole cells only
                if e == 0 && v > 0 { e = 1 }
                for row in 0..<height {
                    let fromBottom = height - 1 - row
                    let filled = min(8, max(0, e - fromBottom * 8))
                    guard filled > 0 else { continue }
                    let cell = filled == 8 ? blocks[8] : blocks[filled]
                    canvas.put(String(repeating: cell, count: barWidth), in: chart, row: top + row, column: column,
                               role: selected ? .selected : .normal)
                }
            }
            let under = top + height
            let label = Self.quarterLabel(p.quarter, width: slot - 1)
            canvas.put(label, in: chart, row: under, column: column - 1 + max(0, (slot - TextWidth.of(label)) / 2), role: selected ? .selected : .dim)
            let value = Self.short(p, f)
            canvas.put(value, in: chart, row: under + 1, column: column - 1 + max(0, (slot - TextWidth.of(value)) / 2), role: .normal)
            if let position = p.position, position != .within {
                let word = position == .below ? "below" : "above"
                canvas.put(word, in: chart, row: under + 2, column: column - 1 + max(0, (slot - TextWidth.of(word)) / 2), role: .warning)
            }
        }
        // The selected bar in words.
        let p = f.points[quarterIndex]
        let cases = trends.returns[quarterIndex].casesDiscussed
        var detail = "\(p.quarter)" + (p.quarter == Quarter(containing: today) ? " so far" : "") + ": " + Self.long(p, f, cases: cases)
        if let position = p.position { detail += ", \(position.words)" }
        canvas.put(detail, in: chart, row: top + height + 3, column: 1, role: p.position.map { $0 == .within } == false ? .warning : .normal)
        canvas.put(hint, in: region, row: region.height - 1, column: 1, role: .dim)
    }

    /// "2026-Q3", or "26Q3" where a bar is narrow.
    static func quarterLabel(_ q: Quarter, width: Int) -> String {
        width >= 7 ? q.description : "\(q.year % 100)Q\(q.number)"
    }

    static func axis(_ v: Double) -> String { v >= 10 || v == v.rounded() ? String(Int(v.rounded())) : FigureText.oneDecimal(v) }

    func agencyValue(_ q: AgencyQuarter) -> String {
        switch measure {
        case .onTime: return q.onTimeRate.map { "\(Int($0.rounded()))%" } ?? "-"
        case .attendance: return q.meetingsExpected == 0 ? "-" : "\(q.meetingsAttended)/\(q.meetingsExpected)"
        case .referrals: return String(q.referralsMade)
        case .agreed: return String(q.actionsAgreed)
        case .overdue: return String(q.overdue)
        }
    }

    func renderAgencies(_ canvas: inout Canvas, region: Region) {
        let g = canvas.glyphs
        let n = trends.quarters.count
        let cell = region.width >= 100 ? 6 : 5
        let nameWidth = max(14, min(28, region.width - 17 - n * cell - 3))
        canvas.put("Each quarter: \(measure.rawValue) (m changes it)", in: region, row: 0, column: 1, role: .dim)
        let header = "Agency".padded(toWidth: nameWidth) + " " + "Direction".padded(toWidth: 16)
        canvas.put(header, in: region, row: 1, column: 2, role: .header)
        for (i, q) in trends.quarters.enumerated() {
            let label = Self.quarterLabel(q, width: cell - 1).padded(toWidth: cell, alignRight: true)
            canvas.put(label, in: region, row: 1, column: 2 + nameWidth + 17 + i * cell, role: i == quarterIndex ? .selected : .header)
        }
        let rows = region.dropping(top: 2).dropping(bottom: 3)
        if trends.agencies.isEmpty { canvas.put("No agency yet: add the MARAC's agencies with :agency add.", in: rows, row: 0, column: 2, role: .dim) }
        for r in 0..<rows.height {
            let i = agencyList.top + r
            guard i < trends.agencies.count else { break }
            let a = trends.agencies[i]
            var line = a.agency.name.padded(toWidth: nameWidth, ellipsis: g.ellipsis) + " " + a.direction.rawValue.padded(toWidth: 16, ellipsis: g.ellipsis)
            for q in a.quarters { line += agencyValue(q).padded(toWidth: cell, alignRight: true) }
            let selected = i == agencyList.selected
            if selected { canvas.put(g.selectionMarker, in: rows, row: r, role: .selected) }
            canvas.put(line, in: rows, row: r, column: 2, role: a.direction == .slipping ? .warning : .normal)
            if selected { canvas.paint(row: rows.row + r, column: rows.column, count: rows.width, role: .selected) }
        }
        if agencyList.selected >= 0, agencyList.selected < trends.agencies.count {
            let a = trends.agencies[agencyList.selected]
            let q = a.quarters[quarterIndex]
            let facts = "\(q.quarter): \(q.referralsMade) referred · \(q.meetingsAttended)/\(q.meetingsExpected) meetings · \(q.actionsAgreed) agreed · "
                + "\(q.completedOnTime)/\(q.completedOnTime + q.overdue) on time · \(q.overdue) overdue"
            canvas.put(facts, in: region, row: region.height - 3, column: 1, role: .normal)
            canvas.put("\(a.agency.name): \(a.direction.rawValue)" + (a.direction == .tooFewToTell ? "" : ", \(a.reason)"),
                       in: region, row: region.height - 2, column: 1, role: a.direction == .slipping ? .warning : .dim)
        }
        canvas.put(hint, in: region, row: region.height - 1, column: 1, role: .dim)
    }

    func renderCases(_ canvas: inout Canvas, region: Region, state: MARACState) {
        let g = canvas.glyphs
        guard let f = figure else { return }
        canvas.put("\(f.label), \(quarter): \(cases.count) case\(cases.count == 1 ? "" : "s") discussed", in: region, row: 0, column: 1, role: .header)
        canvas.put("Case     Heard       Meeting  Referred by            Victim", in: region, row: 1, column: 2, role: .header)
        let rows = region.dropping(top: 2).dropping(bottom: 1)
        if cases.isEmpty { canvas.put("No case is counted in this bar.", in: rows, row: 0, column: 2, role: .dim) }
        for r in 0..<rows.height {
            let i = caseList.top + r
            guard i < cases.count else { break }
            let (meeting, caseID) = cases[i]
            let referral = state.case(caseID).flatMap(state.referral(of:))
            let agency = referral.flatMap { state.agency($0.details.agency)?.name } ?? ""
            let line = caseID.description.padded(toWidth: 8) + " " + meeting.date.british.padded(toWidth: 11) + " "
                + meeting.id.description.padded(toWidth: 8) + " " + agency.padded(toWidth: 22, ellipsis: g.ellipsis) + " "
                + (referral?.details.victim.name ?? "")
            let selected = i == caseList.selected
            if selected { canvas.put(g.selectionMarker, in: rows, row: r, role: .selected) }
            canvas.put(line, in: rows, row: r, column: 2, role: .normal)
            if selected { canvas.paint(row: rows.row + r, column: rows.column, count: rows.width, role: .selected) }
        }
        canvas.put(hint, in: region, row: region.height - 1, column: 1, role: .dim)
    }
}
