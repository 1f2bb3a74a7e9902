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
    var mac: String

    static let formatName = "marac-store"
    static let currentVersion = 2
    static let fileName = "store.json"
    static let cipherName = "AES-256-GCM"

    static func new(created: Instant) -> StoreHeader {
        StoreHeader(format: formatName, version: currentVersion, id: randomBytes(16).map { hex2($0) }.joined(),
                    created: created.iso8601, cipher: cipherName, keyEpoch: 1,
                    rotationPending: false, users: [], mac: "")
    }

    var idBytes: [UInt8] { Array(id.utf8) }

    func slot(for user: String) -> KeySlot? { users.first { $0.user == user } }

    /// The bytes the MAC covers: the header with an empty `mac`, keys sorted.
    func macInput() -> Data {
        var copy = self
        copy.mac = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(copy)) ?? Data()
    }

    mutating func sign(with keyring: Keyring) {
        mac = Data(HMAC<SHA256>.authenticationCode(for: macInput(), using: keyring.macKey(epoch: keyEpoch))).base64EncodedString()
    }

    func verify(with keyring: Keyring, path: String) throws(StoreError) {
        guard let expected = Data(base64Encoded: mac),
              HMAC<SHA256>.isValidAuthenticationCode(expected, authenticating: macInput(), using: keyring.macKey(epoch: keyEpoch)) else {
            throw .headerTampered(path: path, reason: "its users, roles or keys do not match its seal")
        }
    }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Array((try? encoder.encode(self)) ?? Data()) + [0x0A]
    }

    static func read(in directory: String) throws(StoreError) -> StoreHeader {
        let path = directory + "/" + fileName
        guard FileSystem.isDirectory(directory) else {
            throw .notAStore(path: directory, reason: FileSystem.exists(directory) ? "it is not a folder" : "the folder does not exist")
        }
        guard FileSystem.exists(path) else {
            throw .notAStore(path: directory, reason: "it has no \(fileName); create a store with marac init or marac demo")
        }
        let bytes = try PosixFile.open(path, .read).readAll()
        struct Probe: Decodable { var format: String?; var version: Int? }
        guard let probe = try? JSONDecoder().decode(Probe.self, from: Data(bytes)), probe.format == formatName else {
            throw .notAStore(path: directory, reason: "\(fileName) is not a marac store description")
        }
        guard let version = probe.version, version == currentVersion else {
            throw .notAStore(path: directory, reason: "it is in store format \(probe.version ?? 0), and this marac reads format \(currentVersion)")
        }
        do {
            return try JSONDecoder().decode(StoreHeader.self, from: Data(bytes))
        } catch {
            throw .headerTampered(path: directory, reason: "it cannot be read as a store header")
        }
    }

    func write(in directory: String) throws(StoreError) {
        try FileSystem.replaceAtomically(directory + "/" + Self.fileName, with: encoded())
    }
}

func hex2(_ b: UInt8) -> String {
    let s = String(b, radix: 16)
    return s.count == 1 ? "0" + s : s
}
