import Crypto
import Foundation
import MARACCore

/// The opening summary beside the store (`opening.bin`): what the first screen shows, as of the
/// log's end when a writer let the store go, so the screen can show it while the whole store is
/// read. It is a copy, never the record: it is used only when the log is the very file and
/// length it was made from, and the whole store is still read, checked and shown after it.
///
/// Layout: magic `MARACOPN` (8), format version (u32), key epoch (u32), snapshot generation
/// (u64), the log's inode (u64) and length (u64), the sequence of its last change (u64); then
/// the summary sealed with AES-256-GCM under its own key (random 12-byte nonce, ciphertext,
/// tag), the 48 bytes before it and the store id authenticated with it.
extension Store {
    static let openingSummaryName = "opening.bin"
    static let openingMagic: [UInt8] = Array("MARACOPN".utf8)
    static let openingVersion: UInt32 = 1
    static let openingHeaderSize = 48

    var openingSummaryPath: String { path + "/" + Self.openingSummaryName }

    /// Writes the summary of the state as of the log's end, unless the one there already is. A
    /// copy for speed only: when it cannot be written, the next screen reads the store whole, as
    /// it would without one, so a failure is not an error anyone has to act on. Called when a
    /// writer lets the store go, after a compaction, and by a screen when it has been idle a
    /// moment (so a second screen opened while the first still runs finds one too).
    public func keepOpeningSummary() {
        guard access == .writer, failure == nil, let identity = logIdentity else { return }
        // Another screen may have saved since this one last caught up: its summary, or none,
        // rather than one of an older state.
        var st = stat()
        guard stat(logPath, &st) == 0, UInt64(st.st_ino) == identity.inode, st.st_size == logEnd else { return }
        let header = Self.openingHeader(epoch: self.header.keyEpoch, generation: generation, logInode: identity.inode,
                                        logLength: UInt64(logEnd), sequence: sequence)
        if let existing = try? PosixFile.openForReading(openingSummaryPath),
           let head = try? existing.read(at: 0, count: Self.openingHeaderSize), head == header { return }
        var w = BinaryWriter(capacity: 4096)
        w.write(state.openingSummary(on: clock.today()))
        let sealed = keyring.seal(w.bytes, key: keyring.openingKey(epoch: self.header.keyEpoch),
                                  authenticating: Self.openingAdditionalData(storeID: keyring.storeID, header: header))
        try? FileSystem.replaceAtomically(openingSummaryPath, with: header + sealed, on: disk)
    }

    static func openingHeader(epoch: Int, generation: UInt64, logInode: UInt64, logLength: UInt64, sequence: UInt64) -> [UInt8] {
        var b = openingMagic
        b.appendLE(openingVersion)
        b.appendLE(UInt32(epoch))
        b.appendLE(generation)
        b.appendLE(logInode)
        b.appendLE(logLength)
        b.appendLE(sequence)
        return b
    }

    static func openingAdditionalData(storeID: [UInt8], header: [UInt8]) -> [UInt8] {
        Array("marac-opening-v1".utf8) + storeID + header
    }

    /// The summary in `dir`, when it was made from the log as it is now (the same file, the same
    /// length, after the same snapshot) and opens under a key this user holds; nil otherwise
    /// (none yet, made before a later change or compaction, damaged, or of another version).
    static func readOpeningSummary(_ dir: String, keyring: Keyring) -> OpeningSummary? {
        guard let file = try? PosixFile.openForReading(dir + "/" + openingSummaryName),
              let bytes = try? file.readAll(), bytes.count > openingHeaderSize + 28 else { return nil }
        let head = Array(bytes[0..<openingHeaderSize])
        let epoch = head.withBytes { Int($0.le32(12)) }
        let (generation, inode, length) = head.withBytes { ($0.le64(16), $0.le64(24), $0.le64(32)) }
        guard Array(head[0..<8]) == openingMagic, head.withBytes({ $0.le32(8) }) == openingVersion, keyring.hasKey(epoch: epoch) else { return nil }
        var st = stat()
        guard stat(dir + "/" + logName, &st) == 0, UInt64(st.st_ino) == inode, UInt64(st.st_size) == length,
              let snapshot = try? PosixFile.openForReading(dir + "/" + snapshotName),
              let snapshotHead = try? SnapshotFormat.header(of: try snapshot.read(at: 0, count: SnapshotFormat.headerSize), path: dir),
              snapshotHead.generation == generation,
              let plain = keyring.open(bytes[openingHeaderSize...], key: keyring.openingKey(epoch: epoch),
                                       authenticating: openingAdditionalData(storeID: keyring.storeID, header: head)) else { return nil }
        return try? BinaryReader.decode(OpeningSummary.self, from: [UInt8](plain), version: MARACState.snapshotFormatVersion - 1)
    }
}
