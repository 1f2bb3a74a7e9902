import Foundation
import MARACCore
import MARACStore

/// Writing an export: personal data leaving the encrypted store. Who may take it out is
/// decided first (the core's rule for the export's command); the file is then created new,
/// readable by its owner only (0600), written whole and named; and only once it is in place is
/// the export recorded in the audit trail. An export that fails is recorded as a failure; one
/// whose recording fails is removed again, so no file outlives a missing line.
enum ExportFile {
    static func write(_ text: String, to path: String, what: String, cases: [CaseID], personal: Bool, force: Bool,
                      store: Store) throws {
        let change = try decide(.recordExport(what: what, cases: cases), in: store)
        try place(text, at: path, what: what, cases: cases, force: force, store: store)
        do {
            try store.append(change)
        } catch {
            PrivateFile.withdraw(path)
            throw CommandFailure(message: "the \(what) was written to \(path), but the export could not be recorded in the audit "
                                     + "trail (\(error)); the file was removed again, and nothing left the store", code: 1)
        }
        printError("marac: wrote \(what) to \(path) (readable by you only). " + (personal ? warning : "It names no one, but keep it within the partnership.") + " The export is recorded in the audit trail.")
    }

    /// Puts the file in place, or records in the audit trail that the export failed and why.
    static func place(_ text: String, at path: String, what: String, cases: [CaseID], force: Bool, store: Store?) throws {
        do {
            try PrivateFile.write(text, to: path, replacing: force)
        } catch {
            if let store { recordFailure(what: what, cases: cases, reason: error.message, in: store) }
            throw CommandFailure(message: error.message, code: 1)
        }
    }

    /// An export that was not written is recorded as such; if even that cannot be saved, it
    /// is said on standard error rather than dropped.
    static func recordFailure(what: String, cases: [CaseID], reason: String, in store: Store) {
        do {
            try perform(.recordExportFailed(what: what, cases: cases, reason: reason), in: store)
        } catch {
            printError("marac: the failed export could not be recorded in the audit trail either (\(error)).")
        }
    }

    /// Output to standard output: recorded first, since it cannot be taken back once printed.
    static func print(_ text: String, what: String, cases: [CaseID], personal: Bool, store: Store) throws {
        try perform(.recordExport(what: what, cases: cases), in: store)
        FileHandle.standardOutput.write(Data(text.utf8))
        if personal && isatty(STDOUT_FILENO) == 0 {
            printError("marac: the \(what) written to standard output holds personal data outside the encrypted store. The export is recorded in the audit trail.")
        }
    }

    static let warning = "It holds personal data outside the encrypted store: send it only by secure email and delete it when it is no longer needed."
}
