import MARACCore

/// The quarterly data return on screen: the last four quarters side by side, each figure with
/// a bar for its share of the cases discussed, so a chair sees the trend at a glance; the
/// national figure beside it. `[` and `]` move the quarters.
public struct QuarterlyView: Sendable {
    public var last: Quarter

    public init(last: Quarter) { self.last = last }

    public enum Outcome: Equatable { case stay, close, trends }

    /// `t` asks for the trends screen, which is the App's to open.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape, .character("q"), .enter: return .close
        case .character("t"): return .trends
        case .character("["), .character("<"), .left: last = last.previous
        case .character("]"), .character(">"), .right: last = last.next
        default: break
        }
        return .stay
    }

    public func render(_ canvas: inout Canvas, region: Region, state: MARACState, today: Day) {
        canvas.clear(region)
        let quarters = [last.previous.previous.previous, last.previous.previous, last.previous, last]
        let returns = quarters.map { state.dataReturn(for: $0) }
        canvas.put(String(repeating: canvas.glyphs.horizontal, count: region.width), in: region, row: 0, role: .dim)
        canvas.put(" MARAC data return: \(quarters[0]) to \(last) ", in: region, row: 0, column: 2, role: .title)
        let labelWidth = 30
        let columnWidth = max(12, min(20, (region.width - labelWidth - 12) / 4))
        var header = "".padded(toWidth: labelWidth)
        let current = Quarter(containing: today)
        for q in quarters { header += (q == current ? "\(q) so far" : q.description).padded(toWidth: columnWidth - 1, ellipsis: canvas.glyphs.ellipsis) + " " }
        header += "National"
        canvas.put(header, in: region, row: 2, column: 1, role: .header)
        let figureKeys = ["meetings", "cases", "repeat_cases", "children", "non_police_referrals", "male_victims", "victims_16_17",
                          "bame_victims", "lgbt_victims", "disabled_victims", "perpetrators_17_under"]
        var row = 3
        for key in figureKeys {
            guard row < region.height - 2 else { break }
            guard let label = returns[0].figures.first(where: { $0.key == key })?.label else { continue }
            canvas.put(label.padded(toWidth: labelWidth - 1, ellipsis: canvas.glyphs.ellipsis), in: region, row: row, column: 1, role: .normal)
            for (i, r) in returns.enumerated() {
                guard let f = r.figures.first(where: { $0.key == key }) else { continue }
                let column = 1 + labelWidth + i * columnWidth
                let value = "\(f.value ?? 0)"
                if let pct = f.percent {
                    let barWidth = max(3, columnWidth - 10)
                    let filled = min(barWidth, Int((pct / 100 * Double(barWidth)).rounded()))
                    let bar = String(repeating: canvas.glyphs.barFull, count: filled) + String(repeating: canvas.glyphs.barEmpty, count: barWidth - filled)
                    canvas.put(bar, in: region, row: row, column: column, role: .accent)
                    canvas.put(" \(Int(pct.rounded()))%", in: region, row: row, column: column + barWidth, role: .normal)
                } else {
                    canvas.put(value, in: region, row: row, column: column, role: .normal)
                }
            }
            if let national = DataReturn.nationalPercent[key] {
                canvas.put("\(FigureText.oneDecimal(national))%", in: region, row: row, column: 1 + labelWidth + 4 * columnWidth, role: .dim)
            }
            row += 1
        }
        if row < region.height - 2 {
            let rates = returns.map { $0.casesPer10kAdultFemales.map(FigureText.oneDecimal) ?? "-" }
            var line = DataReturn.casesPer10k.label.padded(toWidth: labelWidth - 1, ellipsis: canvas.glyphs.ellipsis) + " "
            for r in rates { line += r.padded(toWidth: columnWidth) }
            canvas.put(line + "\(FigureText.oneDecimal(DataReturn.nationalCasesPer10k))", in: region, row: row + 1, column: 1, role: .normal)
        }
        canvas.put("[ ] earlier / later quarters · t trends against the expected ranges · Esc closes · marac report quarterly: definitions, CSV",
                   in: region, row: region.height - 1, column: 1, role: .dim)
    }
}
