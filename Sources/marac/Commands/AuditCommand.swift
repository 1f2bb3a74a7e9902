import ArgumentParser
import MARACCore
import MARACStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List who saw or changed what, and when.",
        discussion: "Every change (with the command that made it and the record it was about), every case opened on screen, every export and every purge, and every change to who may open the store (users added, removed, given another role, passphrases changed).")

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .customLong("case"), help: "Only what concerns this case (C-0042): its referral, its actions, views and exports.")
    var caseID: String?

    @Option(name: .customLong("by"), help: "Only what this user did.")
    var by: String?

    func run() throws {
        try reporting("audit") {
            let store = try storeOptions.open(.readOnly)
            defer { store.close() }
            let state = store.state
            var filterCase: CaseID?
            if let caseID {
                guard let id = CaseID(parsing: caseID), state.case(id) != nil else {
                    throw CommandFailure(message: "there is no case \(caseID)", code: 1)
                }
                filterCase = id
            }
            let lines = AuditListing(state: state, caseID: filterCase, user: by).lines()
            for line in lines { print(line) }
            if lines.isEmpty { printError("marac audit: nothing recorded matches.") }
        }
    }
}

/// The audit trail as lines of text, oldest first.
struct AuditListing {
    let state: MARACState
    let caseID: CaseID?
    let user: String?

    func concerns(_ record: RecordKey?) -> Bool {
        guard let caseID else { return true }
        switch record {
        case .case(let c)?: return c == caseID
        case .referral(let r)?: return state.case(caseID)?.referral == r
        case .action(let a)?: return state.action(a)?.caseID == caseID
        default: return false
        }
    }

    func lines() -> [String] {
        var rows: [(Instant, String)] = []
        let journal = state.journal
        for i in 0..<journal.count {
            let e = journal[i]
            if let user, e.stamp.actor != user { continue }
            // Views, exports and purges are listed from the audit entries, with their detail.
            if e.command == .recordCaseViewed || e.command == .recordExport || e.command == .purgeCase || e.command == .changeAccess
                || e.command == .recordExportFailed { continue }
            guard concerns(e.record) else { continue }
            rows.append((e.stamp.at, "\(e.stamp.at.isoMinute)  \(e.stamp.actor.padded(12))  \((e.command?.label ?? "change").padded(28))  \(e.record?.description ?? "")"))
        }
        for a in state.audit {
            if let user, a.stamp.actor != user { continue }
            if let caseID, !a.caseIDs.contains(caseID) { continue }
            let what: String
            switch a.kind {
            case .caseViewed(let c): what = "viewed".padded(28) + "  \(c)"
            case .exported(let name, let cases): what = "exported \(name)".padded(28) + "  \(cases.count) case\(cases.count == 1 ? "" : "s")"
            case .purged(let c): what = "purged personal data".padded(28) + "  \(c)"
            case .access(let change): what = CommandKind.changeAccess.label.padded(28) + "  " + change.description
            case .exportFailed(let name, let cases, let reason):
                what = "export failed: \(name)".padded(28) + "  \(cases.count) case\(cases.count == 1 ? "" : "s"), not written: \(reason)"
            }
            rows.append((a.stamp.at, "\(a.stamp.at.isoMinute)  \(a.stamp.actor.padded(12))  \(what)"))
        }
        return rows.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
