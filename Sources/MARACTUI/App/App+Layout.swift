import MARACCore

/// The layout before each frame: the focused view brought up to date for the region it will be
/// drawn in (rows recomputed after a change, scroll kept on the selection), and the text fields
/// of what is over it scrolled to their cursors. The run loop lays out, then draws; drawing
/// changes nothing, so a frame is a function of the state and what the layout kept.
extension App {
    /// Where the panes are drawn: between the bar of panes and the status bar, a column in.
    func paneRegion(_ size: TerminalSize) -> Region { overlayRegion(size).inset(columns: 1) }

    /// Where a full-screen overlay (help, a form, a document) is drawn: below the bar of panes,
    /// above the status bar and a message too long for it.
    func overlayRegion(_ size: TerminalSize) -> Region {
        let message = messageRows(columns: size.columns).count
        return Region(row: 1, column: 0, height: size.rows - 2 - message, width: size.columns)
    }

    /// Lays the frame out for a terminal of `size` showing `glyphs`.
    public func layout(size: TerminalSize, glyphs: Glyphs) {
        lastGlyphs = glyphs
        guard !locked, !isTooSmall(size) else { return }
        var context = self.context
        context.glyphs = glyphs
        switch overlay {
        case .form(let session)?:
            session.form.layout(region: overlayRegion(size))
        case .checklist(let c)?:
            c.checklist.layout(region: overlayRegion(size))
        case .palette(var p)?:
            p.layout(columns: size.columns)
            overlay = .palette(p)
            focusedView.layout(region: paneRegion(size), context: context)
        case .search(var s)?:
            s.layout(columns: size.columns)
            overlay = .search(s)
            focusedView.layout(region: paneRegion(size), context: context)
        case .confirm?, nil:
            focusedView.layout(region: paneRegion(size), context: context)
        case .find(var f)?:
            f.layout(region: overlayRegion(size))
            overlay = .find(f)
        case .document(var d)?:
            d.layout(region: overlayRegion(size))
            overlay = .document(d)
        case .help?:
            helpScroll = min(helpScroll, HelpScreen(keymap: keymap).lastScroll(region: overlayRegion(size)))
        case .trends(var t)?:
            t.refresh(session.state, today: session.today, revision: revision)
            t.layout(region: overlayRegion(size))
            overlay = .trends(t)
        case .attention?, .quarterly?:
            break
        }
    }
}
