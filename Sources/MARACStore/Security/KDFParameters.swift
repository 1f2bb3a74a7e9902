import Crypto
import CryptoExtras
import Foundation

/// How a passphrase is stretched into a key: scrypt, with its cost kept in each key slot, so a
/// store can raise the cost later and tests can use a cheap one.
public struct KDFParameters: Codable, Hashable, Sendable {
    public var algorithm: String
    /// log2 of scrypt's N (CPU and memory cost).
    public var logN: Int
    public var r: Int
    public var p: Int

    public init(logN: Int, r: Int = 8, p: Int = 1) {
        self.algorithm = "scrypt"
        self.logN = logN
        self.r = r
        self.p = p
    }

    /// OWASP's minimum for scrypt (N = 2^17, r = 8, p = 1): 128 MiB and about a third of a
    /// second a guess on this machine in a release build (Docs/security.md), the cost for real
    /// stores. Slots made at a lower cost (2^13 to 2^16, as marac made them before 2026-12-06)
    /// are raised to it when their user next opens the store for writing.
    public static let standard = KDFParameters(logN: 17)
    /// Demo stores: their passphrase is "demo" for everyone, so a high cost would protect nothing.
    public static let demo = KDFParameters(logN: 12)
    /// Unit tests only.
    public static let testing = KDFParameters(logN: 8)

    /// True for a slot made at a cost below the standard one that is not a demo or test store's
    /// deliberately cheap cost.
    var isBelowStandard: Bool { algorithm == "scrypt" && logN > Self.demo.logN && logN < Self.standard.logN }

    /// Refuses parameters a damaged or hostile header could use to exhaust the machine.
    func validate(path: String) throws(StoreError) {
        guard algorithm == "scrypt", (8...20).contains(logN), (1...32).contains(r), (1...4).contains(p) else {
            throw .headerTampered(path: path, reason: "a key slot asks for key derivation \(algorithm) N=2^\(logN) r=\(r) p=\(p), which marac never writes")
        }
    }

    func deriveKey(passphrase: [UInt8], salt: [UInt8]) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(from: passphrase, salt: salt, outputByteCount: 32, rounds: 1 << logN, blockSize: r, parallelism: p)
    }
}
