import Foundation
import MARACCore
import MARACStore

/// Writing an export: personal data leaving the encrypted store. The file is created 0600
/// (readable by its owner only), written whole under a temporary name, flushed, recorded in
/// the audit trail, and only then given its name: a file exists under the name asked for only
/// if its export was recorded, and never half-written.
enum ExportFile {
    static func write(_ text: String, to path: String, what: String, cases: [CaseID], personal: Bool, store: Store) throws {
        try place(text, at: path) {
            try perform(.recordExport(what: what, cases: cases), in: store)
        }
        printError("marac: wrote \(what) to \(path) (readable by you only). " + (personal ? warning : "It names no one, but keep it within the partnership.") + " The export is recorded in the audit trail.")
    }

    /// Writes the file under a temporary name (0600), flushes it, runs `beforeNaming` (which
    /// records the export; if it throws, the file is removed), then renames it into place.
    static func place(_ text: String, at path: String, beforeNaming: () throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure(message: "cannot write \(path): the folder \(directory) does not exist", code: 1)
        }
        try PrivateFile.write(text, to: url.path, beforeNaming: beforeNaming)
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
