import ArgumentParser
import MARACCore
import MARACExchange
import MARACStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one record whole.",
        subcommands: [ShowCaseCommand.self])
}

struct ShowCaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "One case whole: people, referral, every meeting's information and risks, actions, history.",
        discussion: """
            Lines recorded in error are shown, marked, as on screen. Opening a case is recorded \
            in the audit trail as it is on screen; when another user holds the store's write lock \
            the case is still shown and marac says that this viewing could not be recorded.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "The case (C-0081), its referral (R-0042) or the referral's reference.")
    var record: String

    @Option(name: .long, help: "text (default) or json.")
    var format: ShowFormat = .text

    enum ShowFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        try reporting("show case") {
            let store: Store
            var recorded = true
            do {
                store = try storeOptions.openForWriting(wait: 1)
            } catch StoreError.locked(_, let holder) {
                store = try storeOptions.open(.readOnly)
                recorded = false
                printError("marac show case: \(holder.map { "\($0.user)" } ?? "another user") holds the store's write lock, so this viewing is not recorded in the audit trail.")
            } catch StoreError.readOnly(let reason) {
                store = try storeOptions.open(.readOnly)
                recorded = false
                printError("marac show case: the store cannot be written (\(reason)), so this viewing is not recorded in the audit trail.")
            }
            defer { store.close() }
            try RolePolicy.require(RolePolicy.readPersonalData, for: "marac show case", store.actor)
            let file: CaseFile
            do throws(CaseFile.Failure) {
                file = try CaseFile(state: store.state, naming: record, today: ProgramClock.current.today())
            } catch {
                throw CommandFailure(message: error.description, code: 1)
            }
            if recorded { try perform(.recordCaseViewed(file.caseValue.id), in: store) }
            print(format == .json ? file.json() : file.document().rendered(as: .text), terminator: "")
        }
    }
}
