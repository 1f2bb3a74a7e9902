/// CSV as RFC 4180 writes it: comma separated, CRLF line ends, fields quoted when they hold a
/// comma, a quote or a line break, quotes doubled. Opens cleanly in Excel and LibreOffice.
public enum CSVText {
    /// With `byteOrderMark`, the file starts with U+FEFF: Excel on Windows then reads it as
    /// UTF-8 (Zoë, Łódź, Nguyễn) rather than in the machine's code page. LibreOffice, Python's
    /// csv and marac's own import all skip it.
    public static func render(headers: [String], rows: [[String]], byteOrderMark: Bool = false) -> String {
        (byteOrderMark ? "\u{FEFF}" : "") + ([headers] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ s: String) -> String {
        // A leading = + - @, tab or carriage return can make a spreadsheet take the cell for a
        // formula (OWASP's list for CSV injection): neutralise it. Scalars, not characters: a
        // leading CR LF is one Character.
        var text = s
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil { text = "'" + text }
        // Scalars again: a CR LF inside a cell is one Character, equal to neither "\r" nor "\n".
        if text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrencesOfQuote() + "\""
        }
        return text
    }
}

extension String {
    fileprivate func replacingOccurrencesOfQuote() -> String {
        var out = ""
        for c in self {
            out.append(c)
            if c == "\"" { out.append("\"") }
        }
        return out
    }
}
