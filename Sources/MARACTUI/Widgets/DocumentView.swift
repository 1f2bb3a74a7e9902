import MARACCore

/// A long text over the screen (the minutes, a report) to read and scroll: j/k, Page keys,
/// g/G; Esc or q closes it.
public struct DocumentView: Sendable {
    public var title: String
    public var lines: [String]
    public var footer: String
    var scroll = 0

    public init(title: String, text: String, footer: String) {
        self.title = title
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        self.footer = footer
    }

    /// False when the view should close.
    public mutating func handle(_ key: Key, height: Int) -> Bool {
        let page = max(1, height - 3)
        switch key {
        case .escape, .character("q"), .enter: return false
        case .down, .character("j"): scroll += 1
        case .up, .character("k"): scroll -= 1
        case .pageDown, .character(" "), .control("f"): scroll += page
        case .pageUp, .control("b"): scroll -= page
        case .home, .character("g"): scroll = 0
        case .end, .character("G"): scroll = lines.count
        default: break
        }
        scroll = max(0, min(scroll, max(0, lines.count - page)))
        return true
    }

    public func render(_ canvas: inout Canvas, region: Region) {
        canvas.clear(region)
        canvas.put(String(repeating: canvas.glyphs.horizontal, count: region.width), in: region, row: 0, role: .dim)
        canvas.put(" \(title) ", in: region, row: 0, column: 2, role: .title)
        let body = max(0, region.height - 2)
        for i in 0..<body {
            let index = scroll + i
            guard index < lines.count else { break }
            canvas.put(lines[index], in: region, row: 1 + i, column: 1, role: .normal)
        }
        let position = lines.isEmpty ? "" : "  line \(min(lines.count, scroll + 1))–\(min(lines.count, scroll + body)) of \(lines.count)"
        canvas.put(footer + position, in: region, row: region.height - 1, column: 1, role: .dim)
    }
}
