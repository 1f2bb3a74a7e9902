import MARACCore

/// What every table pane shares: rows recomputed when the state changes (keeping the selection
/// on the same record), columns sized by display width, sorting by any column, `/` search,
/// tagging with Space, clicks and the wheel. A pane says what its rows are and how to show them.
open class TablePane<Row: Hashable>: Pane {
    public let kind: PaneKind
    public let keyContexts: [KeyContext]
    public private(set) var rows: [Row] = []
    var list = SelectionList()
    public private(set) var tagged: Set<Row> = []
    /// The column sorted by (nil: the pane's own order) and its direction.
    public private(set) var sortColumn: Int?
    public private(set) var sortDescending = false
    var revision = -1
    /// The sort keys of the cells' texts in the sorted column, kept from one layout to the next.
    private var sortKeys: (column: Int, keys: [String: String]) = (-1, [:])
    /// Each row's search text, folded, for the state `searchRevision` was taken at: `/` search
    /// looks at every row on every letter typed, and folding them each time cost a tenth of a
    /// second per letter on ten years of actions (issue 22). Built as the search first meets
    /// each row, dropped when the state changes.
    private var foldedSearchTexts: [Row: String] = [:]
    private var searchRevision = -1
    var tableRegion = Region(row: 0, column: 0, height: 0, width: 0)

    init(kind: PaneKind, contexts: [KeyContext]) {
        self.kind = kind
        self.keyContexts = contexts
    }

    // MARK: - What a pane provides

    open var columns: [TableColumn] { [] }
    open func computeRows(_ context: PaneContext) -> [Row] { [] }
    open func cell(_ row: Row, _ column: Int, _ context: PaneContext) -> (String, StyleRole) { ("", .normal) }
    /// The text `/` searches in.
    open func searchText(_ row: Row, _ context: PaneContext) -> String { "" }
    /// The line above the table: what is shown, sorted and filtered.
    open func title(_ context: PaneContext) -> String { "" }
    /// The pane's own keys, after the title when there is room for them (the help lists them).
    open func titleKeys(_ glyphs: Glyphs) -> String { "" }
    open func open(_ row: Row, _ context: PaneContext) -> PaneResponse { .ignored }
    /// Rows below the table kept for a preview of the selected row (0: none).
    open func previewHeight(_ region: Region) -> Int { 0 }
    open func drawPreview(_ row: Row, _ canvas: inout Canvas, region: Region, context: PaneContext) {}
    open func handleOwn(_ request: Request, context: PaneContext) -> PaneResponse { .ignored }

    // MARK: - Rows

    public var selectedRow: Row? { list.selected >= 0 && list.selected < rows.count ? rows[list.selected] : nil }

    /// The tagged rows, or the selected one when none is tagged: what a bulk action acts on.
    public func targets(_ context: PaneContext) -> [Row] {
        refresh(context)
        let t = rows.filter { tagged.contains($0) }
        return t.isEmpty ? (selectedRow.map { [$0] } ?? []) : t
    }

    /// Selects a record's row (after the rows are brought up to date), if it is listed.
    public func select(_ row: Row, context: PaneContext) {
        refresh(context)
        if let i = rows.firstIndex(of: row) { list.select(i) }
    }

    /// Makes the rows be computed again at the next draw or key.
    public func invalidate() { revision = -1 }

    func refresh(_ context: PaneContext) {
        guard context.revision != revision else { return }
        revision = context.revision
        let keep = selectedRow
        var fresh = computeRows(context)
        if let column = sortColumn {
            fresh = sorted(fresh, by: column, context)
        }
        rows = fresh
        if !tagged.isEmpty { tagged = tagged.intersection(fresh) }
        list.reset(count: rows.count, keep: keep.flatMap { k in rows.firstIndex(of: k) })
    }

