import MARACCore

/// A column of a table: its heading and how it takes width.
public struct TableColumn: Sendable {
    public enum Width: Sendable {
        case fixed(Int)
        /// Shares what the fixed columns leave, by weight, never below `minimum`.
        case flexible(minimum: Int, weight: Int)
    }

    public var title: String
    public var width: Width
    public var alignRight: Bool
    /// Carries a flag or a safety marker: never narrowed to fit, so it never falls off the
    /// right edge at 80 columns; the others give way first.
    public var essential: Bool
    /// Shorter words for a cell that does not fit ("repeat?" for "possible repeat"), so every
    /// flag still shows in a narrow column; the preview spells them out.
    public var abbreviations: [(String, String)]
    /// Cut from the front when too long: a reference is told apart by its end.
    public var keepsEnd: Bool

    public init(_ title: String, _ width: Width, alignRight: Bool = false, essential: Bool = false,
                abbreviations: [(String, String)] = [], keepsEnd: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
        self.essential = essential
        self.abbreviations = abbreviations
        self.keepsEnd = keepsEnd
    }

    /// The text as it fits `width`: abbreviated word by word when it is too long.
    func fitted(_ text: String, width: Int, ellipsis: String = "…") -> String {
        if keepsEnd { return text.truncatedKeepingEnd(toWidth: width, ellipsis: ellipsis) }
        guard !abbreviations.isEmpty, TextWidth.of(text) > width else { return text }
        var short = text
        for (long, brief) in abbreviations { short = short.replacing(long, with: brief) }
        return short.replacing(", ", with: " ")
    }
}

/// Draws rows of cells in aligned columns. Widths are counted in terminal columns, so names in
/// any script line up.
public enum TableRenderer {
    /// Column widths for a total width; one space separates columns, and two columns at the
    /// left are kept for the selection and tag markers.
    public static func layout(_ columns: [TableColumn], width: Int) -> [Int] {
        let gaps = max(0, columns.count - 1) + 2
        let fixed = columns.reduce(0) { total, c in
            if case .fixed(let w) = c.width { return total + w }
            if case .flexible(let m, _) = c.width { return total + m }
            return total
        }
        var spare = max(0, width - gaps - fixed)
        let weights = columns.reduce(0) { total, c in
            if case .flexible(_, let w) = c.width { return total + w }
            return total
        }
        var widths: [Int] = []
        var flexibleLeft = weights
        for c in columns {
            switch c.width {
            case .fixed(let w):
                widths.append(w)
            case .flexible(let minimum, let weight):
                let share = flexibleLeft == 0 ? 0 : spare * weight / flexibleLeft
                widths.append(minimum + share)
                spare -= share
                flexibleLeft -= weight
            }
        }
        return fitting(widths, columns, into: max(0, width - gaps))
    }

    /// Narrower columns when the minimums add to more than the width: the flexible ones first
    /// down to eight (names truncate with an ellipsis), then the fixed ones, the widest first,
    /// then any down to five; never an essential one.
    static func fitting(_ widths: [Int], _ columns: [TableColumn], into room: Int) -> [Int] {
        var out = widths
        var over = out.reduce(0, +) - room
        for (pass, floor) in [(0, 8), (1, 8), (2, 5)] where over > 0 {
            while over > 0 {
                let candidates = out.indices.filter { i in
                    guard !columns[i].essential, out[i] > floor else { return false }
                    if pass == 2 { return true }
                    if case .flexible = columns[i].width { return pass == 0 }
                    return pass == 1
                }
                guard let widest = candidates.max(by: { out[$0] < out[$1] }) else { break }
                out[widest] -= 1
                over -= 1
            }
        }
        return out
    }

    /// A table in `region`: a heading row, then the visible rows of `list` (scrolled so the
    /// selection shows, as ``SelectionList/scrollToSelection(visible:)`` would; the caller
    /// keeps that scroll in its layout).
    public static func draw(_ canvas: inout Canvas, region: Region, columns: [TableColumn], sortColumn: Int? = nil,
                            sortDescending: Bool = false, list: SelectionList,
                            tagged: (Int) -> Bool = { _ in false },
                            cell: (_ row: Int, _ column: Int) -> (String, StyleRole)) {
        guard region.height > 0 else { return }
        let widths = layout(columns, width: region.width)
        var col = 2
        let ascii = canvas.glyphs.horizontal == "-"
        for (i, c) in columns.enumerated() {
            var title = c.title
            if i == sortColumn {
                // The arrow always shows: the title gives way to it in a narrow column.
                title = title.truncated(toWidth: max(0, widths[i] - 1), ellipsis: "") + (sortDescending ? (ascii ? "v" : "▼") : (ascii ? "^" : "▲"))
            }
            canvas.put(title.padded(toWidth: widths[i], ellipsis: canvas.glyphs.ellipsis, alignRight: c.alignRight),
                       in: region, row: 0, column: col, role: .header)
            col += widths[i] + 1
        }
        let body = region.dropping(top: 1)
        var list = list
        list.scrollToSelection(visible: body.height)
        guard list.count > 0 else { return }
        for r in 0..<body.height {
            let index = list.top + r
            guard index < list.count else { break }
            let isSelected = index == list.selected
            let isTagged = tagged(index)
            if isSelected { canvas.put(canvas.glyphs.selectionMarker, in: body, row: r, column: 0, role: .selected) }
            if isTagged { canvas.put(canvas.glyphs.tagMarker, in: body, row: r, column: 1, role: .tagged) }
            var x = 2
            for (i, c) in columns.enumerated() {
                let (full, role) = cell(index, i)
                let text = c.fitted(full, width: widths[i], ellipsis: canvas.glyphs.ellipsis)
                canvas.put(text.padded(toWidth: widths[i], ellipsis: canvas.glyphs.ellipsis, alignRight: c.alignRight),
                           in: body, row: r, column: x, role: role)
                x += widths[i] + 1
            }
            if isSelected {
                canvas.paint(row: body.row + r, column: body.column, count: body.width,
                             role: isTagged ? .selectedTagged : .selected)
            }
        }
    }

    /// The list row under a screen row of a table drawn in `region`, for mouse clicks.
    public static func row(at screenRow: Int, region: Region, list: SelectionList) -> Int? {
        let r = screenRow - region.row - 1
        guard r >= 0, r < region.height - 1 else { return nil }
        let index = list.top + r
        return index < list.count ? index : nil
    }
}
