import Crypto
import Foundation

/// The keys of an unlocked store: the user's private key (to open data keys given to them
/// later) and the data keys by epoch, from which the record, snapshot and header keys are
/// derived. Held in memory only, for as long as the store is open.
final class Keyring: @unchecked Sendable {
    let storeID: [UInt8]
    let privateKey: Curve25519.KeyAgreement.PrivateKey?
    private(set) var dataKeys: [Int: SymmetricKey]
    private var derived: [String: SymmetricKey] = [:]
    private let lock = NSLock()

    init(storeID: [UInt8], privateKey: Curve25519.KeyAgreement.PrivateKey?, dataKeys: [Int: SymmetricKey]) {
        self.storeID = storeID
        self.privateKey = privateKey
        self.dataKeys = dataKeys
    }

    func add(_ key: SymmetricKey, epoch: Int) {
        lock.lock()
        dataKeys[epoch] = key
        lock.unlock()
    }

    func hasKey(epoch: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return dataKeys[epoch] != nil
    }

    private func subkey(_ purpose: String, epoch: Int) -> SymmetricKey {
        lock.lock()
        defer { lock.unlock() }
        let name = "\(purpose)|\(epoch)"
        if let k = derived[name] { return k }
        let base = dataKeys[epoch] ?? SymmetricKey(size: .bits256)
        let k = HKDF<SHA256>.deriveKey(inputKeyMaterial: base, salt: storeID, info: Data("marac-\(purpose)-v1".utf8), outputByteCount: 32)
        derived[name] = k
        return k
    }

    func recordKey(epoch: Int) -> SymmetricKey { subkey("records", epoch: epoch) }
    func snapshotKey(epoch: Int) -> SymmetricKey { subkey("snapshot", epoch: epoch) }
    func macKey(epoch: Int) -> SymmetricKey { subkey("header", epoch: epoch) }
    /// For the opening summary beside the store (its nonces are random, the snapshot's counted).
    func openingKey(epoch: Int) -> SymmetricKey { subkey("opening", epoch: epoch) }

    /// Seals bytes: a random 12-byte nonce, the ciphertext, the 16-byte tag.
    func seal(_ plaintext: [UInt8], key: SymmetricKey, authenticating aad: [UInt8]) -> [UInt8] {
        let box = try! AES.GCM.seal(plaintext, using: key, authenticating: aad)
        return Array(box.combined!)
    }

    /// Seals with a nonce the caller guarantees is never reused under this key.
    func seal(_ plaintext: ArraySlice<UInt8>, key: SymmetricKey, nonce: [UInt8], authenticating aad: [UInt8]) -> [UInt8] {
        let box = try! AES.GCM.seal(plaintext, using: key, nonce: try! AES.GCM.Nonce(data: nonce), authenticating: aad)
        return Array(box.ciphertext) + Array(box.tag)
    }

    /// Opens sealed bytes, or nil when they were altered or sealed under another key.
    func open(_ sealed: ArraySlice<UInt8>, key: SymmetricKey, authenticating aad: [UInt8]) -> Data? {
        guard sealed.count >= 28, let box = try? AES.GCM.SealedBox(combined: sealed),
              let plain = try? AES.GCM.open(box, using: key, authenticating: aad) else { return nil }
        return plain
    }

    func open(_ sealed: UnsafeRawBufferPointer, key: SymmetricKey, nonce: [UInt8], authenticating aad: [UInt8]) -> Data? {
        guard sealed.count >= 16, let n = try? AES.GCM.Nonce(data: nonce),
              let box = try? AES.GCM.SealedBox(nonce: n, ciphertext: UnsafeRawBufferPointer(rebasing: sealed.dropLast(16)),
                                               tag: UnsafeRawBufferPointer(rebasing: sealed.suffix(16))),
              let plain = try? AES.GCM.open(box, using: key, authenticating: aad) else { return nil }
        return plain
    }
}

/// The hash chain through every record: each record's additional data includes the hash of the
/// one before, so removing or altering a record makes the next one fail to open.
enum Chain {
    static func start(storeID: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: Array("marac-chain-v1".utf8) + storeID))
    }

    static func next(_ previous: [UInt8], sequence: UInt64, payload: ArraySlice<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        previous.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        var s = sequence.littleEndian
        withUnsafeBytes(of: &s) { hasher.update(bufferPointer: $0) }
        payload.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        let digest = hasher.finalize()
        return [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            digest.withUnsafeBytes { buffer.baseAddress!.initialize(from: $0.bindMemory(to: UInt8.self).baseAddress!, count: 32) }
            count = 32
        }
    }

    static func hex(_ hash: [UInt8]) -> String { hash.map(hex2).joined() }
}
