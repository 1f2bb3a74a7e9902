import ArgumentParser
import MARACCore
import MARACExchange
import MARACTUI

extension Listing.Kind: ExpressibleByArgument {}
extension Listing.Format: ExpressibleByArgument {}

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List referrals, cases, meetings or actions, for people or scripts.",
        discussion: "JSON is a top-level array of objects, each with an id; Docs/cli.md documents every field. Output goes to standard output; nothing is written to disk.")

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "What to list: \(Listing.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: Listing.Kind

    @Argument(help: "For the agenda: the meeting (M-0005 or its date); the next meeting if left out.")
    var meeting: String?

    @Flag(name: .long, help: "Actions past their due date and still open (cases: those with one).")
    var overdue = false

    @Option(name: .long, help: "Only this agency's: the referring agency of referrals and cases, the owner of actions. Part of the name is enough.")
    var agency: String?

    @Option(name: .long, help: "table (default), csv or json.")
    var format: Listing.Format = .table

    func validate() throws {
        if overdue && (kind == .referrals || kind == .meetings) {
            throw ValidationError("--overdue applies to actions and cases.")
        }
        if agency != nil && (kind == .meetings || kind == .agenda) { throw ValidationError("--agency applies to referrals, cases and actions.") }
        if overdue && kind == .agenda { throw ValidationError("--overdue applies to actions and cases.") }
        if meeting != nil && kind != .agenda { throw ValidationError("A meeting is given only for the agenda: marac list agenda M-0005.") }
    }

    func run() throws {
        try reporting("list") {
            let store = try storeOptions.open(.readOnly)
            defer { store.close() }
            if kind != .meetings { try RolePolicy.require(RolePolicy.readPersonalData, for: "marac list \(kind.rawValue)", store.actor) }
            let chosen = try meeting.map { try MeetingCommand.meeting($0, in: store.state).id }
            let options = Listing.Options(today: ProgramClock.current.today(), overdue: overdue,
                                          agency: try resolveAgency(agency, in: store.state), meeting: chosen)
            print(Listing.render(kind, state: store.state, options: options, format: format), terminator: "")
        }
    }
}

extension QuarterlyReport.Format: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Figures for returns and reviews.",
        subcommands: [QuarterlyCommand.self, TrendsCommand.self])
}

struct QuarterlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarterly",
        abstract: "The MARAC data return for a quarter (SafeLives' figures), each with its definition.",
        discussion: "Counts contain no personal data. The quarter is written 2026-Q3 (Q1 is January to March); the default is the last complete quarter.")

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "The quarter, as 2026-Q3.")
    var quarter: String?

    @Option(name: .long, help: "table (default), csv or json.")
    var format: QuarterlyReport.Format = .table

    func run() throws {
        try reporting("report") {
            let q = try quarterAsked(quarter, what: "", code: 1)
            let store = try storeOptions.open(.readOnly)
            defer { store.close() }
            print(QuarterlyReport(state: store.state, quarter: q).render(format), terminator: "")
        }
    }
}

extension TrendsReport.Format: ExpressibleByArgument {}

struct TrendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trends",
        abstract: "Each figure of the data return over the last quarters against its expected range, and each agency's record.",
        discussion: """
            For the steering group's paper: counts only, no person named, and any count under 5 \
            given as "fewer than 5". The figures are the quarterly return's (marac report quarterly), \
            quarter by quarter; the ranges are SafeLives' unless the area set its own \
            (marac area set range-repeat-cases 25-35). --format html writes one self-contained \
            file with the charts inline, marked and printable on A4.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: ExportOutput

    @Option(name: .long, help: "How many quarters, 1 to 40 (default 8; fewer if the store is younger).")
    var quarters = 8

    @Option(name: .long, help: ArgumentHelp("The last quarter, as 2026-Q3 (default: the last complete quarter).", valueName: "QUARTER"))
    var through: String?

    @Option(name: .long, help: "table (default), csv, json or html.")
    var format: TrendsReport.Format?

    func run() throws {
        try reporting("report trends") {
            guard (1...40).contains(quarters) else {
                throw CommandFailure(message: "--quarters \(quarters) is out of range; give 1 to 40", code: 64)
            }
            let format = self.format ?? output.output.map { name -> TrendsReport.Format in
                let lower = name.lowercased()
                if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
                if lower.hasSuffix(".csv") { return .csv }
                if lower.hasSuffix(".json") { return .json }
                return .table
            } ?? .table
            try output.check(writing: format == .table ? "txt" : format.rawValue, accepted: ["txt", "csv", "json", "html"], kind: "trends")
            let today = ProgramClock.current.today()
            let last = try quarterAsked(through, what: "--through ", code: 64)
            let store = try storeOptions.openForWriting()
            defer { store.close() }
            let report = TrendsReport(state: store.state, through: last, quarters: quarters, today: today)
            try output.deliver(report.render(format), what: "trends \(report.trends.quarters.first!) to \(last)", cases: [],
                               notice: "It holds counts only, with counts under 5 hidden.", store: store)
        }
    }
}

/// The quarter a report was asked for (`2026-Q3`), or the last complete one; refused in words
/// naming the option (`what`, "--through " or nothing for an argument).
func quarterAsked(_ text: String?, what: String, code: Int32) throws -> Quarter {
    guard let text else { return Quarter(containing: ProgramClock.current.today()).previous }
    guard let q = Quarter(parsing: text) else {
        throw CommandFailure(message: "\(what)\"\(text)\" is not a quarter; write it as 2026-Q3 (Q1 is January to March)", code: code)
    }
    return q
}
