import Foundation
import MARACCore

/// What the spreadsheets agencies send back share: the columns found by name (in any order,
/// with the export's own columns and any others ignored), the agency that sent the file, and
/// each row's problems with its row and column.
struct ReturnedSheet {
    var file: SpreadsheetFile
    var columns: [String: Int]
    var unknownColumns: [String]

    /// Header names compared as letters and digits only, lower-cased: "Reported status",
    /// "reported_status" and "REPORTED-STATUS" are one column.
    static func key(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// Reads the file and finds its columns: `names` maps each column marac reads to the
    /// headers taken for it; `known` are the columns marac wrote and ignores on the way back.
    static func read(_ data: Data, fileName: String, names: [String: [String]], known: [String], required: [String])
        -> Result<ReturnedSheet, ImportProblem> {
        let file: SpreadsheetFile
        switch SpreadsheetFile.read(data, fileName: fileName) {
        case .success(let f): file = f
        case .failure(let p): return .failure(p)
        }
        var byKey: [String: String] = [:]
        for (column, headers) in names { for h in [column] + headers { byKey[key(h)] = column } }
        let ignored = Set(known.map(key))
        var columns: [String: Int] = [:]
        var unknown: [String] = []
        for (i, header) in file.header.enumerated() {
            let k = key(header)
            if k.isEmpty { continue }
            if let c = byKey[k] {
                if columns[c] == nil { columns[c] = i }
            } else if !ignored.contains(k) {
                unknown.append(header.trimmingSpaces())
            }
        }
        let missing = required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            return .failure(ImportProblem(row: file.headerRow, column: nil,
                                          message: "required column\(missing.count == 1 ? "" : "s") missing: \(missing.joined(separator: ", ")) (the header row has: \(file.header.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: ", ")))"))
        }
        return .success(ReturnedSheet(file: file, columns: columns, unknownColumns: unknown))
    }

    func cell(_ column: String, _ cells: [String]) -> String {
        guard let i = columns[column], i < cells.count else { return "" }
        return cells[i].trimmingSpaces()
    }

    /// The agency that sent the file: the one named (`--agency`), else the one its rows name
    /// in their agency column, else the one whose actions or cases they are.
    static func sender(named: AgencyID?, rowAgencies: [(row: Int, text: String)], recordAgencies: [AgencyID], state: MARACState)
        -> Result<AgencyID, ImportProblem> {
        if let named { return .success(named) }
        var found: Set<AgencyID> = []
        for (row, text) in rowAgencies where !text.isEmpty {
            guard let a = state.agency(named: text) else {
                return .failure(ImportProblem(row: row, column: "agency", message: "\"\(text)\" is not an agency of this MARAC; name the agency that sent the file with --agency"))
            }
            found.insert(a.id)
        }
        if found.isEmpty { found = Set(recordAgencies) }
        guard found.count == 1, let only = found.first else {
            return .failure(ImportProblem(row: 0, column: nil, message: found.isEmpty
                ? "the file names no agency; name the agency that sent it with --agency"
                : "the file has rows for \(found.count) agencies (\(found.compactMap { state.agency($0)?.name }.sorted().joined(separator: ", "))); an agency reports for itself, so name the one that sent it with --agency"))
        }
        return .success(only)
    }

    /// A refusal of the core, placed at its row and the column its field names.
    static func problem(_ error: DomainError, row: Int, columns: [String: String]) -> ImportProblem {
        let column = error.field.flatMap { columns[$0] ?? $0 }
        var text = error.message
        if let field = error.field, text.hasPrefix(field + ": ") { text.removeFirst(field.count + 2) }
        if text.hasSuffix(".") { text.removeLast() }
        return ImportProblem(row: row, column: column, message: text)
    }
}
