import Crypto
import Foundation
import MARACCore

/// `store.json`: marks a folder as a marac store, and holds its users, their roles and their
/// key slots. Plain JSON, so a person can see who has access; authenticated with a key derived
/// from the data key (the `mac`), so nobody without a key slot can change a role or add a user.
struct StoreHeader: Codable, Equatable {
    var format: String
    var version: Int
    /// 32 hex digits, random: bound into every record and chunk, so parts of two stores never mix.
    var id: String
    var created: String
    var cipher: String
    /// The epoch of the data key new records are sealed with.
    var keyEpoch: Int
    /// A user was removed: the next compaction makes a new data key.
    var rotationPending: Bool
    var users: [KeySlot]
    /// The snapshot the last finished compaction wrote: with it a log or snapshot put back from
    /// before that compaction is refused as a rollback rather than taken for an unfinished
    /// compaction. Counted only under the seal that covers it (``recordedCompaction``).
    var compaction: Compaction?
    /// Which bytes `mac` covers: ``sealScheme``, or nil in stores sealed before it existed
    /// (over Foundation's JSON of the header), which are read still and sealed anew on the
    /// first opening for writing.
    var seal: String?
    var mac: String
    /// CRC32C of the sealed bytes and the `mac`, unkeyed: damage to any byte is told as damage
    /// before anyone's passphrase is tried, rather than as a wrong passphrase or an unknown user
    /// (which a changed salt or user name would otherwise look like). Not a defence against
    /// someone who recomputes it: the seal is. Nil in headers written before 2026-12-06.
    var check: String?

    static let formatName = "marac-store"
    static let currentVersion = 2
    static let fileName = "store.json"
    static let cipherName = "AES-256-GCM"
    /// The seal new headers get: v1's fields and the compaction record.
    static let sealScheme = "marac-header-seal-v2"
    /// Headers sealed before the compaction record existed; read, and sealed anew by the first writer.
    static let sealSchemeV1 = "marac-header-seal-v1"

    /// A finished compaction: the generation, sequence and chain head of the snapshot it wrote.
    struct Compaction: Codable, Equatable {
        var generation: UInt64
        var sequence: UInt64
        /// 64 hex digits.
        var chainHead: String
    }

    /// The compaction record, when the seal covers it.
    var recordedCompaction: Compaction? { seal == Self.sealScheme ? compaction : nil }

    static func new(created: Instant) -> StoreHeader {
        StoreHeader(format: formatName, version: currentVersion, id: randomBytes(16).map { hex2($0) }.joined(),
                    created: created.iso8601, cipher: cipherName, keyEpoch: 1,
                    rotationPending: false, users: [], compaction: nil, seal: sealScheme, mac: "", check: nil)
    }

    var idBytes: [UInt8] { Array(id.utf8) }

    func slot(for user: String) -> KeySlot? { users.first { $0.user == user } }

    /// The bytes the MAC covers (Docs/storage-format.md): the scheme's name, then every field
    /// in a fixed order as text, each preceded by its UTF-8 length as a little-endian u32.
    /// Another program can build them from the JSON without reproducing any JSON encoder.
    func sealedBytes(scheme: String = sealScheme) -> [UInt8] {
        var out: [UInt8] = []
        func field(_ text: String) {
            let bytes = Array(text.utf8)
            out.appendLE(UInt32(bytes.count))
            out += bytes
        }
        field(scheme)
        for text in [format, String(version), id, created, cipher, String(keyEpoch), rotationPending ? "true" : "false",
                     String(users.count)] { field(text) }
        for slot in users {
            for text in [slot.user, slot.role.rawValue, slot.added, slot.kdf.algorithm, String(slot.kdf.logN), String(slot.kdf.r),
                         String(slot.kdf.p), slot.salt, slot.publicKey, slot.privateKey, String(slot.dataKeys.count)] { field(text) }
            for key in slot.dataKeys {
                for text in [String(key.epoch), key.ephemeralPublicKey, key.sealed] { field(text) }
            }
        }
        if scheme == Self.sealScheme {
            for text in [compaction.map { String($0.generation) } ?? "", compaction.map { String($0.sequence) } ?? "",
                         compaction?.chainHead ?? ""] { field(text) }
        }
        return out
    }

    /// What stores sealed before ``sealScheme`` covered: Foundation's JSON of the header with an
    /// empty `mac`, keys sorted. Only ever checked, never written.
    func legacySealedBytes() -> [UInt8] {
        var copy = self
        copy.mac = ""
        copy.seal = nil
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array((try? encoder.encode(copy)) ?? Data())
    }

