import CStoreSupport
import Foundation
import MARACStore

/// Where passphrases come from: the file named by `MARAC_PASSPHRASE_FILE` (for scripts), else a
/// prompt at the terminal that does not echo. Never the command line, where `ps` and shell
/// history would show it.
enum Passphrases {
    static let fileVariable = "MARAC_PASSPHRASE_FILE"
    static let newFileVariable = "MARAC_NEW_PASSPHRASE_FILE"

    /// The signed-in user's passphrase.
    static func current(for user: String) throws -> [UInt8] {
        if let file = ProcessInfo.processInfo.environment[fileVariable], !file.isEmpty {
            return try read(file: file, variable: fileVariable)
        }
        return try prompt("Passphrase for \(user): ")
    }

    /// A new passphrase (a new user's, or a changed one): from `MARAC_NEW_PASSPHRASE_FILE`, else
    /// asked twice at the terminal.
    static func new(for user: String) throws -> [UInt8] {
        if let file = ProcessInfo.processInfo.environment[newFileVariable], !file.isEmpty {
            return try check(try read(file: file, variable: newFileVariable), user: user)
        }
        let first = try prompt("New passphrase for \(user) (three or four random words): ")
        if let refusal = PassphrasePolicy.refusal(first, user: user) { throw StoreError.noPassphrase(refusal + " Nothing was changed.") }
        let second = try prompt("Type it again: ")
        guard first == second else { throw StoreError.noPassphrase("The two passphrases differ; nothing was changed.") }
        return first
    }

    /// The passphrase, or a refusal saying why it will not do and how to choose one.
    static func check(_ passphrase: [UInt8], user: String) throws -> [UInt8] {
        if let refusal = PassphrasePolicy.refusal(passphrase, user: user) { throw StoreError.noPassphrase(refusal + " Nothing was changed.") }
        return passphrase
    }

    static func read(file: String, variable: String) throws -> [UInt8] {
        var st = stat()
        guard stat(file, &st) == 0 else {
            throw StoreError.noPassphrase("\(variable) names \(file), which cannot be read: \(String(cString: strerror(errno))).")
        }
        guard st.st_mode & 0o077 == 0 else {
            throw StoreError.noPassphrase("\(file) (named by \(variable)) can be read by other users; run: chmod 600 \(file)")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw StoreError.noPassphrase("\(variable) names \(file), which cannot be read.")
        }
        var bytes = Array(data)
        if bytes.last == 0x0A { bytes.removeLast() }
        if bytes.last == 0x0D { bytes.removeLast() }
        guard !bytes.isEmpty else { throw StoreError.noPassphrase("\(file) (named by \(variable)) is empty.") }
        return bytes
    }

    static func prompt(_ text: String) throws -> [UInt8] {
        var buffer = [CChar](repeating: 0, count: 1024)
        let n = marac_read_passphrase(text, &buffer, buffer.count)
        if n == -1 {
            throw StoreError.noPassphrase("No passphrase: there is no terminal to ask at. Set \(fileVariable) to a file that holds it (mode 600).")
        }
        guard n >= 0 else { throw StoreError.noPassphrase("No passphrase was entered.") }
        let bytes = buffer.prefix(Int(n)).map { UInt8(bitPattern: $0) }
        for i in buffer.indices { buffer[i] = 0 }
        return bytes
    }
}
