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

    public init(_ title: String, _ width: Width, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
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
        return widths
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
                let (text, role) = cell(index, i)
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
