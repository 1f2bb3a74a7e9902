import MARACCore

/// The layout before each frame: the focused view brought up to date for the region it will be
/// drawn in (rows recomputed after a change, scroll kept on the selection), and the text fields
/// of what is over it scrolled to their cursors. The run loop lays out, then draws; drawing
/// changes nothing, so a frame is a function of the state and what the layout kept.
extension App {
    /// Where the panes are drawn: between the bar of panes and the status bar, a column in.
    static func paneRegion(_ size: TerminalSize) -> Region { overlayRegion(size).inset(columns: 1) }

    /// Where a full-screen overlay (help, a form, a document) is drawn.
    static func overlayRegion(_ size: TerminalSize) -> Region {
        Region(row: 1, column: 0, height: size.rows - 2, width: size.columns)
    }

    /// Lays the frame out for a terminal of `size` showing `glyphs`.
    public func layout(size: TerminalSize, glyphs: Glyphs) {
        guard !locked, !isTooSmall(size) else { return }
        var context = self.context
        context.glyphs = glyphs
        switch overlay {
        case .form(let session)?:
            session.form.layout(region: Self.overlayRegion(size))
        case .checklist(let c)?:
            c.checklist.layout(region: Self.overlayRegion(size))
        case .palette(var p)?:
            p.layout(columns: size.columns)
            overlay = .palette(p)
            focusedView.layout(region: Self.paneRegion(size), context: context)
        case .search(var s)?:
            s.layout(columns: size.columns)
            overlay = .search(s)
            focusedView.layout(region: Self.paneRegion(size), context: context)
        case .confirm?, nil:
            focusedView.layout(region: Self.paneRegion(size), context: context)
        case .find(var f)?:
            f.layout(region: Self.overlayRegion(size))
            overlay = .find(f)
        case .help?, .attention?, .document?, .quarterly?:
            break
        }
    }
}
