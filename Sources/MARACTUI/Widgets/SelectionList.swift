/// The selection and scroll position of a list: which row is selected and which row is at
/// the top of the visible window. Only visible rows are ever drawn, so a list of 300,000 rows
/// costs what a list of forty does.
public struct SelectionList: Sendable {
    public private(set) var count = 0
    public private(set) var selected = -1
    public private(set) var top = 0
    /// Rows that cannot be selected (section headings); movement steps over them.
    public private(set) var unselectable: Set<Int> = []

    public init() {}

    /// New rows; the selection stays on `keep` when given (the same record's new position), or
    /// on the same index clamped to the list.
    public mutating func reset(count: Int, keep: Int? = nil, unselectable: Set<Int> = []) {
        self.count = count
        self.unselectable = unselectable
        if count == 0 {
            selected = -1
            top = 0
            return
        }
        selected = min(max(keep ?? selected, 0), count - 1)
        if !isSelectable(selected) { selected = nearestSelectable(from: selected) }
        top = min(top, max(0, count - 1))
    }

    public func isSelectable(_ i: Int) -> Bool { i >= 0 && i < count && !unselectable.contains(i) }

    private func nearestSelectable(from i: Int) -> Int {
        for d in 0..<count {
            if isSelectable(i + d) { return i + d }
            if isSelectable(i - d) { return i - d }
        }
        return -1
    }

    public mutating func select(_ i: Int) {
        guard count > 0 else { return }
        let clamped = min(max(i, 0), count - 1)
        selected = isSelectable(clamped) ? clamped : nearestSelectable(from: clamped)
    }

    /// Moves by `delta` selectable rows.
    public mutating func move(by delta: Int) {
        guard count > 0 else { return }
        var i = selected
        var left = abs(delta)
        let step = delta > 0 ? 1 : -1
        while left > 0 {
            var j = i + step
            while j >= 0 && j < count && !isSelectable(j) { j += step }
            guard j >= 0 && j < count else { break }
            i = j
            left -= 1
        }
        selected = i
    }

    /// Applies a movement request; false for requests that are not movements.
    public mutating func handle(_ request: Request, page: Int) -> Bool {
        switch request {
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: max(1, page - 1))
        case .pageUp: move(by: -max(1, page - 1))
        case .top: select(0); if !isSelectable(selected) { move(by: 1) }
        case .bottom: select(count - 1)
        default: return false
        }
        return true
    }

    /// Scrolls so the selection is inside a window of `visible` rows, keeping a row of context.
    public mutating func scrollToSelection(visible: Int) {
        guard visible > 0, count > 0 else {
            top = 0
            return
        }
        if selected < top { top = max(0, selected - (selected > 0 ? 1 : 0)) }
        if selected >= top + visible { top = selected - visible + 1 }
        top = max(0, min(top, max(0, count - visible)))
    }

    /// Scrolls the window without moving the selection past it (mouse wheel).
    public mutating func scroll(by delta: Int, visible: Int) {
        top = max(0, min(top + delta, max(0, count - visible)))
        if selected < top { select(top) }
        if selected >= top + visible { select(top + visible - 1) }
    }
}
