import Foundation
import MARACCore

/// What importing a spreadsheet of agencies would do, worked out before anything is written.
public struct AgencyImportPlan: Sendable {
    public var fileName: String
    public var rows = 0
    /// One command an agency: registered with its kind, ISP date and representatives.
    public var commands: [Command] = []
    /// Agencies the store already has (with the same kind): importing again adds nothing.
    public var alreadyThere: [String] = []
    public var unknownColumns: [String] = []
    public var problems: [ImportProblem] = []

    public var canImport: Bool { problems.isEmpty && !commands.isEmpty }
}

/// Reads the agencies sitting at a MARAC from a spreadsheet saved as CSV: one row a
/// representative, the agency's name and kind repeated (or left empty) on its further rows.
/// Columns: `name` and `kind` (required), `isp_signed`, `representative`, `role`, `email`.
/// Every row is checked, by the same rules as an agency added by hand, before anything is saved.
public struct AgencyImporter {
    public var state: MARACState
    public var today: Day
    public var actor: Actor

    public init(state: MARACState, today: Day, actor: Actor) {
        self.state = state
        self.today = today
        self.actor = actor
    }

    enum Column: String, CaseIterable {
        case name, kind, ispSigned = "isp_signed", representative, role, email

        static func match(_ header: String) -> Column? {
            let key = header.lowercased().filter { $0.isLetter || $0.isNumber }
            switch key {
            case "name", "agency", "agencyname": return .name
            case "kind", "type", "agencykind", "agencytype", "sector": return .kind
            case "ispsigned", "isp", "ispdate", "ispsignedon", "signedisp", "informationsharingprotocol": return .ispSigned
            case "representative", "rep", "contact", "contactname", "pointofcontact": return .representative
            case "role", "jobtitle", "title", "position": return .role
            case "email", "secureemail", "emailaddress", "contactemail": return .email
            default: return nil
            }
        }
    }

    public func plan(_ data: Data, fileName: String) -> AgencyImportPlan {
        var plan = AgencyImportPlan(fileName: fileName)
        let file: SpreadsheetFile
        switch SpreadsheetFile.read(data, fileName: fileName) {
        case .success(let f): file = f
        case .failure(let problem):
            plan.problems.append(problem)
            return plan
        }
        var columns: [Column: Int] = [:]
        for (i, name) in file.header.enumerated() where !name.trimmingSpaces().isEmpty {
            if let c = Column.match(name) { columns[c] = i } else { plan.unknownColumns.append(name.trimmingSpaces()) }
        }
        let missing = [Column.name, .kind].filter { columns[$0] == nil }
        guard missing.isEmpty else {
            plan.problems.append(ImportProblem(row: file.headerRow, column: nil,
                                               message: "required column\(missing.count == 1 ? "" : "s") missing: \(missing.map(\.rawValue).joined(separator: ", "))"))
            return plan
        }
        plan.rows = file.rows.count
        // Agencies in the order the file first names them, each with its representatives.
        var order: [String] = []
        var found: [String: (row: Int, name: String, kind: AgencyKind, signed: Day?, reps: [Representative])] = [:]
        for (number, cells) in file.rows {
            func cell(_ c: Column) -> String { columns[c].flatMap { $0 < cells.count ? cells[$0] : nil }?.trimmingSpaces() ?? "" }
            if cells.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            let name = cell(.name)
            guard !name.isEmpty else {
                plan.problems.append(ImportProblem(row: number, column: Column.name.rawValue, message: "is empty"))
                continue
            }
            let key = NameFolding.fold(name)
            var kind: AgencyKind?
            let kindText = cell(.kind)
            if !kindText.isEmpty {
                kind = AgencyKind(rawValue: kindText.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "'", with: ""))
                    ?? AgencyKind.allCases.first { NameFolding.fold($0.label) == NameFolding.fold(kindText) }
                if kind == nil {
                    plan.problems.append(ImportProblem(row: number, column: Column.kind.rawValue,
                                                       message: "\"\(kindText)\" is not a kind; the kinds are \(AgencyKind.allCases.map(\.rawValue).joined(separator: ", "))"))
                    continue
                }
            } else if found[key] == nil {
                plan.problems.append(ImportProblem(row: number, column: Column.kind.rawValue, message: "is empty"))
                continue
            }
            var signed: Day?
            let signedText = cell(.ispSigned)
            if !signedText.isEmpty {
                guard let d = DayParsing.parse(signedText) else {
                    plan.problems.append(ImportProblem(row: number, column: Column.ispSigned.rawValue, message: "\"\(signedText)\" is not a date"))
                    continue
                }
                guard d <= today else {
                    plan.problems.append(ImportProblem(row: number, column: Column.ispSigned.rawValue, message: "\(d.british) is in the future"))
                    continue
                }
                signed = d
            }
            let rep = cell(.representative)
            let reps = rep.isEmpty ? [] : [Representative(name: rep, jobTitle: cell(.role), contact: cell(.email))]
            if var earlier = found[key] {
                if let kind, kind != earlier.kind {
                    plan.problems.append(ImportProblem(row: number, column: Column.kind.rawValue,
                                                       message: "\(name) is \(earlier.kind.rawValue) on row \(earlier.row)"))
                    continue
                }
                earlier.signed = earlier.signed ?? signed
                earlier.reps += reps
                found[key] = earlier
            } else {
                order.append(key)
                found[key] = (number, name, kind!, signed, reps)
            }
        }
        var scratch = state
        let context = DecisionContext(actor: actor, now: Instant.noon(of: today), today: today)
        for key in order {
            let a = found[key]!
            if let existing = state.agency(named: a.name) {
                if existing.kind == a.kind {
                    plan.alreadyThere.append(existing.name)
                } else {
                    plan.problems.append(ImportProblem(row: a.row, column: Column.name.rawValue,
                                                       message: "the store already has \(existing.name), as \(existing.kind.rawValue); change it with marac agency update"))
                }
                continue
            }
            let command = Command.registerAgency(name: a.name, kind: a.kind, ispSignedOn: a.signed, representatives: a.reps)
            do {
                let change = try scratch.change(for: command, context: context)
                scratch.apply(change)
                plan.commands.append(command)
            } catch {
                plan.problems.append(ImportProblem(row: a.row, column: Column.name.rawValue, message: error.message))
            }
        }
        plan.problems.sort { ($0.row, $0.column ?? "") < ($1.row, $1.column ?? "") }
        return plan
    }
}
