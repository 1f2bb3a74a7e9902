import MARACCore

/// A long text over the screen (the minutes, a report, the messages) to read and scroll: j/k,
/// Page keys, g/G; Esc or q closes it. Lines longer than the screen wrap, with the indent of
/// the line they continue, so nothing is cut off at 80 columns.
public struct DocumentView: Sendable {
    public var title: String
    /// The text's own lines, as given.
    public let source: [String]
    /// The lines as drawn: `source` wrapped to the width of the last layout.
    public private(set) var lines: [String]
    public var footer: String
    var scroll = 0
    private var width = 0
    private var height = 24

    public init(title: String, text: String, footer: String) {
        self.title = title
        self.source = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        self.lines = source
        self.footer = footer
    }

    /// Wraps the text to `region` (once per width) and keeps the scroll inside it.
    public mutating func layout(region: Region) {
        height = region.height
        let w = max(10, region.width - 2)
        if w != width {
            width = w
            lines = source.flatMap { wrapHanging($0, width: w) }
        }
        scroll = max(0, min(scroll, max(0, lines.count - page)))
    }

    private var page: Int { max(1, height - 3) }

    /// False when the view should close.
    public mutating func handle(_ key: Key, height: Int) -> Bool {
        self.height = height
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
        let position = lines.count <= body ? ""
            : "  lines \(min(lines.count, scroll + 1))-\(min(lines.count, scroll + body)) of \(lines.count)"
        let text = (footer + position).truncated(toWidth: max(1, region.width - 2), ellipsis: canvas.glyphs.ellipsis)
        canvas.put(text, in: region, row: region.height - 1, column: 1, role: .dim)
    }
}
