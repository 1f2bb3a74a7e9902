import ArgumentParser
import Foundation
import MARACCore
import MARACExchange
import MARACStore

/// The file an agency sent back, read whole; a clear refusal when it cannot be.
func readReturnedFile(_ path: String) throws -> (Data, String) {
    guard let data = FileManager.default.contents(atPath: path) else {
        let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read (check its permissions)" : "there is no such file"
        throw CommandFailure(message: "cannot read \(path): \(reason)", code: 1)
    }
    return (data, URL(fileURLWithPath: path).lastPathComponent)
}

/// Every problem with its row and column on standard error, then the refusal: nothing saved.
func refuse(_ problems: [ImportProblem], in name: String) -> CommandFailure {
    for p in problems.sorted(by: { $0.row < $1.row }) { printError("\(name), \(p)") }
    let rows = Set(problems.map(\.row)).filter { $0 > 0 }.count
    return CommandFailure(message: "\(problems.count) problem\(problems.count == 1 ? "" : "s")\(rows > 0 ? " in \(rows) row\(rows == 1 ? "" : "s")" : "") of \(name); nothing was imported. Correct the file and import it again.", code: 1)
}

struct ImportActionUpdatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action-updates",
        abstract: "Import an agency's returned action list: its reports wait in the action tracker to be confirmed.",
        discussion: """
            Reads the file marac export actions wrote, as the agency sends it back from Excel or \
            LibreOffice: the action column and the reported_status and reported_note the agency \
            filled in (reported_on too, if it added one). Every row is checked first and every \
            problem listed with its row and column; then all the reports are saved as one change, \
            or none. Each waits as "reported by <agency>, to confirm" until y (confirm) or r \
            (reject) in the action tracker. A report older than the action's last recorded status \
            is refused; importing the same file twice adds nothing. Docs/import.md lists the columns.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "The CSV file (UTF-8, as Excel's \"CSV UTF-8\" or LibreOffice writes it).")
    var file: String

    @Option(name: .long, help: "The agency that sent the file, when its rows do not say. Part of the name is enough.")
    var agency: String?

    @Flag(name: .customLong("dry-run"), help: "Check the file and say what would be imported, without saving anything.")
    var dryRun = false

    @Option(name: .long, help: "Seconds to wait for another writer (the screen, another import) to close the store.")
    var wait: Double = 10

    func run() throws {
        try reporting("import action-updates") {
            let (data, name) = try readReturnedFile(file)
            let store = try dryRun ? storeOptions.open(.readOnly) : storeOptions.openForWriting(wait: wait)
            defer { store.close() }
            let context = DecisionContext(actor: store.actor, now: ProgramClock.current.now(), today: ProgramClock.current.today())
            let plan = ActionUpdateImporter(state: store.state, context: context, agency: try resolveAgency(agency, in: store.state)).plan(data, fileName: name)
            if !plan.unknownColumns.isEmpty {
                printError("\(name): ignored column\(plan.unknownColumns.count == 1 ? "" : "s") marac does not read: \(plan.unknownColumns.joined(separator: ", "))")
            }
            guard plan.problems.isEmpty else { throw refuse(plan.problems, in: name) }
            let who = plan.agency.flatMap { store.state.agency($0)?.name } ?? "the agency"
            var notes: [String] = []
            if !plan.alreadyRecorded.isEmpty {
                notes.append("\(plan.alreadyRecorded.count) report\(plan.alreadyRecorded.count == 1 ? " was" : "s were") already recorded (rows \(plan.alreadyRecorded.map(String.init).joined(separator: ", "))) and left as \(plan.alreadyRecorded.count == 1 ? "it was" : "they were")")
            }
            if plan.unchanged > 0 { notes.append("\(plan.unchanged) row\(plan.unchanged == 1 ? "" : "s") reported nothing") }
            guard !plan.lines.isEmpty else {
                print("\(name): nothing new to import from \(who); \(plan.rows) row\(plan.rows == 1 ? "" : "s") read.")
                for n in notes { print("  " + n) }
                return
            }
            let count = "\(plan.lines.count) report\(plan.lines.count == 1 ? "" : "s") from \(who)"
            if dryRun {
                print("\(name): would record \(count) of \(plan.rows) row\(plan.rows == 1 ? "" : "s"). Nothing was saved (--dry-run).")
            } else {
                try perform(plan.command, in: store)
                print("\(name): recorded \(count) of \(plan.rows) row\(plan.rows == 1 ? "" : "s"); they wait to be confirmed in the action tracker (4, f to \"reported\"; y confirms, r rejects).")
            }
            for n in notes { print("  " + n) }
        }
    }
}

struct ImportResearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "research",
        abstract: "Import an agency's returned research sheet: ticks its research return for each case and keeps what it found.",
        discussion: """
            Reads the file marac export research wrote, as the agency sends it back: the case \
            column and what the agency filled in (known_to_agency, information_to_share, risks, \
            last_contact). A row with any answer ticks the agency's return for that case; the \
            information shows under the agency in the case step of the live meeting. All or \
            nothing, every problem with its row and column; the same file twice adds nothing.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "The CSV file (UTF-8, as Excel's \"CSV UTF-8\" or LibreOffice writes it).")
    var file: String

    @Option(name: .long, help: "The agency that sent the file, when its rows do not say. Part of the name is enough.")
    var agency: String?

    @Flag(name: .customLong("dry-run"), help: "Check the file and say what would be imported, without saving anything.")
    var dryRun = false

    @Option(name: .long, help: "Seconds to wait for another writer (the screen, another import) to close the store.")
    var wait: Double = 10

    func run() throws {
        try reporting("import research") {
            let (data, name) = try readReturnedFile(file)
            let store = try dryRun ? storeOptions.open(.readOnly) : storeOptions.openForWriting(wait: wait)
            defer { store.close() }
            let context = DecisionContext(actor: store.actor, now: ProgramClock.current.now(), today: ProgramClock.current.today())
            let plan = ResearchImporter(state: store.state, context: context, agency: try resolveAgency(agency, in: store.state)).plan(data, fileName: name)
            if !plan.unknownColumns.isEmpty {
                printError("\(name): ignored column\(plan.unknownColumns.count == 1 ? "" : "s") marac does not read: \(plan.unknownColumns.joined(separator: ", "))")
            }
            guard plan.problems.isEmpty, let command = plan.command else { throw refuse(plan.problems, in: name) }
            let who = plan.agency.flatMap { store.state.agency($0)?.name } ?? "the agency"
            var notes: [String] = []
            if !plan.alreadyRecorded.isEmpty {
                notes.append("\(plan.alreadyRecorded.count) return\(plan.alreadyRecorded.count == 1 ? " was" : "s were") already recorded as they are (rows \(plan.alreadyRecorded.map(String.init).joined(separator: ", ")))")
            }
            if plan.notAnswered > 0 { notes.append("\(plan.notAnswered) row\(plan.notAnswered == 1 ? " was" : "s were") left empty: no return for \(plan.notAnswered == 1 ? "that case" : "those cases") yet") }
            guard !plan.lines.isEmpty else {
                print("\(name): nothing new to import from \(who); \(plan.rows) row\(plan.rows == 1 ? "" : "s") read.")
                for n in notes { print("  " + n) }
                return
            }
            let count = "\(plan.lines.count) research return\(plan.lines.count == 1 ? "" : "s") from \(who)"
            if dryRun {
                print("\(name): would record \(count) of \(plan.rows) row\(plan.rows == 1 ? "" : "s"). Nothing was saved (--dry-run).")
            } else {
                try perform(command, in: store)
                print("\(name): recorded \(count) of \(plan.rows) row\(plan.rows == 1 ? "" : "s"); the information shows under \(who) in each case at the meeting.")
            }
            for n in notes { print("  " + n) }
        }
    }
}
