import MARACCore

/// Files put back from before a compaction, told apart from a compaction that stopped part way.
///
/// A compaction writes the snapshot, then the log, then records itself in `store.json` (its
/// last step). So a stopped compaction leaves a snapshot one generation past the record, and a
/// log either of the record's generation or of the snapshot's and still empty: nothing is
/// appended before the record is written. Anything else that disagrees with the record was put
/// back from an earlier copy, and is refused rather than "finished", which would drop every
/// change saved since.
extension Store {
    static func checkAgainstRecord(_ recorded: StoreHeader.Compaction?, snapshot: SnapshotFormat.Header, log: LogTailReader.Tail,
                                   dir: String) throws(StoreError) {
        // A header sealed before the record existed: its first writer records it.
        guard let recorded else { return }
        let snapshotPath = dir + "/" + snapshotName
        let logPath = dir + "/" + logName
        if snapshot.generation < recorded.generation {
            throw .corrupt(path: snapshotPath, offset: 16,
                           reason: "it is of generation \(snapshot.generation), older than the compaction to generation "
                               + "\(recorded.generation) that store.json records as finished: an earlier copy of snapshot.bin "
                               + "was put back (a rollback)")
        }
        if snapshot.generation == recorded.generation {
            guard snapshot.sequence == recorded.sequence, Chain.hex(snapshot.chainHead) == recorded.chainHead else {
                throw .corrupt(path: snapshotPath, offset: 24,
                               reason: "it is not the snapshot store.json records for generation \(recorded.generation) "
                                   + "(written at change \(recorded.sequence)): it was replaced")
            }
            if log.generation < snapshot.generation {
                throw .corrupt(path: logPath, offset: 16,
                               reason: "it is of generation \(log.generation), from before the compaction to generation "
                                   + "\(recorded.generation) that store.json records as finished: an earlier copy of log.bin was "
                                   + "put back (a rollback), and the changes saved since that compaction are not in it")
            }
            return
        }
        if snapshot.generation == recorded.generation + 1 {
            let saved = log.scan.records.count
            if log.generation == snapshot.generation && saved > 0 {
                throw .headerTampered(path: dir, reason: "it records generation \(recorded.generation), but the snapshot and the "
                    + "log beside it are of generation \(snapshot.generation), with \(saved) "
                    + (saved == 1 ? "change" : "changes") + " saved after that compaction finished: an earlier copy of store.json was put back")
            }
            return
        }
        throw .headerTampered(path: dir, reason: "it records generation \(recorded.generation), but snapshot.bin is of generation "
            + "\(snapshot.generation): an earlier copy of store.json was put back")
    }
}
