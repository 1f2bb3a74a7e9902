import MARACCore

/// The command line on `:`: every action has a name as well as a key. Tab completes the name
/// (to what all the matches share, then through the matches), Up and Down go through earlier
/// commands, Enter runs, Esc closes.
public struct Palette: Sendable {
    public var input = TextInput()
    public let names: [String]
    /// Earlier commands, oldest first.
    public private(set) var history: [String]
    private var historyPosition: Int?
    private var cycle: (prefix: String, index: Int, shown: String)?

    public enum Outcome: Equatable {
        case editing
        case run(String)
        case cancelled
    }

    public init(names: [String], history: [String]) {
        self.names = names.sorted()
        self.history = history
    }

    /// Names starting with what is typed (ignoring case); all of them when nothing is.
    public var matches: [String] {
        let typed = input.text.lowercased().trimmingSpaces()
        if typed.isEmpty { return names }
        let starts = names.filter { $0.lowercased().hasPrefix(typed) }
        if !starts.isEmpty { return starts }
        // The typed words may be a command's name followed by its arguments.
        return names.filter { typed.hasPrefix($0.lowercased() + " ") }
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape:
            return .cancelled
        case .enter:
            let line = input.text.trimmingSpaces()
            guard !line.isEmpty else { return .cancelled }
            return .run(line)
        case .tab:
            complete()
        case .up:
            guard !history.isEmpty else { return .editing }
            let p = max(0, (historyPosition ?? history.count) - 1)
            historyPosition = p
            input.text = history[p]
        case .down:
            guard let p = historyPosition else { return .editing }
            if p + 1 < history.count {
                historyPosition = p + 1
                input.text = history[p + 1]
            } else {
                historyPosition = nil
                input.text = ""
            }
        default:
            if input.handle(key) { cycle = nil }
        }
        return .editing
    }

    /// Completes to the longest shared start of the matches; pressed again, moves through them.
    mutating func complete() {
        if let c = cycle, c.shown == input.text {
            let m = names.filter { $0.lowercased().hasPrefix(c.prefix.lowercased()) }
            guard !m.isEmpty else { return }
            let next = (c.index + 1) % m.count
            input.text = m[next]
            cycle = (c.prefix, next, m[next])
            return
        }
        cycle = nil
        let m = matches
        guard let first = m.first else { return }
        if m.count == 1 {
            input.text = first
            return
        }
        var common = first
        for name in m.dropFirst() {
            while !name.lowercased().hasPrefix(common.lowercased()) { common.removeLast() }
        }
        if common.count > input.text.count {
            input.text = common
        } else {
            cycle = (input.text, 0, m[0])
            input.text = m[0]
        }
    }

    public mutating func remember(_ line: String) {
        history.removeAll { $0 == line }
        history.append(line)
        if history.count > 100 { history.removeFirst(history.count - 100) }
        historyPosition = nil
    }

    /// Keeps the input scrolled to its cursor on a screen `columns` wide.
    public mutating func layout(columns: Int) { input.fit(width: columns - 2) }

    /// The input on the bottom row, the matches above it.
    public func draw(_ canvas: inout Canvas, help: (String) -> String) {
        let bottom = canvas.rows - 1
        // Each match with what it does, wrapped under itself; as many as fit above the line.
        let room = max(0, min(12, canvas.rows - 6))
        var rows: [(String, StyleRole)] = []
        for name in matches {
            let lines = wrap(help(name), width: max(10, canvas.columns - 29))
            guard rows.count + lines.count <= room else { break }
            let role: StyleRole = name == input.text.trimmingSpaces() ? .selected : .status
            for (i, line) in lines.enumerated() {
                rows.append(((i == 0 ? " " + name.padded(toWidth: 26) : String(repeating: " ", count: 27)) + " " + line, role))
            }
        }
        let top = bottom - rows.count
        for (i, row) in rows.enumerated() {
            canvas.fill(row: top + i, column: 0, count: canvas.columns, role: .status)
            canvas.put(row.0, row: top + i, column: 0, role: row.1)
        }
        canvas.fill(row: bottom, column: 0, count: canvas.columns, role: .normal)
        canvas.put(":", row: bottom, column: 0, role: .accent)
        input.draw(&canvas, row: bottom, column: 1, width: canvas.columns - 2, role: .normal)
    }
}

/// A question that needs a yes before a destructive step goes ahead.
public struct Confirmation: Sendable {
    public var question: String

    public init(_ question: String) { self.question = question }

    /// The question on the bottom row, wrapped upwards onto as many rows as it needs.
    public func rows(columns: Int, screenRows: Int) -> [String] {
        Array(wrap(question + "  (y / n)", width: max(10, columns - 2)).suffix(max(1, screenRows / 3)))
    }

    public func draw(_ canvas: inout Canvas) {
        let shown = rows(columns: canvas.columns, screenRows: canvas.rows)
        let top = canvas.rows - shown.count
        for (i, line) in shown.enumerated() {
            canvas.fill(row: top + i, column: 0, count: canvas.columns, role: .statusAlert)
            canvas.put(" " + line, row: top + i, column: 0, role: .statusAlert)
        }
    }
}

/// The `/` search line: each key moves the selection to the next row matching what is typed.
public struct SearchLine: Sendable {
    public var input = TextInput()
    /// The selection when the search began, to go back to on Esc.
    public var origin: Int
    public var found = true

    public init(origin: Int) { self.origin = origin }

    /// Keeps the input scrolled to its cursor on a screen `columns` wide.
    public mutating func layout(columns: Int) { input.fit(width: columns - 22) }

    public func draw(_ canvas: inout Canvas) {
        let row = canvas.rows - 1
        canvas.fill(row: row, column: 0, count: canvas.columns, role: .normal)
        canvas.put("/", row: row, column: 0, role: .accent)
        input.draw(&canvas, row: row, column: 1, width: canvas.columns - 22, role: .normal)
        if !found && !input.isEmpty {
            canvas.put("not found", row: row, column: canvas.columns - 12, role: .warning)
        }
    }
}
