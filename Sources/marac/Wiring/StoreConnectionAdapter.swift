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

    /// Damage met while following another writer: the screen shows the store as it was before
    /// it, and says so rather than following on in silence.
    private var followFailure: String?
    /// The last compaction failure told, so a failing disk is told once, not every few seconds.
    private var compactionFailureTold: String?
    /// The writer this screen last saw, to name when it has gone.
    private var lastWriter: LockHolder?

    var writeStatus: WriteStatus {
        if store.isWritable { return .writable }
        if followFailure != nil { return .readOnly("the store's files are damaged (see the message; marac verify names the place)") }
        if case .reader = store.access, let holder = store.currentWriter() {
            if !holder.named { return .readOnly("process \(holder.pid) (Unix account \(holder.user)) is writing") }
            return .readOnly("\(holder.user) is writing (pid \(holder.pid), since \(holder.sinceLocally))")
        }
        return .readOnly(store.readOnlyReason)
    }

    func save(_ change: Change) throws {
        try store.append(change)
    }

    /// Under the store's lock: others' changes taken in, the command decided against them,
    /// saved and flushed.
    func save(deciding decide: (MARACState) throws -> Change) throws -> Change {
        do {
            return try store.save(deciding: decide).change
        } catch let refused as Store.Refusal {
            throw refused.meanwhile.isEmpty ? refused.underlying : RefusedMeanwhile(refusal: refused.underlying, meanwhile: refused.meanwhile.others)
        }
    }

    /// Follows the writer; when it has gone, this screen takes the lock and can save (saying
    /// so, with whatever opening for writing set right); damage is told once and stops the
    /// following.
    func poll() -> StoreNews {
        guard followFailure == nil else { return StoreNews() }
        var news = StoreNews()
        if store.lockPerChange {
            // A screen that writes between others: take in what they saved.
            let seen = store.notices.count
            do throws(StoreError) {
                news.stateChanged = try store.follow() > 0
            } catch {
                followFailure = error.message
                news.message = "Stopped following the store: \(error.message) What is on screen is the store as it was before this; "
                    + "quit, and run marac verify."
                news.alert = true
            }
            let repaired = store.notices.dropFirst(seen).joined(separator: " ")
            if !repaired.isEmpty { news.message = repaired }
            return news
        }
        guard case .reader(let holder) = store.access else { return news }
        if let writer = store.currentWriter() { lastWriter = writer } else if lastWriter == nil { lastWriter = holder }
        let writer = lastWriter
        do throws(StoreError) {
            news.stateChanged = try store.follow() > 0
            let seen = store.notices.count
            if try store.takeOverWriting() {
                news.stateChanged = true
                let repaired = store.notices.dropFirst(seen).joined(separator: " ")
                news.message = (writer.map { $0.named ? "\($0.user) has closed the store" : "The process that was writing has ended" }
                                ?? "The store is free") + "; this screen can save changes now." + (repaired.isEmpty ? "" : " " + repaired)
            }
        } catch {
            followFailure = error.message
            news.message = "Stopped following the store: \(error.message) What is on screen is the store as it was before this; "
                + "quit, and run marac verify."
            news.alert = true
        }
        return news
    }

    func idle() -> String? {
        var failure = store.compactionFailure
        do throws(StoreError) {
            if try store.compactIfNeeded() { failure = nil }
        } catch {
            failure = error.message
        }
        // A moment without keys: the next screen to open shows what needs attention at once.
        store.keepOpeningSummary()
        guard let failure else { compactionFailureTold = nil; return nil }
        guard compactionFailureTold != failure else { return nil }
        compactionFailureTold = failure
        return "Compacting the store failed: \(failure) Every change is still saved in the log; marac tries again later."
    }

    func checkPassphrase(_ passphrase: [UInt8]) -> Bool {
        store.checkPassphrase(passphrase)
    }

    func writeExport(_ text: String, named name: String, recording record: () throws -> Void) throws -> String {
        let expanded = StoreOptions().expand(name)
        let path = expanded.hasPrefix("/") ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
        do {
            try PrivateFile.write(text, to: path)
        } catch {
            throw ExportError(message: error.message.replacingOccurrences(of: ", or add --force to replace it", with: ""))
        }
        do { try record() } catch {
            PrivateFile.withdraw(path)
            throw error
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
