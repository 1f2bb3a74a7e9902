import CSV
import Foundation

/// A spreadsheet saved as CSV, read the same way for every import: UTF-8 with or without a
/// byte-order mark, the separator the program used (a comma, Excel's semicolon, a tab, or a
/// `sep=` first line), RFC 4180 quoting, and rows numbered as the spreadsheet shows them (the
/// header is row 1, or 2 after a `sep=` line).
struct SpreadsheetFile {
    var header: [String]
    /// The header's row number.
    var headerRow: Int
    var rows: [(number: Int, cells: [String])]

    static func read(_ data: Data, fileName: String) -> Result<SpreadsheetFile, ImportProblem> {
        var text: String
        switch decodeUTF8(data, fileName: fileName) {
        case .success(let t): text = t
        case .failure(let problem): return .failure(problem)
        }
        let (delimiter, hintLine) = Self.delimiter(of: text)
        if hintLine { text = String(text.drop { $0 != "\n" && $0 != "\r\n" }.dropFirst()) }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: false, delimiter: delimiter)
        } catch {
            return .failure(ImportProblem(row: hintLine ? 2 : 1, column: nil, message: "the header row cannot be read (\(error))"))
        }
        var rows: [(Int, [String])] = []
        while let row = reader.next() { rows.append((rows.count + 2 + (hintLine ? 1 : 0), row)) }
        return .success(SpreadsheetFile(header: reader.headerRow ?? [], headerRow: hintLine ? 2 : 1, rows: rows))
    }

    /// The separator a file uses: a comma by the standard, but Excel writes semicolons where a
    /// comma is the decimal point, and some exports use tabs. Excel's `sep=;` first line says
    /// which outright (and is then not the header).
    static func delimiter(of text: String) -> (UnicodeScalar, hintLine: Bool) {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        if firstLine.lowercased().hasPrefix("sep="), let scalar = firstLine.dropFirst(4).unicodeScalars.first {
            return (scalar, true)
        }
        // Counted outside quotes, in the header row.
        var counts: [UnicodeScalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for scalar in firstLine.unicodeScalars {
            if scalar == "\"" { quoted.toggle() } else if !quoted, counts[scalar] != nil { counts[scalar]! += 1 }
        }
        let best = counts.max { ($0.value, $0.key == "," ? 1 : 0) < ($1.value, $1.key == "," ? 1 : 0) }!
        return (best.value > 0 ? best.key : ",", false)
    }

    /// How to save a spreadsheet as marac reads it, in the programs coordinators use.
    static let saveAsCSV = "in Excel, File > Save As > \"CSV UTF-8 (Comma delimited)\"; in LibreOffice Calc, File > Save As > "
        + "\"Text CSV\" with the character set \"Unicode (UTF-8)\"; in Google Sheets, File > Download > \"Comma-separated values\""

    /// The file as text, or a problem naming the line where it stops being UTF-8.
    static func decodeUTF8(_ data: Data, fileName: String) -> Result<String, ImportProblem> {
        var bytes = Array(data)
        // A workbook, not CSV: a ZIP container (.xlsx, .ods) or an OLE one (.xls).
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return .failure(ImportProblem(row: 0, column: nil, message: "this is a spreadsheet workbook (.xlsx, .xls or .ods), not CSV: "
                + saveAsCSV + ", and import the .csv file"))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(ImportProblem(row: 0, column: nil, message: "it is in UTF-16, not UTF-8: " + saveAsCSV))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            var line = 1
            var valid = 0
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            var offset = 0
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s):
                    if s == "\n" { line += 1 }
                    offset += String(s).utf8.count
                    valid = offset
                case .emptyInput: break loop
                case .error: break loop
                }
            }
            return .failure(ImportProblem(row: 0, column: nil, message: "it is not UTF-8 from line \(line) (byte \(valid)), most likely "
                + "Windows-1252 from an older Excel or another program: " + saveAsCSV))
        }
        return .success(text)
    }
}
