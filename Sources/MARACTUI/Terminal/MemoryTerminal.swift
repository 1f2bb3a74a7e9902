/// A terminal that is only memory: tests feed it keys and read back its lines, so every pane
/// is tested without a real terminal, as tig and aerc test theirs.
public final class MemoryTerminal: Terminal {
    public private(set) var size: TerminalSize
    public let theme: Theme
    public let glyphs: Glyphs
    public private(set) var grid: Canvas
    public private(set) var flushCount = 0
    /// Cells written since the terminal was made: to check that a keystroke redraws little.
    public private(set) var cellsWritten = 0
    private var pending: [TerminalEvent] = []

    public init(rows: Int = 40, columns: Int = 120, theme: Theme = .color, glyphs: Glyphs = .unicode) {
        self.size = TerminalSize(rows: rows, columns: columns)
        self.theme = theme
        self.glyphs = glyphs
        self.grid = Canvas(rows: rows, columns: columns, glyphs: glyphs)
    }

    public func put(row: Int, column: Int, text: String, role: StyleRole) {
        cellsWritten += grid.put(text, row: row, column: column, role: role)
    }

    public func clear() { grid = Canvas(rows: size.rows, columns: size.columns, glyphs: glyphs) }

    public func flush() { flushCount += 1 }

    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        pending.isEmpty ? nil : pending.removeFirst()
    }

    /// Queues events for the program to read.
    public func send(_ events: TerminalEvent...) { pending.append(contentsOf: events) }

    public func send(keys: [Key]) { pending.append(contentsOf: keys.map { .key($0) }) }

    /// Queues each character of the text as a key, as typing it would.
    public func type(_ text: String) { pending.append(contentsOf: text.map { .key(.character($0)) }) }

    public var hasPendingEvents: Bool { !pending.isEmpty }

    /// Changes the size, as a window resize would, and reports it.
    public func resize(rows: Int, columns: Int) {
        size = TerminalSize(rows: rows, columns: columns)
        grid = Canvas(rows: rows, columns: columns, glyphs: glyphs)
        pending.append(.resize)
    }

    /// The screen as lines of text, trailing spaces removed.
    public var lines: [String] {
        (0..<size.rows).map { row in
            var s = grid.text(ofRow: row)
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    public var screen: String { lines.joined(separator: "\n") }

    public func role(row: Int, column: Int) -> StyleRole { grid.cell(row: row, column: column).role }

    /// The first row holding the text, if any.
    public func row(containing text: String) -> Int? { lines.firstIndex { $0.contains(text) } }
}
