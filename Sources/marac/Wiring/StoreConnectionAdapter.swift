import Foundation
import MARACCore
import MARACStore
import MARACTUI

/// Connects the screen to the file store: the session's changes are appended (and flushed)
/// here, other writers' changes are followed, and quiet moments are used for compaction.
final class StoreConnectionAdapter: StoreConnection {
    let store: Store
    let name: String
    private(set) var notices: [String]

    init(store: Store, displayName: String) {
        self.store = store
        self.name = displayName
        self.notices = store.notices
    }

    var state: MARACState { store.state }

    var writeStatus: WriteStatus {
        if store.isWritable { return .writable }
        if case .reader = store.access, let holder = store.currentWriter() {
            return .readOnly("\(holder.user) is writing (pid \(holder.pid), since \(holder.since))")
        }
        return .readOnly(store.readOnlyReason)
    }

    func save(_ change: Change) throws {
        try store.append(change)
    }

    func poll() -> Bool {
        ((try? store.follow()) ?? 0) > 0
    }

    func idle() {
        _ = try? store.compactIfNeeded()
    }

    func checkPassphrase(_ passphrase: [UInt8]) -> Bool {
        store.checkPassphrase(passphrase)
    }

    func writeExport(_ text: String, named name: String) throws -> String {
        let expanded = StoreOptions().expand(name)
        let path = expanded.hasPrefix("/") ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
        do {
            try ExportFile.place(text, at: path) {}
        } catch let failure as CommandFailure {
            throw ExportError(message: failure.message)
        }
        return path
    }
}

struct ExportError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Shortens a path under the home folder to `~/...` for the status bar.
func displayPath(_ path: String) -> String {
    if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty, path.hasPrefix(home + "/") {
        return "~" + path.dropFirst(home.count)
    }
    return path
}
