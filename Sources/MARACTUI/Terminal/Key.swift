/// A key as the program sees it, whatever the terminal sent.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)

    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-\(c.uppercased())"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        }
    }
}

/// What the terminal reports: a key, a new size, or a mouse click at a cell.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resize
    case click(row: Int, column: Int)
    case scroll(down: Bool)
    /// The terminal has gone (hang-up): quit.
    case hangup
}

public struct TerminalSize: Hashable, Sendable {
    public var rows: Int
    public var columns: Int

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }
}

/// The small interface the screen layer draws through: the curses driver in the program, an
/// in-memory grid in the tests.
public protocol Terminal: AnyObject {
    var size: TerminalSize { get }
    var theme: Theme { get }
    var glyphs: Glyphs { get }
    /// Draws text at a cell in a role's style; the text fits the row (the caller clipped it).
    func put(row: Int, column: Int, text: String, role: StyleRole)
    func clear()
    /// Shows what was drawn since the last flush.
    func flush()
    /// The next event, or nil when `timeoutMilliseconds` pass without one.
    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent?
}
