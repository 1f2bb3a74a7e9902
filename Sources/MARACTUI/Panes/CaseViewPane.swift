import MARACCore

/// Everything about one case in one place, scrolled with the list keys.
public final class CaseViewPane: Pane {
    public let kind = PaneKind.caseView
    public let keyContexts: [KeyContext] = [.caseView, .list, .global]
    public private(set) var subject: CaseSubject?
    /// The hidden details are shown for this subject until another is opened.
    public private(set) var revealed = false
    private var top = 0
    private var visible = 1
    /// The case's lines as laid out for the pane's width.
    private var lines: [Line] = []
    private var lineCount: Int { lines.count }

    public init() {}

    public func show(_ subject: CaseSubject) {
        if subject != self.subject {
            top = 0
            revealed = false
        }
        self.subject = subject
    }

    /// The case's lines for the pane's width, and the scroll kept inside them.
    public func layout(region: Region, context: PaneContext) {
        guard let subject else {
            lines = []
            return
        }
        lines = CaseViewContent(subject: subject, state: context.state, today: context.today,
                                width: region.width - 1, glyphs: context.glyphs,
                                hideSensitive: context.presentation && !revealed).lines
        visible = max(1, region.height)
        top = max(0, min(top, lineCount - visible))
    }

    public func render(_ canvas: inout Canvas, region: Region, context: PaneContext) {
        guard subject != nil else {
            canvas.put("No case is open.", in: region, row: 0, role: .title)
            canvas.put("Choose a referral, agenda item or action in another pane and press Enter.", in: region, row: 2)
            return
        }
        for (i, line) in lines.dropFirst(top).prefix(visible).enumerated() {
            canvas.put(line.text, in: region, row: i, column: line.indent, role: line.role)
        }
        if lineCount > visible {
            let end = min(lineCount, top + visible)
            let note = " lines \(top + 1)-\(end) of \(lineCount) "
            canvas.put(note, in: region, row: region.height - 1, column: max(0, region.width - TextWidth.of(note)), role: .dim)
        }
    }

    public func handle(_ request: Request, context: PaneContext) -> PaneResponse {
        switch request {
        case .moveDown: top += 1
        case .moveUp: top = max(0, top - 1)
        case .pageDown: top += max(1, visible - 1)
        case .pageUp: top = max(0, top - max(1, visible - 1))
        case .top: top = 0
        case .bottom: top = max(0, lineCount - visible)
        case .reveal:
            guard subject != nil else { return .ignored }
            guard context.presentation else { return .message("Nothing is hidden: presentation mode is off (P turns it on).") }
            revealed.toggle()
            return .message(revealed ? "Details shown for this case; they hide again when you open another." : "Details hidden again.")
        default: return .ignored
        }
        top = max(0, min(top, max(0, lineCount - visible)))
        return .handled
    }

    public func scroll(down: Bool) { top = max(0, min(top + (down ? 3 : -3), max(0, lineCount - visible))) }
}
