import ArgumentParser
import Foundation
import MARACCore
import MARACExchange
import MARACStore
import MARACTUI

extension DocumentFormat: ExpressibleByArgument {}
extension ActionList.Format: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write minutes, case lists, action lists and calendars for circulation.",
        discussion: """
            Exports take personal data out of the encrypted store: files are created readable by \
            you only (0600), and every export is recorded in the audit trail with the cases it \
            holds. Exporting needs the store's write lock (to record the export): from inside the \
            screen, use :export instead.
            """,
        subcommands: [ExportMinutesCommand.self, ExportCaseListCommand.self, ExportResearchCommand.self, ExportActionsCommand.self, ExportCalendarCommand.self])
}

/// The output options every export shares.
struct ExportOutput: ParsableArguments {
    @Option(name: [.customShort("o"), .long], help: "The file to write (default: standard output). It must not exist yet, unless --force.")
    var output: String?

    @Flag(name: .long, help: "Replace the file named by -o if it exists (only ever a regular file, never a link or a device).")
    var force = false

    /// Refuses a file name whose extension is not that of the format written (`-o min.pdf` would
    /// hold Markdown under a .pdf name), naming the formats this export writes. Nothing is
    /// opened or written first.
    ///
    /// - Parameters:
    ///   - produced: the extension of the format that will be written (`md`, `html`, `csv`…).
    ///   - accepted: every format this export can write, as extensions.
    ///   - kind: what is exported, for the message ("minutes").
    func check(writing produced: String, accepted: [String], kind: String) throws {
        guard let output else { return }
        let name = URL(fileURLWithPath: output).lastPathComponent
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return }
        let aliases = ["markdown": "md", "text": "txt", "htm": "html"]
        let ext = String(name[name.index(after: dot)...]).lowercased()
        let asked = aliases[ext] ?? ext
        guard asked != produced else { return }
        let list = accepted.map { "." + $0 }
        let formats = list.count > 1 ? list.dropLast().joined(separator: ", ") + " or " + list.last! : list.joined()
        if accepted.contains(asked) {
            throw CommandFailure(message: "\(output) is a .\(ext) file, but --format asks for .\(produced); give -o a .\(produced) name, or leave --format out", code: 64)
        }
        var hint = ""
        switch asked {
        case "pdf": hint = accepted.contains("html") ? " For a PDF, write .html and print it to PDF from a browser." : ""
        case "docx", "doc", "odt": hint = accepted.contains("html") ? " For Word or LibreOffice Writer, write .html and open it there." : ""
        case "xlsx", "xls", "ods": hint = accepted.contains("csv") ? " For Excel or LibreOffice Calc, write .csv and open it there." : ""
        default: break
        }
        throw CommandFailure(message: "marac writes \(kind) as \(formats); it cannot write a .\(ext) file, and would not put another format under that name.\(hint)", code: 64)
    }

    /// The same for bytes that are not text (a PDF).
    func deliver(bytes: [UInt8], what: String, cases: [CaseID], notice: String? = nil, store: Store) throws {
        if let output {
            try ExportFile.write(bytes: bytes, to: StoreOptions().expand(output), what: what, cases: cases, notice: notice, force: force,
                                 store: store)
        } else {
            try ExportFile.print(bytes: bytes, what: what, cases: cases, notice: notice, store: store)
        }
    }

    /// Writes or prints the export and records it.
    func deliver(_ text: String, what: String, cases: [CaseID], notice: String? = nil, store: Store) throws {
        if let output {
            try ExportFile.write(text, to: StoreOptions().expand(output), what: what, cases: cases, notice: notice, force: force,
                                 store: store)
        } else {
            try ExportFile.print(text, what: what, cases: cases, notice: notice, store: store)
        }
    }
}

func meetingID(_ text: String, in state: MARACState) throws -> MeetingID {
    if let id = MeetingID(parsing: text), state.meeting(id) != nil { return id }
    // A date finds the meeting held on it.
    if let day = DayParsing.parse(text), let m = state.meetings.first(where: { $0.date == day && $0.status != .cancelled }) { return m.id }
    throw CommandFailure(message: "there is no meeting \(text); give its number (M-0003) or date (marac list meetings shows them)", code: 1)
}

