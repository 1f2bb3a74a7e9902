/// CSV as RFC 4180 writes it: comma separated, CRLF line ends, fields quoted when they hold a
/// comma, a quote or a line break, quotes doubled. Opens cleanly in Excel and LibreOffice.
public enum CSVText {
    public static func render(headers: [String], rows: [[String]]) -> String {
        ([headers] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ s: String) -> String {
        // A leading = + - @ would be taken for a formula by a spreadsheet: neutralise it.
        var text = s
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
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
