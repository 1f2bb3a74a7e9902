/// One self-contained HTML file (no scripts, fonts or images fetched from anywhere) with a
/// print stylesheet, so it prints cleanly to A4 from any browser: the marking on every page,
/// table headers repeated, rows never split across pages.
enum HTMLRenderer {
    static let style = """
        body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.35; margin: 2em auto; max-width: 60em; color: #111; }
        h1 { font-size: 18pt; margin-bottom: 0.2em; }
        h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 1.4em; }
        h3 { font-size: 12pt; margin-top: 1.2em; }
        .marking { font-weight: bold; text-align: center; letter-spacing: 0.1em; border: 2px solid #000; padding: 0.2em; }
        table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
        th, td { border: 1px solid #888; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 0.1em 1em; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        blockquote { border-left: 4px solid #999; margin: 0.5em 0; padding: 0.2em 1em; background: #f6f6f6; }
        td, dd, p, li, blockquote { white-space: pre-wrap; }
        @page { size: A4; margin: 18mm 15mm; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          thead { display: table-header-group; }
          tr, dl, blockquote { page-break-inside: avoid; break-inside: avoid; }
          h2, h3 { page-break-after: avoid; break-after: avoid; }
          th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """

    static func render(_ doc: Document) -> String {
        var out = ["<!DOCTYPE html>", "<html lang=\"en-GB\">", "<head>", "<meta charset=\"utf-8\">",
                   "<meta name=\"robots\" content=\"noindex, nofollow\">",
                   "<title>\(escape(doc.title))</title>", "<style>", style, "</style>", "</head>", "<body>"]
        if let marking = doc.marking { out.append("<p class=\"marking\">\(escape(marking))</p>") }
        out.append("<h1>\(escape(doc.title))</h1>")
        for block in doc.blocks {
            switch block {
            case .heading(let level, let text):
                let h = min(6, level + 1)
                out.append("<h\(h)>\(escape(text))</h\(h)>")
            case .paragraph(let text):
                out.append("<p>\(escape(text))</p>")
            case .fields(let fields):
                out.append("<dl>" + fields.map { "<dt>\(escape($0.label))</dt><dd>\(escape($0.value))</dd>" }.joined() + "</dl>")
            case .table(let headers, let rows):
                var t = ["<table>", "<thead><tr>" + headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>", "<tbody>"]
                t += rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }
                t += ["</tbody>", "</table>"]
                out.append(t.joined(separator: "\n"))
            case .bullets(let items):
                out.append("<ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
            case .note(let text):
                out.append("<blockquote>\(escape(text))</blockquote>")
            }
        }
        if let marking = doc.marking { out.append("<p class=\"marking\">\(escape(marking))</p>") }
        out += ["</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
