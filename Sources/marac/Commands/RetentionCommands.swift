import ArgumentParser
import MARACCore
import MARACStore
import MARACTUI

struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "List the cases past the area's retention period, whose personal data is due for destruction.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting("retention") {
            let store = try storeOptions.open(.readOnly)
            defer { store.close() }
            let state = store.state
            let today = ProgramClock.current.today()
            let due = state.casesPastRetention(on: today)
            print("Retention period: \(state.profile.retentionMonths) months after a case's last activity.")
            if due.isEmpty {
                print("No case is past it.")
                return
            }
            for c in due {
                print("\(c.id)  last activity \(state.lastActivity(of: c).iso)  due for destruction since \(state.retentionEnds(of: c).iso)")
            }
            print("\(due.count) case\(due.count == 1 ? "" : "s"). Erase their personal data with: marac purge --expired")
        }
    }
}

struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Erase the personal data of cases (coordinators only), rewriting the store without it.",
        discussion: "Names, dates of birth, addresses, contact details, children, free text and notes go; dates, counts and the audit trail stay. The destruction is recorded in the audit trail.")

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .customLong("case"), help: "A case to purge (C-0042); may be repeated.")
    var cases: [String] = []

    @Flag(name: .long, help: "Purge every case past the retention period.")
    var expired = false

    func validate() throws {
        guard !cases.isEmpty || expired else { throw ValidationError("Name a case with --case, or use --expired.") }
    }

    func run() throws {
        try reporting("purge") {
            let store = try storeOptions.openForWriting()
            defer { store.close() }
            var ids: [CaseID] = []
            for text in cases {
                guard let id = CaseID(parsing: text), store.state.case(id) != nil else {
                    throw CommandFailure(message: "there is no case \(text)", code: 1)
                }
                ids.append(id)
            }
            if expired { ids += store.state.casesPastRetention(on: ProgramClock.current.today()).map(\.id) }
            ids = Array(Set(ids)).sorted().filter { store.state.case($0)?.purgedOn == nil }
            guard !ids.isEmpty else {
                print("Nothing to purge.")
                return
            }
            for id in ids { try perform(.purgeCase(id), in: store) }
            // The log still holds the purged data in earlier records: rewrite the store without it.
            try store.compact()
            store.removeSetAsideFiles()
            print("Purged the personal data of \(ids.map(\.description).joined(separator: ", ")); the store was rewritten without it.")
        }
    }
}
