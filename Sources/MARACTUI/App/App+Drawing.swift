import MARACCore

/// The frame: the bar of panes, the current pane or what is over it, and the status bar. Drawn
/// from the state and the view state as the layout left them; nothing here assigns anything.
extension App {
    func isTooSmall(_ size: TerminalSize) -> Bool {
        size.rows < Self.minimumSize.rows || size.columns < Self.minimumSize.columns
    }

    public func render(_ canvas: inout Canvas) {
        let size = TerminalSize(rows: canvas.rows, columns: canvas.columns)
        if locked {
            renderLocked(&canvas)
            return
        }
        if isTooSmall(size) {
            renderTooSmall(&canvas, size: size)
            return
        }
        renderTabs(&canvas)
        let region = overlayRegion(size)
        switch overlay {
        case .help?:
            HelpScreen(keymap: keymap).render(&canvas, region: region, scroll: helpScroll)
        case .form(let session)?:
            session.form.draw(&canvas, region: region, today: self.session.today)
        case .checklist(let c)?:
            c.checklist.draw(&canvas, region: region)
        case .attention?:
            AttentionView(state: session.state, today: session.today, actor: session.actor).render(&canvas, region: region)
        case .document(let d)?:
            d.render(&canvas, region: region)
        case .quarterly(let q)?:
            q.render(&canvas, region: region, state: session.state, today: session.today)
        case .trends(let t)?:
            t.render(&canvas, region: region, state: session.state, today: session.today)
        case .find(let f)?:
            f.render(&canvas, region: region, today: session.today)
        default:
            focusedView.render(&canvas, region: paneRegion(size), context: context)
        }
        renderStatus(&canvas)
        switch overlay {
        case .palette(let p)?:
            p.draw(&canvas) { [commands] name in commands.first { $0.name == name }?.help ?? "" }
        case .search(let s)?:
            s.draw(&canvas)
        case .confirm(let c, _)?:
            c.draw(&canvas)
        default:
            break
        }
    }

    func renderTooSmall(_ canvas: inout Canvas, size: TerminalSize) { Self.renderTooSmall(&canvas, size: size) }

    static func renderTooSmall(_ canvas: inout Canvas, size: TerminalSize) {
        let lines = [
            "Terminal too small: \(size.columns)x\(size.rows).",
            "marac needs at least \(Self.minimumSize.columns)x\(Self.minimumSize.rows).",
            "Enlarge the window, or press q to quit.",
        ]
        let top = max(0, canvas.rows / 2 - 1)
        for (i, line) in lines.enumerated() {
            let text = line.truncated(toWidth: canvas.columns, ellipsis: canvas.glyphs.ellipsis)
            canvas.put(text, row: top + i, column: max(0, (canvas.columns - TextWidth.of(text)) / 2), role: i == 0 ? .statusAlert : .normal)
        }
    }

    func renderTabs(_ canvas: inout Canvas) {
        Self.renderTabs(&canvas, selected: overlay == nil ? current : nil, maracName: session.state.profile.maracName, today: session.today)
    }

    /// The bar of panes, the selected one marked, and the MARAC's name and the day at its right.
    static func renderTabs(_ canvas: inout Canvas, selected: PaneKind?, maracName: String, today: Day) {
        canvas.fill(row: 0, column: 0, count: canvas.columns, role: .status)
        var col = 0
        for kind in PaneKind.allCases {
            let label = " \(kind.rawValue) \(kind.shortTitle) "
            col += canvas.put(label, row: 0, column: col, role: kind == selected ? .selected : .status)
        }
        let title = " \(maracName) \(canvas.glyphs.bullet) \(today.long) "
        let w = TextWidth.of(title)
        if col + w < canvas.columns { canvas.put(title, row: 0, column: canvas.columns - w, role: .status) }
    }

    var modeName: String {
        switch overlay {
        case .help?: "Help"
        case .form?: "Form"
        case .palette?: "Command"
        case .search?: "Search"
        case .confirm?: "Question"
        case .checklist?: "Risk checklist"
        case .attention?: "Attention"
        case .document?: "Document"
        case .quarterly?: "Quarterly return"
        case .trends?: "Trends"
        case .find?: "Find"
        case nil: current.title
        }
    }
}
