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

    /// About 80 ms and 32 MiB on this machine in a release build: the cost for real stores.
    public static let standard = KDFParameters(logN: 15)
    /// Demo stores: their passphrase is "demo" for everyone, so a high cost would protect nothing.
    public static let demo = KDFParameters(logN: 12)
    /// Unit tests only.
    public static let testing = KDFParameters(logN: 8)

    /// Refuses parameters a damaged or hostile header could use to exhaust the machine.
    func validate(path: String) throws(StoreError) {
        guard algorithm == "scrypt", (8...20).contains(logN), (1...32).contains(r), (1...4).contains(p) else {
            throw .notAStore(path: path, reason: "a key slot asks for key derivation \(algorithm) N=2^\(logN) r=\(r) p=\(p), which marac does not use")
        }
    }

    func deriveKey(passphrase: [UInt8], salt: [UInt8]) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(from: passphrase, salt: salt, outputByteCount: 32, rounds: 1 << logN, blockSize: r, parallelism: p)
    }
}
