import MARACCore

/// One self-contained HTML file (no scripts, fonts or images fetched from anywhere) with a
/// print stylesheet, so it prints cleanly to A4 from any browser or WeasyPrint: the marking at
/// the top and bottom of every page with "page N of M" (CSS page margin boxes), bordered tables
/// with their headers repeated, rows never split across pages, and ids and dates never broken
/// across lines (`C-`/`0107` reads as two things).
enum HTMLRenderer {
    static let style = """
        body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.35; margin: 2em auto; max-width: 60em; color: #111; }
        h1 { font-size: 18pt; margin-bottom: 0.2em; }
        h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 1.4em; }
        h3 { font-size: 12pt; margin-top: 1.2em; }
        .marking { font-weight: bold; text-align: center; border: 2px solid #000; padding: 0.2em; }
        table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
        th, td { border: 1px solid #888; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        table.fields, table.fields th, table.fields td { border: none; }
        table.fields th { background: none; width: 24%; padding-left: 0; }
        blockquote { border-left: 4px solid #999; margin: 0.5em 0; padding: 0.2em 1em; background: #f6f6f6; }
        td, p, li, blockquote { white-space: pre-wrap; }
        .nb { white-space: nowrap; }
        figure { margin: 0.5em 0; break-inside: avoid; page-break-inside: avoid; }
        figure svg { width: 100%; max-width: 42em; height: auto; }
        @page { size: A4; margin: 18mm 15mm; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          table, th, td { border: 1px solid #000; }
          table.fields, table.fields th, table.fields td { border: none; }
          thead { display: table-header-group; }
          tr, blockquote { page-break-inside: avoid; break-inside: avoid; }
          h2, h3 { page-break-after: avoid; break-after: avoid; }
          th { background: #eee !important; -webkit-print-color-adjust: exact; }
          table.fields th { background: none !important; }
        }
        """

    /// The page boxes: the marking's first words (before its colon: "RESTRICTED") at the top
    /// and bottom of every page, and "Page N of M" at the bottom right.
    static func pageStyle(_ doc: Document) -> String {
        let mark = doc.marking.map { cssString(String($0.prefix { $0 != ":" && $0 != "." }).trimmingSpaces()) }
        let font = "font-family: \"Segoe UI\", Arial, Helvetica, sans-serif;"
        var boxes = ["@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); \(font) font-size: 8pt; }"]
        if let mark {
            boxes += ["@top-center { content: \(mark); \(font) font-weight: bold; font-size: 9pt; }",
                      "@bottom-center { content: \(mark); \(font) font-weight: bold; font-size: 9pt; }"]
        }
        return "@page { size: A4; margin: 18mm 15mm; " + boxes.joined(separator: " ") + " }"
    }

    /// A CSS string literal: quotes and backslashes escaped, line breaks dropped.
    static func cssString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ") + "\""
    }

    static func render(_ doc: Document) -> String {
        var out = ["<!DOCTYPE html>", "<html lang=\"en-GB\">", "<head>", "<meta charset=\"utf-8\">",
                   "<meta name=\"robots\" content=\"noindex, nofollow\">",
                   "<title>\(escape(doc.title))</title>", "<style>", style, pageStyle(doc), "</style>", "</head>", "<body>"]
        if let marking = doc.marking { out.append("<p class=\"marking\">\(escape(marking))</p>") }
        out.append("<h1>\(escape(doc.title))</h1>")
        for block in doc.blocks {
            switch block {
            case .heading(let level, let text):
                let h = min(6, level + 1)
                out.append("<h\(h)>\(escape(text))</h\(h)>")
            case .paragraph(let text):
                out.append("<p>\(Self.text(text))</p>")
            case .fields(let fields):
                // A table of label and value rather than a <dl>: it lines up in every browser,
                // in WeasyPrint and in LibreOffice, where a grid or floats do not.
                out.append("<table class=\"fields\">" + fields.map { "<tr><th scope=\"row\">\(escape($0.label))</th><td>\(Self.text($0.value))</td></tr>" }.joined() + "</table>")
            case .table(let headers, let rows):
                var t = ["<table>", "<thead><tr>" + headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>", "<tbody>"]
                t += rows.map { "<tr>" + $0.map { "<td>\(Self.text($0))</td>" }.joined() + "</tr>" }
                t += ["</tbody>", "</table>"]
                out.append(t.joined(separator: "\n"))
            case .bullets(let items):
                out.append("<ul>" + items.map { "<li>\(Self.text($0))</li>" }.joined() + "</ul>")
            case .note(let text):
                out.append("<blockquote>\(Self.text(text))</blockquote>")
            case .picture(let svg, _):
                out.append("<figure>\(svg)</figure>")
            }
        }
        if let marking = doc.marking { out.append("<p class=\"marking\">\(escape(marking))</p>") }
        out += ["</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    /// Text escaped, with each word that holds an id (`C-0107`), a date (`17/05/1990`,
    /// `2026-11-28`) or a reference with slashes (`NBP/2026/12345`) kept on one line.
    static func text(_ text: String) -> String {
        var out = ""
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            out += keepsWhole(word) ? "<span class=\"nb\">\(escape(word))</span>" : escape(word)
            word = ""
        }
        for c in text {
            if c.isWhitespace { flush(); out += escape(String(c)) } else { word.append(c) }
        }
        flush()
        return out
    }

    /// A word a line must not break inside: letters, a hyphen and digits (an id), or digits
    /// joined by slashes or hyphens (a date, a reference).
    static func keepsWhole(_ word: String) -> Bool {
        let edge: Set<Character> = ["(", ")", ".", ",", ";", ":", "[", "]", "\"", "'"]
        var core = Substring(word)
        while let first = core.first, edge.contains(first) { core.removeFirst() }
        while let last = core.last, edge.contains(last) { core.removeLast() }
        guard core.contains(where: \.isNumber), core.contains("-") || core.contains("/") else { return false }
        let parts = core.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count >= 2 else { return false }
        let isID = parts.count == 2 && parts[0].allSatisfy(\.isUppercase) && parts[0].count <= 3 && parts[1].allSatisfy(\.isNumber)
        let isDateOrReference = parts.allSatisfy { $0.allSatisfy { $0.isNumber || $0.isUppercase } } && parts.contains { $0.allSatisfy(\.isNumber) }
        return isID || isDateOrReference
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
