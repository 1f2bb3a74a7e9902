import MARACCore

/// A frame being drawn: a grid of cells, each a character and a role. Panes draw into it
/// through clipped regions; the run loop then sends only the rows that differ from the last
/// frame to the terminal.
public struct Cell: Hashable, Sendable {
    /// The character shown; empty for the right half of a wide character.
    public var character: Character?
    public var role: StyleRole

    public static let blank = Cell(character: " ", role: .normal)
}

public struct Canvas: Sendable {
    public let rows: Int
    public let columns: Int
    public private(set) var cells: [Cell]
    public var glyphs: Glyphs

    public init(rows: Int, columns: Int, glyphs: Glyphs = .unicode) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        self.cells = Array(repeating: .blank, count: self.rows * self.columns)
        self.glyphs = glyphs
    }

    public var full: Region { Region(row: 0, column: 0, height: rows, width: columns) }

    /// Writes text at a cell, clipped to `limit` columns from `column` (and the canvas edge).
    /// Returns the columns used. A wide character that would straddle the limit is left out.
    /// On an ASCII-only terminal the text is made ASCII of the same width first.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, role: StyleRole = .normal, limit: Int? = nil) -> Int {
        guard row >= 0, row < rows, column < columns else { return 0 }
        let text = glyphs.asciiOnly ? ASCIIText.transliterate(text) : text
        let end = min(columns, limit.map { column + $0 } ?? columns)
        var col = column
        // Printable ASCII, most of what is drawn, is one cell a byte: put without breaking the
        // text into characters, which cost a tenth of every frame (issue 22).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8 {
                if col >= end { break }
                if col >= 0 { set(row, col, Cell(character: Character(Unicode.Scalar(byte)), role: role)) }
                col += 1
            }
            mendWideCharacters(row: row, from: column, to: col)
            return max(0, col - column)
        }
        for c in text.singleLine {
            let w = TextWidth.of(c)
            if w == 0 {
                // A lone combining mark or control: attach nothing, take no cell.
                continue
            }
            if col + w > end { break }
            if col >= 0 {
                set(row, col, Cell(character: c, role: role))
                if w == 2 { set(row, col + 1, Cell(character: nil, role: role)) }
            }
            col += w
        }
        mendWideCharacters(row: row, from: column, to: col)
        return max(0, col - column)
    }

    private mutating func set(_ row: Int, _ col: Int, _ cell: Cell) {
        cells[row * columns + col] = cell
    }

    /// Mends a row after drawing: a right half whose wide character was overwritten, or a wide
    /// character whose right half was, becomes a space, so no half-character is left behind to
    /// shift the rest of the row.
    private mutating func mendWideCharacters(row: Int, from: Int, to: Int) {
        let lo = max(0, from - 1), hi = min(columns - 1, to + 1)
        guard lo <= hi else { return }
        for col in lo...hi {
            let i = row * columns + col
            if cells[i].character == nil {
                let leftIsWide = col > 0 && cells[i - 1].character.map { TextWidth.of($0) == 2 } == true
                if !leftIsWide { cells[i].character = " " }
            } else if let c = cells[i].character, TextWidth.of(c) == 2 {
                if col + 1 >= columns || cells[i + 1].character != nil { cells[i].character = " " }
            }
        }
    }

    /// Fills `count` cells of a row with one character.
    public mutating func fill(row: Int, column: Int, count: Int, character: Character = " ", role: StyleRole = .normal) {
        guard row >= 0, row < rows else { return }
        let start = max(0, column), end = min(columns, column + count)
        guard start < end else { return }
        let character = glyphs.asciiOnly && !character.isASCII ? ASCIIText.transliterate(character).first ?? "?" : character
        for col in start..<end { set(row, col, Cell(character: character, role: role)) }
        mendWideCharacters(row: row, from: start, to: end)
    }

    /// Sets the role of cells already drawn (to highlight a selected row).
    public mutating func paint(row: Int, column: Int, count: Int, role: StyleRole) {
        guard row >= 0, row < rows else { return }
        let start = max(0, column), end = min(columns, column + count)
        guard start < end else { return }
        for col in start..<end { cells[row * columns + col].role = role }
    }

    public func cell(row: Int, column: Int) -> Cell { cells[row * columns + column] }

    /// A row as text, wide characters once each.
    public func text(ofRow row: Int) -> String {
        var s = ""
        for col in 0..<columns { if let c = cells[row * columns + col].character { s.append(c) } }
        return s
    }

    public func rowCells(_ row: Int) -> ArraySlice<Cell> { cells[row * columns..<(row + 1) * columns] }

    /// The row as runs of text that share a role: what the terminal is sent.
    public func runs(ofRow row: Int) -> [(column: Int, text: String, role: StyleRole)] {
        var out: [(Int, String, StyleRole)] = []
        var start = 0
        var text = ""
        var role = cells[row * columns].role
        for col in 0..<columns {
            let cell = cells[row * columns + col]
            if cell.role != role {
                out.append((start, text, role))
                start = col
                text = ""
                role = cell.role
            }
            if let c = cell.character { text.append(c) }
        }
        out.append((start, text, role))
        return out
    }
}

/// A rectangle of the canvas that a pane or widget may draw in; coordinates inside it are
/// relative, and drawing outside it is clipped.
public struct Region: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var height: Int
    public var width: Int

    public init(row: Int, column: Int, height: Int, width: Int) {
        self.row = row
        self.column = column
        self.height = max(0, height)
        self.width = max(0, width)
    }

    /// The part of this region below its first `n` rows.
    public func dropping(top n: Int) -> Region {
        Region(row: row + min(n, height), column: column, height: height - n, width: width)
    }

    public func taking(top n: Int) -> Region {
        Region(row: row, column: column, height: min(n, height), width: width)
    }

    public func dropping(bottom n: Int) -> Region {
        Region(row: row, column: column, height: height - n, width: width)
    }

    public func inset(columns n: Int) -> Region {
        Region(row: row, column: column + n, height: height, width: width - 2 * n)
    }
}

extension Canvas {
    /// Writes text at a position relative to a region, clipped to it.
    @discardableResult
    public mutating func put(_ text: String, in region: Region, row: Int, column: Int = 0, role: StyleRole = .normal) -> Int {
        guard row >= 0, row < region.height, column < region.width else { return 0 }
        return put(text, row: region.row + row, column: region.column + column, role: role, limit: region.width - column)
    }

    public mutating func clear(_ region: Region, role: StyleRole = .normal) {
        for r in 0..<region.height { fill(row: region.row + r, column: region.column, count: region.width, role: role) }
    }

    public mutating func horizontalRule(in region: Region, row: Int, role: StyleRole = .dim) {
        guard row >= 0, row < region.height else { return }
        let line = String(repeating: glyphs.horizontal, count: region.width)
        put(line, in: region, row: row, role: role)
    }
}