/// What minutes can be written as: the documents' formats, and PDF printed from the HTML.
enum MinutesFormat: String, CaseIterable, ExpressibleByArgument {
    case md, txt, html, pdf

    init?(fileName: String) {
        if fileName.lowercased().hasSuffix(".pdf") { self = .pdf; return }
        guard let format = DocumentFormat(fileName: fileName) else { return nil }
        self.init(rawValue: format.rawValue)
    }

    /// The document format written, or nil for PDF (printed from HTML).
    var document: DocumentFormat? { DocumentFormat(rawValue: rawValue) }
}

struct ExportMinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "The minutes of a meeting, marked restricted.",
        discussion: """
            HTML is one self-contained file that prints to A4 from any browser with the marking \
            and "page N of M" on every page. PDF is printed from that HTML by WeasyPrint (apt-get \
            install weasyprint), through a pipe, so nothing but the PDF is written. The format \
            follows -o's extension (.md, .txt, .html, .pdf) unless --format says otherwise.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The meeting: its number (M-0003) or its date.") var meeting: String
    @Option(name: .long, help: "md (default), txt, html or pdf.") var format: MinutesFormat?
    @OptionGroup var output: ExportOutput

    func run() throws {
        try reporting("export minutes") {
            let format = self.format ?? output.output.flatMap { MinutesFormat(fileName: $0) } ?? .md
            try output.check(writing: format.rawValue, accepted: MinutesFormat.allCases.map(\.rawValue), kind: "minutes")
            if format == .pdf {
                // Checked before the store is opened: nothing is recorded for a PDF that cannot be made.
                guard PDFPrinter.converter() != nil else { throw CommandFailure(message: PDFPrinter.Failure.notInstalled.description, code: 1) }
                guard output.output != nil || isatty(STDOUT_FILENO) == 0 else {
                    throw CommandFailure(message: "a PDF is not for the terminal: write it to a file with -o minutes.pdf", code: 64)
                }
            }
            let store = try storeOptions.openForWriting()
            defer { store.close() }
            let id = try meetingID(meeting, in: store.state)
            let minutes: Minutes
            do throws(Minutes.Failure) { minutes = try Minutes(state: store.state, meeting: id, today: ProgramClock.current.today()) } catch {
                throw CommandFailure(message: error.description, code: 1)
            }
            let document = minutes.document()
            guard format == .pdf else {
                return try output.deliver(document.rendered(as: format.document!), what: "minutes \(id)", cases: minutes.cases, store: store)
            }
            let pdf: [UInt8]
            do throws(PDFPrinter.Failure) { pdf = try PDFPrinter.pdf(fromHTML: document.rendered(as: .html)) } catch {
                ExportFile.recordFailure(what: "minutes \(id) as PDF", cases: minutes.cases, reason: error.description, in: store)
                throw CommandFailure(message: error.description, code: 1)
            }
            try output.deliver(bytes: pdf, what: "minutes \(id)", cases: minutes.cases, store: store)
        }
    }
}

struct ExportCaseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caselist",
        abstract: "A meeting's case list for agencies to research, marked restricted.")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The meeting: its number (M-0004) or its date.") var meeting: String
    @Option(name: .long, help: "md (default), txt, html or csv.") var format: String?
    @OptionGroup var output: ExportOutput

    func run() throws {
        try reporting("export caselist") {
            let wanted = format ?? output.output.map { $0.lowercased().hasSuffix(".csv") ? "csv" : (DocumentFormat(fileName: $0)?.rawValue ?? "md") } ?? "md"
            try output.check(writing: wanted, accepted: DocumentFormat.allCases.map(\.rawValue) + ["csv"], kind: "case lists")
            let store = try storeOptions.openForWriting()
            defer { store.close() }
            let id = try meetingID(meeting, in: store.state)
            let list: CaseList
            do throws(Minutes.Failure) { list = try CaseList(state: store.state, meeting: id) } catch { throw CommandFailure(message: error.description, code: 1) }
            let text: String
            if wanted == "csv" {
                text = list.csv()
            } else if let f = DocumentFormat(rawValue: wanted) {
                text = list.document().rendered(as: f)
            } else {
                throw CommandFailure(message: "\"\(wanted)\" is not a case list format; use md, txt, html or csv", code: 1)
            }
            try output.deliver(text, what: "case list \(id)", cases: list.cases, store: store)
        }
    }
}

struct ExportResearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "research",
        abstract: "A meeting's case list for one agency to research, with columns it fills in and sends back (marac import research).")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The meeting: its number (M-0004) or its date.") var meeting: String
    @Option(name: .long, help: "The agency to research. Part of the name is enough.") var agency: String
    @OptionGroup var output: ExportOutput

    func run() throws {
        try reporting("export research") {
            try output.check(writing: "csv", accepted: ["csv"], kind: "research sheets")
            let store = try storeOptions.openForWriting()
            defer { store.close() }
            let id = try meetingID(meeting, in: store.state)
            guard let agencyID = try resolveAgency(agency, in: store.state) else { return }
            let request: ResearchRequest
            do throws(Minutes.Failure) { request = try ResearchRequest(state: store.state, meeting: id, agency: agencyID) } catch {
                throw CommandFailure(message: error.description, code: 1)
            }
            try output.deliver(request.csv(), what: "research request \(id) for \(request.agency.name)", cases: request.list.cases, store: store)
        }
    }
}

struct ExportActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "The open actions, for agencies to report against (empty reported_status and reported_note columns).")

    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .long, help: "Only this agency's actions. Part of the name is enough.") var agency: String?
    @Flag(name: .long, help: "Closed actions as well as open ones.") var all = false
    @Option(name: .long, help: "csv (default), table or json.") var format: ActionList.Format = .csv
    @OptionGroup var output: ExportOutput

    func run() throws {
        try reporting("export actions") {
            let produced = format == .table ? "txt" : format.rawValue
            try output.check(writing: produced, accepted: ["csv", "txt", "json"], kind: "action lists")
            let store = try storeOptions.openForWriting()
            defer { store.close() }
            let agencyID = try resolveAgency(agency, in: store.state)
            let list = ActionList(state: store.state, today: ProgramClock.current.today(), agency: agencyID, includeClosed: all)
            let who = agencyID.flatMap { store.state.agency($0)?.name }.map { " for \($0)" } ?? ""
            try output.deliver(list.render(format), what: "action list\(who)", cases: list.cases, store: store)
        }
    }
}

struct ExportCalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Meetings, case list cut-offs and open actions' due dates as an iCalendar file.",
        discussion: """
            Events carry identifiers, agencies, venues and each meeting's chair only: no victim, \
            perpetrator or child and no action's words, since calendars are synchronised to phones \
            and servers. Meeting times are UK time (TZID=Europe/London). Importing a newer export \
            updates the events a calendar has (a moved meeting moves; SEQUENCE counts changes), and \
            a cancelled meeting or an action closed since is sent as cancelled, so it is removed.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: ExportOutput

    @Option(name: .long, help: ArgumentHelp("The first day the calendar covers (default: \(CalendarExport.defaultDaysBack) days ago). "
                                            + "Open actions go in whatever their day; cancelled and closed items from this day on.",
                                            valueName: "DATE"))
    var since: String?

    /// What the file holds, said truthfully: it names professionals, not the people at risk.
    static let notice = "It names no victim, perpetrator or child and describes no action; each meeting names its chair and venue. "
        + "Keep it within the partnership."

    func run() throws {
        try reporting("export calendar") {
            try output.check(writing: "ics", accepted: ["ics"], kind: "calendars")
            let store = try storeOptions.openForWriting()
            defer { store.close() }
            let clock = ProgramClock.current
            var first: Day?
            if let since {
                guard let day = DayParsing.parse(since, today: clock.today(), kind: .event) else {
                    throw CommandFailure(message: "--since \"\(since)\" is not a date (write 2026-09-01 or 01/09/2026)", code: 64)
                }
                first = day
            }
            let text = CalendarExport(state: store.state, now: clock.now(), since: first ?? clock.today().adding(days: -CalendarExport.defaultDaysBack)).render()
            try output.deliver(text, what: "calendar", cases: [], notice: Self.notice, store: store)
        }
    }
}
