import ArgumentParser
import Foundation
import MARACCore
import MARACExchange
import MARACStore

extension AgencyKind: ExpressibleByArgument {
    public init?(argument: String) {
        guard let kind = AgencyKind(rawValue: argument.lowercased()) else { return nil }
        self = kind
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `marac agency …`: the agencies that sit at the MARAC, their information sharing protocol
/// dates and their representatives. Every change is a command in the log and the audit trail.
struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency",
        abstract: "Add, change, list, retire and import the agencies, with their ISP dates and representatives.",
        subcommands: [List.self, Add.self, Update.self, Retire.self, Reinstate.self, Rep.self, Import.self],
        defaultSubcommand: List.self)

    /// One agency by (part of) its name, or a failure listing what it could mean.
    static func agency(_ text: String, in state: MARACState) throws -> Agency {
        guard let id = try resolveAgency(text, in: state), let a = state.agency(id) else {
            throw CommandFailure(message: "no agency matches \"\(text)\"", code: 1)
        }
        return a
    }

    static func day(_ text: String?, option: String) throws -> Day? {
        guard let text else { return nil }
        guard let d = DayParsing.parse(text, today: ProgramClock.current.today()) else {
            throw CommandFailure(message: "\(option) \"\(text)\" is not a date: write it 2026-03-01 or 01/03/2026", code: 1)
        }
        return d
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The agencies, their kinds, ISP dates and representatives.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .long, help: "table (default), csv or json.") var format: Listing.Format = .table
        @Flag(name: .long, help: "Retired agencies as well.") var all = false

