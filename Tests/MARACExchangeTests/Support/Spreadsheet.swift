import Foundation

/// A CSV file as a given program writes it, byte for byte.
enum Spreadsheet {
    /// Excel's "CSV UTF-8 (Comma delimited)": a byte-order mark, CRLF line ends, fields quoted
    /// only when they hold a comma, quote or line break (a line break inside a cell is LF).
    static func excel(_ rows: [[String]]) -> Data {
        Data([0xEF, 0xBB, 0xBF]) + Data(rows.map { $0.map { quotedIfNeeded($0) }.joined(separator: ",") }.joined(separator: "\r\n").utf8)
            + Data("\r\n".utf8)
    }

    /// LibreOffice Calc's default text CSV on Linux: no byte-order mark, LF line ends, every
    /// text cell quoted, numbers bare, and no line end after the last row.
    static func libreOffice(_ rows: [[String]]) -> Data {
        Data(rows.map { row in
            row.map { cell in Double(cell) != nil ? cell : "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                .joined(separator: ",")
        }.joined(separator: "\n").utf8)
    }

    static func quotedIfNeeded(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
