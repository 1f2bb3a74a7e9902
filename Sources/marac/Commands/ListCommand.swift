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
        subcommands: [QuarterlyCommand.self])
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
            let q: Quarter
            if let quarter {
                guard let parsed = Quarter(parsing: quarter) else {
                    throw CommandFailure(message: "\"\(quarter)\" is not a quarter; write it as 2026-Q3 (Q1 is January to March)", code: 1)
                }
                q = parsed
            } else {
                q = Quarter(containing: ProgramClock.current.today()).previous
            }
            let store = try storeOptions.open(.readOnly)
            defer { store.close() }
            print(QuarterlyReport(state: store.state, quarter: q).render(format), terminator: "")
        }
    }
}