    mutating func sign(with keyring: Keyring) {
        seal = Self.sealScheme
        mac = Data(HMAC<SHA256>.authenticationCode(for: sealedBytes(), using: keyring.macKey(epoch: keyEpoch))).base64EncodedString()
        check = computedCheck
    }

    /// What ``check`` should say of the header as it is.
    var computedCheck: String {
        var crc = CRC32C.checksum(sealedBytes(scheme: seal ?? Self.sealScheme))
        crc = Array(mac.utf8).withUnsafeBytes { CRC32C.checksum($0, extending: crc) }
        return String(crc, radix: 16).leftPadded8
    }

    func verify(with keyring: Keyring, path: String) throws(StoreError) {
        let input: [UInt8]
        switch seal {
        case nil: input = legacySealedBytes()
        case Self.sealScheme?: input = sealedBytes()
        case Self.sealSchemeV1?: input = sealedBytes(scheme: Self.sealSchemeV1)
        case let other?:
            throw .notAStore(path: path, reason: "its header is sealed as \"\(other)\", which this marac does not know; use a newer marac")
        }
        guard let expected = Data(base64Encoded: mac),
              HMAC<SHA256>.isValidAuthenticationCode(expected, authenticating: input, using: keyring.macKey(epoch: keyEpoch)) else {
            throw .headerTampered(path: path, reason: "its users, roles or keys do not match its seal")
        }
        guard version == Self.currentVersion else {
            throw .notAStore(path: path, reason: "it is in store format \(version), and this marac reads format \(Self.currentVersion)")
        }
    }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Array((try? encoder.encode(self)) ?? Data()) + [0x0A]
    }

    static func read(in directory: String) throws(StoreError) -> StoreHeader {
        let path = directory + "/" + fileName
        let create = "create one there with marac init --store \(directory) (for a real MARAC), or try marac on invented data "
            + "with marac demo"
        guard FileSystem.isDirectory(directory) else {
            throw .notAStore(path: directory, reason: FileSystem.exists(directory) ? "it is not a folder" : "the folder does not exist; " + create)
        }
        guard FileSystem.exists(path) else {
            throw .notAStore(path: directory, reason: "it has no \(fileName); " + create)
        }
        let bytes = try PosixFile.openForReading(path).readAll()
        struct Probe: Decodable { var format: String?; var version: Int? }
        // Beside a snapshot or a log, a store.json that does not read is a damaged store, not a
        // folder that was never one.
        let besideData = FileSystem.exists(directory + "/snapshot.bin") || FileSystem.exists(directory + "/log.bin")
        guard let probe = try? JSONDecoder().decode(Probe.self, from: Data(bytes)), probe.format == formatName else {
            if besideData { throw .headerTampered(path: directory, reason: "it cannot be read as a store header") }
            throw .notAStore(path: directory, reason: "\(fileName) is not a marac store description")
        }
        do {
            // A version this marac does not write is judged once the seal is checked: under a
            // good seal it is a newer store; under a broken one, a changed field.
            let header = try JSONDecoder().decode(StoreHeader.self, from: Data(bytes))
            if let check = header.check, check != header.computedCheck {
                if let seal = header.seal, seal != sealScheme, seal != sealSchemeV1 {
                    throw StoreError.headerTampered(path: directory, reason: "its checksum does not match, and it is sealed as \"\(seal)\", "
                        + "which this marac does not know: it is damaged, or it was written by a newer marac")
                }
                throw StoreError.headerTampered(path: directory, reason: "it is damaged: its checksum does not match its contents "
                    + "(a changed byte in a user's name, role, key slot or seal)")
            }
            return header
        } catch let error as StoreError {
            throw error
        } catch {
            if let version = probe.version, version != currentVersion {
                throw .notAStore(path: directory, reason: "it is in store format \(version), and this marac reads format \(currentVersion)")
            }
            throw .headerTampered(path: directory, reason: "it cannot be read as a store header")
        }
    }

    func write(in directory: String, on disk: Disk) throws(StoreError) {
        try FileSystem.replaceAtomically(directory + "/" + Self.fileName, with: encoded(), on: disk)
    }
}

extension String {
    /// Eight hex digits, zeros in front.
    fileprivate var leftPadded8: String { count >= 8 ? self : String(repeating: "0", count: 8 - count) + self }
}

func hex2(_ b: UInt8) -> String {
    let s = String(b, radix: 16)
    return s.count == 1 ? "0" + s : s
}
