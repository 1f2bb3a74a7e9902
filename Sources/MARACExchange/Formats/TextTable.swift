import MARACCore

/// Rows as aligned text columns, widths counted in terminal columns so any script lines up.
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    public func render(maxColumnWidth: Int = 48) -> String {
        var widths = headers.map { TextWidth.of($0) }
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = min(maxColumnWidth, max(widths[i], TextWidth.of(cell.singleLine)))
            }
        }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() where i < widths.count {
                let last = i == widths.count - 1
                out += last ? cell.singleLine.truncated(toWidth: maxColumnWidth) : cell.singleLine.padded(toWidth: widths[i]) + "  "
            }
            while out.last == " " { out.removeLast() }
            return out
        }
        var lines = [line(headers), line(widths.map { String(repeating: "-", count: $0) })]
        lines += rows.map(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