        func run() throws {
            try reporting("agency list") {
                let store = try storeOptions.open(.readOnly)
                defer { store.close() }
                let agencies = store.state.agencies.filter { all || $0.isActive }
                let records = agencies.map(AgencyRecord.init)
                switch format {
                case .json: print(JSONOutput.render(records), terminator: "")
                case .csv:
                    let headers = ["id", "name", "kind", "isp_signed", "retired", "representative", "role", "email"]
                    var rows: [[String]] = []
                    for r in records {
                        let base = [r.id, r.name, r.kind, r.ispSigned ?? "", r.retired ?? ""]
                        if r.representatives.isEmpty { rows.append(base + ["", "", ""]) }
                        for rep in r.representatives { rows.append(base + [rep.name, rep.role, rep.email]) }
                    }
                    print(CSVText.render(headers: headers, rows: rows), terminator: "")
                case .table:
                    let table = TextTable(headers: ["Id", "Agency", "Kind", "ISP signed", "Representatives"], rows: records.map { r in
                        [r.id, r.name + (r.retired.map { " (retired \($0))" } ?? ""), r.kind, r.ispSigned ?? "not signed",
                         r.representatives.map { $0.name + ($0.role.isEmpty ? "" : " (\($0.role))") }.joined(separator: "; ")]
                    })
                    print(table.render() + "\(records.count) agenc\(records.count == 1 ? "y" : "ies")")
                }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an agency.",
                                                        discussion: "Kinds: \(AgencyKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The agency's name.") var name: String
        @Option(name: .long, help: "What kind of agency it is (the quarterly return counts referrals by kind).") var kind: AgencyKind
        @Option(name: .customLong("isp-signed"), help: "The date it signed the information sharing protocol.") var ispSigned: String?

        func run() throws {
            try reporting("agency add") {
                let signed = try AgencyCommand.day(ispSigned, option: "--isp-signed")
                if let signed, signed > ProgramClock.current.today() {
                    throw CommandFailure(message: "--isp-signed \(signed.british) is in the future", code: 1)
                }
                let store = try storeOptions.openForWriting()
                defer { store.close() }
                try perform(.registerAgency(name: name, kind: kind, ispSignedOn: signed, representatives: []), in: store)
                let added = store.state.agencies.last!
                print("Added \(added.name) (\(added.id), \(kind.rawValue))" + (signed.map { ", ISP signed \($0.british)" } ?? ", ISP not signed yet: it is not offered attendance or actions until it is") + ".")
            }
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an agency's name, kind or ISP date.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The agency (part of the name is enough).") var agency: String
        @Option(name: .long, help: "Its new name.") var name: String?
        @Option(name: .long, help: "Its new kind.") var kind: AgencyKind?
        @Option(name: .customLong("isp-signed"), help: "The date it signed the information sharing protocol.") var ispSigned: String?

        func validate() throws {
            if name == nil && kind == nil && ispSigned == nil { throw ValidationError("Say what to change: --name, --kind or --isp-signed.") }
        }

        func run() throws {
            try reporting("agency update") {
                let signed = try AgencyCommand.day(ispSigned, option: "--isp-signed")
                let store = try storeOptions.openForWriting()
                defer { store.close() }
                let a = try AgencyCommand.agency(agency, in: store.state)
                if name != nil || kind != nil {
                    try perform(.updateAgency(a.id, name: name ?? a.name, kind: kind ?? a.kind, representatives: a.representatives), in: store)
                }
                if let signed { try perform(.recordISPSigned(a.id, on: signed), in: store) }
                let now = store.state.agency(a.id)!
                print("\(now.name) (\(now.id)): \(now.kind.rawValue), ISP \(now.ispSignedOn.map { "signed \($0.british)" } ?? "not signed").")
            }
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Retire an agency: kept in the history, no longer offered.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The agency.") var agency: String

        func run() throws {
            try reporting("agency retire") {
                let store = try storeOptions.openForWriting()
                defer { store.close() }
                let a = try AgencyCommand.agency(agency, in: store.state)
                try perform(.retireAgency(a.id), in: store)
                print("Retired \(a.name): its referrals, attendance and actions stay; it is no longer offered. marac agency reinstate brings it back.")
            }
        }
    }

    struct Reinstate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Bring a retired agency back.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The agency.") var agency: String

        func run() throws {
            try reporting("agency reinstate") {
                let store = try storeOptions.openForWriting()
                defer { store.close() }
                let a = try AgencyCommand.agency(agency, in: store.state)
                try perform(.reinstateAgency(a.id), in: store)
                print("\(a.name) sits at the MARAC again.")
            }
        }
    }

    struct Rep: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An agency's representatives (points of contact).",
                                                        subcommands: [RepAdd.self, RepRemove.self])
    }

    struct RepAdd: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a representative to an agency.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The agency.") var agency: String
        @Argument(help: "The representative's name.") var name: String
        @Option(name: .long, help: "Their role or job title.") var role: String = ""
        @Option(name: .long, help: "Their secure e-mail address.") var email: String = ""

        func run() throws {
            try reporting("agency rep add") {
                if !email.isEmpty && !(email.contains("@") && email.split(separator: "@").count == 2 && !email.contains(" ")) {
                    throw CommandFailure(message: "--email \"\(email)\" is not an e-mail address", code: 1)
                }
                let store = try storeOptions.openForWriting()
                defer { store.close() }
                let a = try AgencyCommand.agency(agency, in: store.state)
                if a.representatives.contains(where: { NameFolding.fold($0.name) == NameFolding.fold(name) }) {
                    throw CommandFailure(message: "\(a.name) already has a representative called \(name)", code: 1)
                }
                try perform(.updateAgency(a.id, name: a.name, kind: a.kind,
                                          representatives: a.representatives + [Representative(name: name, jobTitle: role, contact: email)]), in: store)
                print("\(name) represents \(a.name) (\(a.representatives.count + 1) representative\(a.representatives.isEmpty ? "" : "s")).")
            }
        }
    }

    struct RepRemove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a representative from an agency.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The agency.") var agency: String
        @Argument(help: "The representative's name.") var name: String

        func run() throws {
            try reporting("agency rep remove") {
                let store = try storeOptions.openForWriting()
                defer { store.close() }
                let a = try AgencyCommand.agency(agency, in: store.state)
                let kept = a.representatives.filter { NameFolding.fold($0.name) != NameFolding.fold(name) }
                guard kept.count < a.representatives.count else {
                    throw CommandFailure(message: "\(a.name) has no representative called \(name); it has: \(a.representatives.map(\.name).joined(separator: ", "))", code: 1)
                }
                try perform(.updateAgency(a.id, name: a.name, kind: a.kind, representatives: kept), in: store)
                print("\(name) no longer represents \(a.name).")
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import agencies from a CSV file: name, kind, isp_signed, representative, role, email.",
            discussion: "One row a representative; an agency's further rows may leave its kind and date empty. All or nothing: every problem is listed with its row and column, and then nothing is saved. Agencies already in the store are skipped.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(name: .customLong("dry-run"), help: "Check the file and say what would be imported.") var dryRun = false

        func run() throws {
            try reporting("agency import") {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw CommandFailure(message: "cannot read \(file): " + (FileManager.default.fileExists(atPath: file) ? "check its permissions" : "there is no such file"), code: 1)
                }
                let store = try dryRun ? storeOptions.open(.readOnly) : storeOptions.openForWriting()
                defer { store.close() }
                let name = URL(fileURLWithPath: file).lastPathComponent
                let plan = AgencyImporter(state: store.state, today: ProgramClock.current.today(), actor: store.actor).plan(data, fileName: name)
                if !plan.unknownColumns.isEmpty { printError("\(name): ignored column\(plan.unknownColumns.count == 1 ? "" : "s"): \(plan.unknownColumns.joined(separator: ", "))") }
                guard plan.problems.isEmpty else {
                    for p in plan.problems { printError("\(name), \(p)") }
                    throw CommandFailure(message: "\(plan.problems.count) problem\(plan.problems.count == 1 ? "" : "s") in \(name); nothing was imported", code: 1)
                }
                if !plan.alreadyThere.isEmpty { print("Already in the store: \(plan.alreadyThere.joined(separator: ", ")).") }
                guard !plan.commands.isEmpty else { return print("\(name): nothing to import.") }
                if dryRun { return print("\(name): would import \(plan.commands.count) agenc\(plan.commands.count == 1 ? "y" : "ies").") }
                // Decided in turn against the store, then saved with one write and one flush.
                var scratch = store.state
                let context = DecisionContext(actor: store.actor, now: ProgramClock.current.now(), today: ProgramClock.current.today())
                var changes: [Change] = []
                for command in plan.commands {
                    let change = try scratch.change(for: command, context: context)
                    scratch.apply(change)
                    changes.append(change)
                }
                try store.append(changes)
                print("\(name): imported \(changes.count) agenc\(changes.count == 1 ? "y" : "ies").")
            }
        }
    }
}

/// An agency as `marac agency list --format json` gives it.
struct AgencyRecord: Encodable {
    var id: String
    var name: String
    var kind: String
    @OrNull var ispSigned: String?
    @OrNull var retired: String?
    var representatives: [Rep]

    struct Rep: Encodable {
        var name: String
        var role: String
        var email: String
    }

    enum CodingKeys: String, CodingKey { case id, name, kind, ispSigned = "isp_signed", retired, representatives }

    init(_ a: Agency) {
        id = a.id.description
        name = a.name
        kind = a.kind.rawValue
        ispSigned = a.ispSignedOn?.iso
        retired = a.retiredOn?.iso
        representatives = a.representatives.map { Rep(name: $0.name, role: $0.jobTitle, email: $0.contact) }
    }
}
