/// Markdown that reads as plain text and renders as tables in any Markdown viewer.
enum MarkdownRenderer {
    static func render(_ doc: Document) -> String {
        var out: [String] = []
        if let marking = doc.marking { out.append("**\(marking)**\n") }
        out.append("# \(escape(doc.title))\n")
        for block in doc.blocks {
            switch block {
            case .heading(let level, let text):
                out.append(String(repeating: "#", count: min(6, level + 1)) + " " + escape(text) + "\n")
            case .paragraph(let text):
                out.append(escapeLines(text) + "\n")
            case .fields(let fields):
                out.append(fields.map { "- **\(escape($0.label)):** \(escape($0.value.singleLine))" }.joined(separator: "\n") + "\n")
            case .table(let headers, let rows):
                var lines = ["| " + headers.map(cell).joined(separator: " | ") + " |",
                             "|" + headers.map { _ in " --- |" }.joined()]
                lines += rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
                out.append(lines.joined(separator: "\n") + "\n")
            case .bullets(let items):
                out.append(items.map { "- " + escape($0.singleLine) }.joined(separator: "\n") + "\n")
            case .note(let text):
                out.append(text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + escape(String($0)) }.joined(separator: "\n") + "\n")
            case .picture(_, let words):
                out.append(escape(words) + "\n")
            }
        }
        if let marking = doc.marking { out.append("**\(marking)**") }
        return out.joined(separator: "\n") + "\n"
    }

    /// Characters Markdown would read as formatting, written so they show as themselves.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>#|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    static func escapeLines(_ text: String) -> String {
        // Hard line breaks kept: a trailing backslash ends a line in CommonMark.
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "\\\n")
    }

    static func cell(_ text: String) -> String {
        text.isEmpty ? " " : escape(text).replacingNewlines(with: "<br>")
    }
}

extension String {
    func replacingNewlines(with separator: String) -> String {
        split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: separator)
    }
}
