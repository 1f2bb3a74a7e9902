import Foundation
import MARACCore
import MARACStore

/// Writing an export: personal data leaving the encrypted store. Who may take it out is
/// decided first (the core's rule for the export's command); the file is then created new,
/// readable by its owner only (0600), written whole and named; and only once it is in place is
/// the export recorded in the audit trail. An export that fails is recorded as a failure; one
/// whose recording fails is removed again, so no file outlives a missing line.
enum ExportFile {
    /// `notice` says what the file holds when it is not personal data (a calendar); nil gives
    /// the warning for personal data.
    static func write(_ text: String, to path: String, what: String, cases: [CaseID], notice: String?, force: Bool,
                      store: Store) throws {
        try write(bytes: Array(text.utf8), to: path, what: what, cases: cases, notice: notice, force: force, store: store)
    }

    static func write(bytes: [UInt8], to path: String, what: String, cases: [CaseID], notice: String?, force: Bool,
                      store: Store) throws {
        let change = try decide(.recordExport(what: what, cases: cases), in: store)
        try place(bytes, at: path, what: what, cases: cases, force: force, store: store)
        do {
            try store.append(change)
        } catch {
            PrivateFile.withdraw(path)
            throw CommandFailure(message: "the \(what) was written to \(path), but the export could not be recorded in the audit "
                                     + "trail (\(error)); the file was removed again, and nothing left the store", code: 1)
        }
        printError("marac: wrote \(what) to \(path) (readable by you only). " + (notice ?? warning) + " The export is recorded in the audit trail.")
    }

    /// Puts the file in place, or records in the audit trail that the export failed and why.
    static func place(_ bytes: [UInt8], at path: String, what: String, cases: [CaseID], force: Bool, store: Store?) throws {
        do {
            try PrivateFile.write(bytes: bytes, to: path, replacing: force)
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
    static func print(_ text: String, what: String, cases: [CaseID], notice: String?, store: Store) throws {
        try print(bytes: Array(text.utf8), what: what, cases: cases, notice: notice, store: store)
    }

    static func print(bytes: [UInt8], what: String, cases: [CaseID], notice: String?, store: Store) throws {
        try perform(.recordExport(what: what, cases: cases), in: store)
        FileHandle.standardOutput.write(Data(bytes))
        if notice == nil && isatty(STDOUT_FILENO) == 0 {
            printError("marac: the \(what) written to standard output holds personal data outside the encrypted store. The export is recorded in the audit trail.")
        }
    }

    static let warning = "It holds personal data outside the encrypted store: send it only by secure email and delete it when it is no longer needed."
}
