import Crypto
import Foundation
import MARACCore

/// What a writer repairs on opening: a torn tail cut off and kept aside, an interrupted
/// compaction finished, temporary files removed, an older header seal renewed.
extension Store {
    struct PendingRepair {
        var logGeneration: UInt64
        var logEpoch: Int
        var ending: LogFormat.Ending
        var logBytes: [UInt8]
        var changes: [(UInt64, Change)]
    }

    /// What only a writer may do on opening: set a torn tail aside and cut it off, finish an
    /// interrupted compaction, remove temporary files left by a crash, and record the snapshot
    /// in `store.json` (sealing a header of an older marac anew).
    func repairForWriting() throws(StoreError) {
        for name in FileSystem.list(path) where name.hasSuffix(".tmp") {
            FileSystem.remove(path + "/" + name, on: disk)
        }
        if let repair = pendingRepair {
            pendingRepair = nil
            try repairLog(repair)
        }
        try recordCompaction()
    }

    private func repairLog(_ repair: PendingRepair) throws(StoreError) {
        if case .incomplete(let offset, let count) = repair.ending {
            let stamp = clock.now().iso8601.replacingOccurrences(of: ":", with: "")
            let aside = "\(logPath).torn-\(stamp)-at-\(offset)"
            try FileSystem.replaceAtomically(aside, with: Array(repair.logBytes[offset...]), on: disk)
            let file = try PosixFile.open(logPath, .readWrite, on: disk)
            try file.truncate(to: offset)
            try file.sync()
            file.close()
            notices.append(Self.tornTailNotice(bytes: count, offset: offset, keptIn: aside))
        }
        if repair.logGeneration != generation || repair.logEpoch != header.keyEpoch {
            // Finish an interrupted compaction: a log of this generation and key epoch holding
            // the changes the snapshot does not.
            try writeFreshLog(with: repair.changes)
            notices.append("A compaction had been interrupted; it was completed.")
        }
    }

    /// The snapshot in place, as `store.json` records it: written after every compaction (its
    /// last step), and by the first writer of a store whose header does not yet record it.
    var compactionRecord: StoreHeader.Compaction {
        StoreHeader.Compaction(generation: generation, sequence: snapshotSequence, chainHead: Chain.hex(snapshotChainHead))
    }

    /// Seals the compaction record into `store.json` when it is not already there.
    func recordCompaction() throws(StoreError) {
        guard header.recordedCompaction != compactionRecord else { return }
        header.compaction = compactionRecord
        header.sign(with: keyring)
        try header.write(in: path, on: disk)
    }

    /// What setting an unfinished tail aside means, claiming no more than is known: the bytes
    /// are a prefix of a record, which a save stopped part way leaves (and which was then never
    /// confirmed), but which a file cut short by hand or by a failing disk leaves too.
    static func tornTailNotice(bytes count: Int, offset: Int, keptIn aside: String) -> String {
        "The log ended with \(count) bytes at byte \(offset) that do not form a whole change. A save stopped part way "
            + "(marac or the machine stopped while writing it) leaves this, and marac never confirms such a save; a log "
            + "cut short by something else leaves it too. They were set aside in \(aside) (still encrypted), and every "
            + "whole change before them is in the store."
    }

    /// A user was removed but the data key they could open was not yet replaced (the process
    /// stopped between the two): replace it now, before anything else is written under it.
    func finishPendingRotation() throws(StoreError) {
        guard header.rotationPending else { return }
        try compact()
        notices.append("A user had been removed but the store's data key not yet replaced (marac stopped in between); "
            + "it has been replaced now, so the removed user's key opens nothing.")
    }

    /// Replaces the log with one of the current generation and key epoch, holding `changes`
    /// re-sealed, chained from the snapshot's head.
    func writeFreshLog(with changes: [(UInt64, Change)]) throws(StoreError) {
        var bytes = LogFormat.header(generation: generation, epoch: header.keyEpoch)
        var chain = snapshotChainHead
        for (seq, change) in changes {
            let (framed, next) = seal(change, sequence: seq, previous: chain, epoch: header.keyEpoch)
            bytes += framed
            chain = next
        }
        log?.close()
        try FileSystem.replaceAtomically(logPath, with: bytes, on: disk)
        logEnd = bytes.count
        logEpoch = header.keyEpoch
        chainHead = chain
    }

    /// Removes the bytes set aside from torn tails: after a purge they may hold the purged data.
    public func removeSetAsideFiles() {
        for name in FileSystem.list(path) where name.hasPrefix(Self.logName + ".torn-") { FileSystem.remove(path + "/" + name, on: disk) }
    }
}
