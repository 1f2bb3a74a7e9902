import MARACCore

/// A risk checklist as a screen of its own: every question of the tool, answered with y, n or
/// d, a running score, and a bar with the threshold marked, so the admin sees how near the
/// referral is to visible high risk as they go.
public struct RiskChecklist: Sendable {
    public var tool: RiskTool
    public var answers: [RiskAnswerValue?]
    public var focus = 0
    var top = 0
    public var message: String?

    public enum Outcome: Equatable {
        case editing
        /// Save the referral with these answers.
        case save
        /// Back to the referral form, answers kept.
        case back
    }

    public init(tool: RiskTool, answers: [RiskAnswerValue?]? = nil) {
        self.tool = tool
        self.answers = answers ?? Array(repeating: nil, count: tool.items.count)
    }

    public var score: Int { tool.score(answers.map { RiskAnswer($0 ?? .dontKnow) }) }
    public var unanswered: Int { answers.filter { $0 == nil }.count }
    public var assessmentAnswers: [RiskAnswer] { answers.map { RiskAnswer($0 ?? .dontKnow) } }

    public mutating func handle(_ key: Key) -> Outcome {
        message = nil
        let count = tool.items.count
        func answer(_ value: RiskAnswerValue) {
            answers[focus] = value
            if focus < count - 1 { focus += 1 }
        }
        switch key {
        case .character("y"), .character("Y"): answer(.yes)
        case .character("n"), .character("N"): answer(.no)
        case .character("d"), .character("D"), .character("?"): answer(.dontKnow)
        case .character(" "):
            let order: [RiskAnswerValue?] = [.yes, .no, .dontKnow]
            let next = ((order.firstIndex(of: answers[focus]) ?? -1) + 1) % order.count
            answers[focus] = order[next]
        case .backspace, .delete: answers[focus] = nil
        case .down, .character("j"), .tab: focus = min(count - 1, focus + 1)
        case .up, .character("k"), .backTab: focus = max(0, focus - 1)
        case .pageDown: focus = min(count - 1, focus + 10)
        case .pageUp: focus = max(0, focus - 10)
        case .home, .character("g"): focus = 0
        case .end, .character("G"): focus = count - 1
        case .escape: return .back
        case .control("s"), .function(2), .enter:
            if key == .enter && unanswered > 0 {
                // Enter on an answered question goes to the next unanswered one.
                if let next = answers.indices.first(where: { answers[$0] == nil }) { focus = next }
                message = "\(unanswered) question\(unanswered == 1 ? "" : "s") not answered yet (d for don't know); Ctrl-S saves with them as don't know."
                return .editing
            }
            return .save
        default: break
        }
        return .editing
    }

    /// How many questions show in `region`.
    /// Three rows above the footer show the focused question whole, wrapped.
    func visibleRows(in region: Region) -> Int { max(1, region.height - 5 - Self.questionRows) }

    static let questionRows = 3

    /// The first question shown: moved on from the last as little as keeps the focus in view.
    func firstShown(visible: Int) -> Int {
        var first = top
        if focus < first { first = focus }
        if focus >= first + visible { first = focus - visible + 1 }
        return first
    }

    /// Keeps the scroll found for `region`: done by the layout before each frame.
    public mutating func layout(region: Region) { top = firstShown(visible: visibleRows(in: region)) }

    public func draw(_ canvas: inout Canvas, region: Region) {
        canvas.clear(region)
        let g = canvas.glyphs
        canvas.put(String(repeating: g.horizontal, count: region.width), in: region, row: 0, role: .dim)
        canvas.put(" \(tool.name) checklist: y yes \(g.bullet) n no \(g.bullet) d don't know ", in: region, row: 0, column: 2, role: .title)
        // The score bar: one cell a point, the threshold marked.
        let barWidth = max(10, min(region.width - 40, tool.maximumScore * 2))
        let filled = tool.maximumScore == 0 ? 0 : score * barWidth / tool.maximumScore
        let mark = tool.maximumScore == 0 ? 0 : tool.threshold * barWidth / tool.maximumScore
        var bar = ""
        for i in 0..<barWidth { bar += i == mark ? g.vertical : (i < filled ? g.barFull : g.barEmpty) }
        let reached = tool.meetsThreshold(score)
        let status = reached ? "threshold \(tool.threshold) reached: visible high risk"
            : "\(tool.threshold - score) more yes to reach the threshold (\(tool.threshold))"
        canvas.put("Score \(score) of \(tool.maximumScore)  ", in: region, row: 1, column: 2, role: reached ? .danger : .accent)
        canvas.put(bar, in: region, row: 1, column: 22, role: reached ? .danger : .accent)
        canvas.put("  " + status, in: region, row: 1, column: 22 + barWidth, role: reached ? .danger : .normal)
        var row = 3
        if let message {
            canvas.put(message, in: region, row: 2, column: 2, role: .warning)
        }
        let visible = visibleRows(in: region)
        let top = firstShown(visible: visible)
        var yesSoFar = 0
        for i in 0..<min(top, tool.items.count) where answers[i] == .yes { yesSoFar += 1 }
        for i in top..<min(tool.items.count, top + visible) {
            let item = tool.items[i]
            let answer: String
            switch answers[i] {
            case .yes?: answer = "Yes"
            case .no?: answer = "No "
            case .dontKnow?: answer = "DK "
            case nil: answer = "   "
            }
            if answers[i] == .yes { yesSoFar += 1 }
            let selected = i == focus
            let line = "\(String(item.number).padded(toWidth: 3, alignRight: true)). [\(answer)] \(item.question)"
                .truncated(toWidth: region.width - 3, ellipsis: g.ellipsis)
            canvas.put(line, in: region, row: row, column: 2, role: answers[i] == .yes ? .warning : (answers[i] == nil ? .dim : .normal))
            if selected { canvas.paint(row: region.row + row, column: region.column, count: region.width, role: .selected) }
            row += 1
        }
        // The focused question whole: a long one is cut in the list above.
        if tool.items.indices.contains(focus) {
            let item = tool.items[focus]
            let whole = wrap("\(item.number). \(item.question)", width: max(10, region.width - 4))
            let first = region.height - 1 - Self.questionRows
            for (i, line) in whole.prefix(Self.questionRows).enumerated() {
                canvas.put(line, in: region, row: first + i, column: 2, role: .accent)
            }
        }
        let b = g.bullet
        let keys = "j/k move \(b) y n d answer \(b) Space changes \(b) Ctrl-S saves \(b) Esc back to the form"
        canvas.put(keys.truncated(toWidth: region.width - 2, ellipsis: g.ellipsis), in: region, row: region.height - 1, column: 1, role: .dim)
    }
}
