/// A document marac writes for people outside it (minutes, the case list, the quarterly
/// return): a few kinds of block, so that one builder serves Markdown, plain text and HTML and
/// the three always say the same thing.
public struct Document: Sendable {
    public var title: String
    /// The protective marking printed at the top and bottom of every format ("RESTRICTED").
    public var marking: String?
    public var blocks: [Block]

    public init(title: String, marking: String? = nil, blocks: [Block] = []) {
        self.title = title
        self.marking = marking
        self.blocks = blocks
    }

    public enum Block: Sendable, Equatable {
        case heading(level: Int, String)
        case paragraph(String)
        /// Label and value pairs ("Venue: Town Hall").
        case fields([Field])
        case table(headers: [String], rows: [[String]])
        case bullets([String])
        /// Text to be read as set apart: an instruction, the confidentiality statement.
        case note(String)
        /// A chart: inline SVG in HTML (no script, nothing fetched), and the same figures in
        /// words in every other format, which is also the SVG's accessible description.
        case picture(svg: String, words: String)
    }

    public struct Field: Sendable, Equatable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public mutating func add(_ block: Block) { blocks.append(block) }

    /// The document in a format.
    public func rendered(as format: DocumentFormat) -> String {
        switch format {
        case .markdown: MarkdownRenderer.render(self)
        case .text: PlainTextRenderer.render(self)
        case .html: HTMLRenderer.render(self)
        }
    }

    /// The text of the blocks under a heading, up to the next heading of the same or a higher
    /// level: what a reader (or a test) finds in one section.
    public func section(_ heading: String) -> [Block] {
        guard let start = blocks.firstIndex(where: { if case .heading(_, let t) = $0 { t == heading } else { false } }),
              case .heading(let level, _) = blocks[start] else { return [] }
        var out: [Block] = []
        for block in blocks[(start + 1)...] {
            if case .heading(let l, _) = block, l <= level { break }
            out.append(block)
        }
        return out
    }

    /// Every heading, in order.
    public var headings: [String] {
        blocks.compactMap { if case .heading(_, let t) = $0 { t } else { nil } }
    }
}

public enum DocumentFormat: String, CaseIterable, Sendable {
    case markdown = "md"
    case text = "txt"
    case html

    /// The format a file name's extension asks for.
    public init?(fileName: String) {
        let ext = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "md", "markdown": self = .markdown
        case "txt", "text": self = .text
        case "html", "htm": self = .html
        default: return nil
        }
    }
}
