import ArgumentParser
import Foundation
import MARACCore
import MARACExchange
import MARACStore
import MARACTUI

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring records in from a spreadsheet.",
        subcommands: [ImportReferralsCommand.self, ImportActionUpdatesCommand.self, ImportResearchCommand.self])
}

struct ImportReferralsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referrals",
        abstract: "Import referrals from a CSV file (Docs/import.md lists the columns).",
        discussion: """
            Every row is checked before anything is saved, and every problem is listed with its row \
            and column. Then the whole file is saved as one change, or nothing is. Rows whose \
            reference is already in the store are skipped, so importing the same file twice adds \
            nothing. Imported referrals wait in the triage queue, with possible repeats flagged.
            The first row names the columns (case, spaces, underscores and hyphens are \
            ignored); a title above it is refused with the row the headings are on, and a heading \
            that looks like a column's name is refused with "did you mean". Dates are 2026-03-01 \
            or 01/03/2026. "Prefer not to say", "not stated" and an empty cell are read as not known.
            COLUMNS (each with what it holds, then the other headings read as it):
            """ + "\n" + ImportColumn.helpText)

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "The CSV file (UTF-8, as Excel's \"CSV UTF-8\" or LibreOffice writes it).")
    var file: String

    @Flag(name: .customLong("dry-run"), help: "Check the file and say what would be imported, without saving anything.")
    var dryRun = false

    @Flag(name: .customLong("create-agencies"), help: "Add referring agencies the store does not know, instead of refusing their rows.")
    var createAgencies = false

    @Option(name: .long, help: "Seconds to wait for another writer (the screen, another import) to close the store.")
    var wait: Double = 10

    func run() throws {
        try reporting("import") {
            guard let data = FileManager.default.contents(atPath: file) else {
                let reason = FileManager.default.fileExists(atPath: file) ? "it cannot be read (check its permissions)" : "there is no such file"
                throw CommandFailure(message: "cannot read \(file): \(reason)", code: 1)
            }
            let store = try dryRun ? storeOptions.open(.readOnly) : storeOptions.openForWriting(wait: wait)
            defer { store.close() }
            let name = URL(fileURLWithPath: file).lastPathComponent
            var importer = ReferralImporter(state: store.state, today: ProgramClock.current.today(), actor: store.actor)
            importer.createAgencies = createAgencies
            let progress = ProgressLine(label: "Checking \(name)")
            importer.progress = { progress.update($0, of: $1) }
            let plan = importer.plan(data, fileName: name)
            progress.finish()

            if !plan.unknownColumns.isEmpty {
                printError("\(name): ignored column\(plan.unknownColumns.count == 1 ? "" : "s") marac does not know: \(plan.unknownColumns.joined(separator: ", ")) (Docs/import.md lists the columns)")
            }
            guard plan.problems.isEmpty else {
                for p in plan.problems { printError("\(name), \(p)") }
                let rows = Set(plan.problems.map(\.row)).filter { $0 > 0 }.count
                throw CommandFailure(message: "\(plan.problems.count) problem\(plan.problems.count == 1 ? "" : "s")\(rows > 0 ? " in \(rows) row\(rows == 1 ? "" : "s")" : "") of \(name); nothing was imported. Correct the file and import it again.", code: 1)
            }
            var summary: [String] = []
            if !plan.alreadyImported.isEmpty {
                summary.append("\(plan.alreadyImported.count) row\(plan.alreadyImported.count == 1 ? " was" : "s were") already imported (same reference) and \(plan.alreadyImported.count == 1 ? "is" : "are") left as they are")
            }
            if !plan.newAgencies.isEmpty {
                summary.append("new agencies: \(plan.newAgencies.map { "\($0.name) (\($0.kind.label.lowercased()))" }.joined(separator: ", "))")
            }
            if !plan.possibleRepeats.isEmpty {
                summary.append("\(plan.possibleRepeats.count) possible repeat\(plan.possibleRepeats.count == 1 ? "" : "s") of earlier cases, flagged in the triage queue: "
                               + plan.possibleRepeats.prefix(10).map { "\($0.reference) (\($0.cases.map(\.description).joined(separator: ", ")))" }.joined(separator: ", ")
                               + (plan.possibleRepeats.count > 10 ? ", …" : ""))
            }
            for y in plan.twoDigitYears {
                summary.append("row \(y.row), \(y.column): \"\(y.text)\" has a two-digit year, read as \(y.readAs.british)")
            }
            guard !plan.referrals.isEmpty else {
                print("\(name): nothing to import; \(plan.rows) row\(plan.rows == 1 ? "" : "s") read.")
                for line in summary { print("  " + line) }
                return
            }
            if dryRun {
                print("\(name): would import \(plan.referrals.count) referral\(plan.referrals.count == 1 ? "" : "s") of \(plan.rows) row\(plan.rows == 1 ? "" : "s"). Nothing was saved (--dry-run).")
            } else {
                try perform(plan.command, in: store)
                print("\(name): imported \(plan.referrals.count) referral\(plan.referrals.count == 1 ? "" : "s") of \(plan.rows) row\(plan.rows == 1 ? "" : "s"); they wait in the triage queue.")
            }
            for line in summary { print("  " + line) }
        }
    }
}

/// "Checking referrals.csv: 1,200 of 5,000 rows" on a terminal, redrawn in place at most ten
/// times a second; nothing at all when standard error is not a terminal (scripts, logs).
final class ProgressLine {
    let label: String
    let enabled = isatty(STDERR_FILENO) == 1
    var last: Double = 0
    var shown = false

    init(label: String) { self.label = label }

    func update(_ done: Int, of total: Int) {
        guard enabled, total >= 500 else { return }
        // How often to redraw is a span of time, so the monotonic clock, not the wall clock.
        let now = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
        guard now - last >= 0.1 || done == total else { return }
        last = now
        shown = true
        FileHandle.standardError.write(Data("\r\(label): \(done) of \(total) rows checked\u{1B}[K".utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
