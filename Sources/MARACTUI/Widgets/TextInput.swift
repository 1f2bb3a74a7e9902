import MARACCore

/// A line of text being edited, a user-perceived character at a time: "ễ" and "李" are one
/// step of the cursor each, and a combining accent typed after a letter joins that letter.
/// Keys as in a shell's line editor: arrows, Home/End, Ctrl-A/E, Backspace/Delete, Ctrl-U
/// (clear), Ctrl-K (to the end), Ctrl-W (the word before).
public struct TextInput: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// The cursor's position: the number of characters before it.
    public private(set) var cursor: Int
    /// The first character shown when the text is wider than its field.
    private var scroll = 0

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
            scroll = 0
        }
    }

    public var isEmpty: Bool { characters.isEmpty }

    /// Applies an editing key; false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            insert(c)
        case .left, .control("b"):
            cursor = max(0, cursor - 1)
        case .right, .control("f"):
            cursor = min(characters.count, cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = characters.count
        case .backspace, .control("h"):
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .control("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .control("u"):
            characters.removeAll()
            cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor...)
        case .control("w"):
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    /// Inserts what was typed. A combining mark (sent on its own by some input methods) joins
    /// the character before the cursor rather than standing alone.
    public mutating func insert(_ c: Character) {
        if let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1, cursor > 0,
           TextWidth.of(scalar) == 0, scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.generalCategory == .enclosingMark || scalar.properties.generalCategory == .spacingMark {
            let joined = String(characters[cursor - 1]) + String(c)
            if joined.count == 1 {
                characters[cursor - 1] = joined.first!
                return
            }
        }
        if c.isNewline { return }
        characters.insert(c, at: cursor)
        cursor += 1
    }

    /// Where the shown text starts so the cursor fits in `width` columns, moving on from the
    /// last start as little as it can (so the text does not jump as the cursor moves).
    func start(width: Int, in shown: [Character]? = nil) -> Int {
        let shown = shown ?? characters
        var start = min(scroll, cursor)
        while TextWidth.of(String(shown[start..<cursor])) >= width && start < cursor { start += 1 }
        return start
    }

    /// Keeps the start found for `width`: done by the layout before each frame.
    public mutating func fit(width: Int) {
        guard width > 0 else { return }
        scroll = start(width: width)
    }

    /// Draws the text in `width` columns, scrolled so the cursor is visible; returns the column
    /// of the cursor within the field.
    @discardableResult
    public func draw(_ canvas: inout Canvas, row: Int, column: Int, width: Int, role: StyleRole,
                     mask: Bool = false) -> Int {
        guard width > 0 else { return 0 }
        let shown = mask ? Array(repeating: Character("•"), count: characters.count) : characters
        let scroll = start(width: width, in: shown)
        canvas.fill(row: row, column: column, count: width, role: role)
        var used = 0
        var cursorColumn = 0
        for i in scroll..<shown.count {
            if i == cursor { cursorColumn = used }
            let w = TextWidth.of(shown[i])
            if used + w > width { break }
            canvas.put(String(shown[i]), row: row, column: column + used, role: role, limit: width - used)
            used += w
        }
        if cursor >= shown.count { cursorColumn = min(used, width - 1) }
        canvas.paint(row: row, column: column + cursorColumn, count: 1, role: .selected)
        return cursorColumn
    }
}