    /// The rows in the order of a column's cells, rows with equal cells in the order they came.
    ///
    /// Each distinct text is looked up once, its key made once (and kept from one layout to the
    /// next: a key depends only on the text, and an undo lays out 240,000 rows again of which one
    /// changed); the distinct keys alone are sorted, compared as bytes, and the rows are counted
    /// into their keys' places, so the order of 240,000 rows costs a pass over them, not four
    /// million comparisons of text (issue 22).
    func sorted(_ rows: [Row], by column: Int, _ context: PaneContext) -> [Row] {
        if sortKeys.column != column || sortKeys.keys.count > 2 * rows.count + 1024 { sortKeys = (column, [:]) }
        var slotOfText: [String: Int] = [:]
        var keys: [String] = []
        var slots = [Int](repeating: 0, count: rows.count)
        for (i, row) in rows.enumerated() {
            let text = cell(row, column, context).0
            if let slot = slotOfText[text] {
                slots[i] = slot
                continue
            }
            let key: String
            if let known = sortKeys.keys[text] {
                key = known
            } else {
                key = Self.sortKey(text)
                sortKeys.keys[text] = key
            }
            slotOfText[text] = keys.count
            slots[i] = keys.count
            keys.append(key)
        }
        // Texts with the same key share a place: the rows keep the order they came in.
        let byKey = keys.indices.sorted { keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8) }
        var place = [Int](repeating: 0, count: keys.count)
        var rank = -1
        for (n, slot) in byKey.enumerated() {
            if n == 0 || !keys[slot].utf8.elementsEqual(keys[byKey[n - 1]].utf8) { rank += 1 }
            place[slot] = rank
        }
        let places = rank + 1
        var starts = [Int](repeating: 0, count: places + 1)
        for slot in slots { starts[(sortDescending ? places - 1 - place[slot] : place[slot]) + 1] += 1 }
        for p in 0..<places { starts[p + 1] += starts[p] }
        var out = rows
        for (i, slot) in slots.enumerated() {
            let p = sortDescending ? places - 1 - place[slot] : place[slot]
            out[starts[p]] = rows[i]
            starts[p] += 1
        }
        return out
    }

    /// Dates sort by day, numbers by value, text by its letters.
    static func sortKey(_ text: String) -> String {
        // Only a short text that starts with a digit can be a date ("17/05/2026"): descriptions
        // are not put through the date reader.
        if text.utf8.count <= 12, text.first?.isNumber == true, let d = DayParsing.parse(text) { return "0" + d.iso }
        let digits = text.filter(\.isNumber)
        if !digits.isEmpty, digits.count == text.filter({ !$0.isWhitespace }).count || text.hasSuffix("d") {
            return "1" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
        }
        return "2" + NameFolding.fold(text)
    }

    // MARK: - Pane

    /// Rows brought up to date, the table's region kept for clicks and paging, and the list
    /// scrolled to its selection.
    open func layout(region: Region, context: PaneContext) {
        refresh(context)
        tableRegion = tableRegion(in: region)
        list.scrollToSelection(visible: max(0, tableRegion.height - 1))
    }

    func tableRegion(in region: Region) -> Region {
        let preview = min(previewHeight(region), max(0, region.height - 6))
        return region.dropping(top: 1).dropping(bottom: preview)
    }

    open func render(_ canvas: inout Canvas, region: Region, context: PaneContext) {
        var heading = title(context)
        if let column = sortColumn, columns.indices.contains(column) {
            heading += "  \(canvas.glyphs.bullet) sorted by \(columns[column].title.lowercased())\(sortDescending ? ", descending" : "")"
        }
        if !tagged.isEmpty { heading += "  \(canvas.glyphs.bullet) \(tagged.count) tagged" }
        let keys = titleKeys(canvas.glyphs)
        if !keys.isEmpty, TextWidth.of(heading) + 2 + TextWidth.of(keys) <= region.width { heading += "  " + keys }
        canvas.put(heading, in: region, row: 0, role: .title)
        let preview = min(previewHeight(region), max(0, region.height - 6))
        let cols = columns
        TableRenderer.draw(&canvas, region: tableRegion(in: region), columns: cols, sortColumn: sortColumn, sortDescending: sortDescending,
                           list: list, tagged: { [tagged, rows] in tagged.contains(rows[$0]) }) { i, column in
            cell(rows[i], column, context)
        }
        if preview > 2, let row = selectedRow {
            let area = region.dropping(top: region.height - preview)
            canvas.horizontalRule(in: area, row: 0)
            drawPreview(row, &canvas, region: area.dropping(top: 1), context: context)
        }
    }

    public func handle(_ request: Request, context: PaneContext) -> PaneResponse {
        refresh(context)
        if list.handle(request, page: max(1, tableRegion.height - 1)) { return .handled }
        switch request {
        case .open:
            guard let row = selectedRow else { return .message("Nothing is selected.") }
            return open(row, context)
        case .tag:
            guard let row = selectedRow else { return .ignored }
            if tagged.contains(row) { tagged.remove(row) } else { tagged.insert(row) }
            list.move(by: 1)
            return .handled
        case .sort:
            let count = columns.count
            guard count > 0 else { return .ignored }
            // Cycle: each column ascending, then descending, then the pane's own order.
            if let c = sortColumn {
                if !sortDescending {
                    sortDescending = true
                } else if c + 1 < count {
                    sortColumn = c + 1
                    sortDescending = false
                } else {
                    sortColumn = nil
                    sortDescending = false
                }
            } else {
                sortColumn = 0
            }
            revision = -1
            if let c = sortColumn { return .message("Sorted by \(columns[c].title.lowercased())\(sortDescending ? ", descending" : "").") }
            return .message("Back to the usual order.")
        case .cancel:
            if tagged.isEmpty { return .ignored }
            tagged = []
            return .message("Tags cleared.")
        default:
            return handleOwn(request, context: context)
        }
    }

    public func click(row: Int, context: PaneContext) -> PaneResponse {
        guard let i = TableRenderer.row(at: row, region: tableRegion, list: list) else { return .ignored }
        if i == list.selected { return handle(.open, context: context) }
        list.select(i)
        return .handled
    }

    public func scroll(down: Bool) { list.scroll(by: down ? 3 : -3, visible: max(1, tableRegion.height - 1)) }

    public var selectionIndex: Int { list.selected }
    public var taggedCount: Int { tagged.count }

    public func clearTags() { tagged = [] }

    public func search(_ query: String, from start: Int, forward: Bool, context: PaneContext) -> Bool {
        refresh(context)
        let key = NameFolding.fold(query)
        guard !key.isEmpty, !rows.isEmpty else { return false }
        if searchRevision != revision {
            foldedSearchTexts = [:]
            searchRevision = revision
        }
        for step in 0..<rows.count {
            let i = ((forward ? start + step : start - step) % rows.count + rows.count) % rows.count
            let row = rows[i]
            let text: String
            if let known = foldedSearchTexts[row] {
                text = known
            } else {
                text = NameFolding.fold(searchText(row, context))
                foldedSearchTexts[row] = text
            }
            if text.contains(key) {
                list.select(i)
                return true
            }
        }
        return false
    }

    public func select(index: Int) { list.select(index) }
}
