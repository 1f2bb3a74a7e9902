import MARACCore

/// Plain text for secure email bodies and printers: 100 columns at most, tables with cells
/// wrapped rather than cut, widths counted in terminal columns so Zoë and 李 line up.
enum PlainTextRenderer {
    static let width = 100

    static func render(_ doc: Document) -> String {
        var out: [String] = []
        if let marking = doc.marking { out += wrap(marking, width: width) }
        out += wrap(doc.title, width: width)
        out.append(String(repeating: "=", count: min(width, TextWidth.of(doc.title))))
        out.append("")
        for block in doc.blocks {
            switch block {
            case .heading(let level, let text):
                out += wrap(text, width: width)
                out.append(String(repeating: level <= 1 ? "=" : "-", count: min(width, TextWidth.of(text))))
            case .paragraph(let text):
                out += wrap(text, width: width)
            case .fields(let fields):
                let labelWidth = min(28, fields.map { TextWidth.of($0.label) }.max() ?? 0) + 1
                for f in fields {
                    let lines = wrap(f.value, width: width - labelWidth - 1)
                    for (i, line) in lines.enumerated() {
                        out.append((i == 0 ? (f.label + ":").padded(toWidth: labelWidth) : String(repeating: " ", count: labelWidth)) + " " + line)
                    }
                }
            case .table(let headers, let rows):
                out += table(headers: headers, rows: rows)
            case .bullets(let items):
                for item in items {
                    for (i, line) in wrap(item, width: width - 2).enumerated() { out.append((i == 0 ? "- " : "  ") + line) }
                }
            case .note(let text):
                out += wrap(text, width: width - 4).map { "    " + $0 }
            case .picture(_, let words):
                out += wrap(words, width: width)
            }
            out.append("")
        }
        if let marking = doc.marking { out += wrap(marking, width: width) }
        return out.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }

    /// Columns as wide as their contents, the widest narrowed (and wrapped) until the table
    /// fits the page.
    static func table(headers: [String], rows: [[String]]) -> [String] {
        let count = headers.count
        var natural = headers.map { TextWidth.of($0) }
        // The narrowest a column goes: its longest word (so names are not split), up to 20.
        var least = headers.map { min(20, $0.split(separator: " ").map { TextWidth.of($0) }.max() ?? 1) }
        for row in rows {
            for i in 0..<min(count, row.count) {
                for line in row[i].split(whereSeparator: \.isNewline) {
                    natural[i] = max(natural[i], TextWidth.of(line))
                    least[i] = max(least[i], min(20, line.split(separator: " ").map { TextWidth.of($0) }.max() ?? 0))
                }
            }
        }
        let gaps = 2 * max(0, count - 1)
        var widths = natural
        if natural.reduce(0, +) + gaps > width {
            // Every column gets its least; the room left goes to the columns that want more, in
            // proportion to how much more they want.
            widths = zip(natural, least).map { min($0, $1) }
            let room = width - gaps - widths.reduce(0, +)
            let wants = zip(natural, widths).map { $0 - $1 }
            let totalWant = wants.reduce(0, +)
            if room > 0 && totalWant > 0 {
                for i in 0..<count { widths[i] += wants[i] * room / totalWant }
            }
        }
        func lines(_ cells: [String]) -> [String] {
            let wrapped = (0..<count).map { i in i < cells.count ? wrap(cells[i], width: widths[i]) : [""] }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { r in
                (0..<count).map { i in (r < wrapped[i].count ? wrapped[i][r] : "").padded(toWidth: widths[i]) }.joined(separator: "  ")
            }
        }
        var out = lines(headers)
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for row in rows { out += lines(row) }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
