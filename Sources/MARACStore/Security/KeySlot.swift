import Crypto
import Foundation
import MARACCore

/// One user's way into the store, as disk encryption does it: the user's X25519 private key,
/// sealed with a key stretched from their passphrase, and the store's data key sealed to their
/// public key for each key epoch. Another user can therefore give them a new data key (after a
/// rotation) without knowing their passphrase.
struct KeySlot: Codable, Equatable {
    var user: String
    var role: Role
    var added: String
    var kdf: KDFParameters
    var salt: String
    var publicKey: String
    /// AES-GCM (nonce, ciphertext, tag) of the raw private key under the passphrase key.
    var privateKey: String
    var dataKeys: [WrappedDataKey]

    struct WrappedDataKey: Codable, Equatable {
        var epoch: Int
        var ephemeralPublicKey: String
        /// AES-GCM of the 32-byte data key under a key agreed with the ephemeral key.
        var sealed: String
    }

    static func privateKeyAAD(storeID: String, user: String) -> Data { Data("marac-slot-v1|\(storeID)|\(user)".utf8) }

    static func dataKeyInfo(storeID: String, user: String, epoch: Int) -> Data {
        Data("marac-data-key-v1|\(storeID)|\(user)|\(epoch)".utf8)
    }

    /// A new slot for a user: a fresh key pair sealed under the passphrase, and the data keys.
    static func make(user: String, role: Role, passphrase: [UInt8], kdf: KDFParameters, storeID: String,
                     dataKeys: [Int: SymmetricKey], added: Instant) throws -> (KeySlot, Curve25519.KeyAgreement.PrivateKey) {
        let salt = randomBytes(16)
        let passphraseKey = try kdf.deriveKey(passphrase: passphrase, salt: salt)
        let privateKey = Curve25519.KeyAgreement.PrivateKey()
        let sealedPrivate = try AES.GCM.seal(privateKey.rawRepresentation, using: passphraseKey,
                                             authenticating: privateKeyAAD(storeID: storeID, user: user))
        var slot = KeySlot(user: user, role: role, added: added.iso8601, kdf: kdf,
                           salt: Data(salt).base64EncodedString(),
                           publicKey: privateKey.publicKey.rawRepresentation.base64EncodedString(),
                           privateKey: sealedPrivate.combined!.base64EncodedString(), dataKeys: [])
        for (epoch, key) in dataKeys.sorted(by: { $0.key < $1.key }) {
            try slot.give(key, epoch: epoch, storeID: storeID)
        }
        return (slot, privateKey)
    }

    /// Seals a data key to this slot's public key (no passphrase needed).
    mutating func give(_ dataKey: SymmetricKey, epoch: Int, storeID: String) throws {
        guard let publicRaw = Data(base64Encoded: publicKey) else { throw CryptoKitError.incorrectKeySize }
        let recipient = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: publicRaw)
        let ephemeral = Curve25519.KeyAgreement.PrivateKey()
        let shared = try ephemeral.sharedSecretFromKeyAgreement(with: recipient)
        let info = Self.dataKeyInfo(storeID: storeID, user: user, epoch: epoch)
        let wrapKey = shared.hkdfDerivedSymmetricKey(using: SHA256.self, salt: Data(storeID.utf8), sharedInfo: info, outputByteCount: 32)
        let sealed = try dataKey.withUnsafeBytes { try AES.GCM.seal(Data($0), using: wrapKey, authenticating: info) }
        dataKeys.removeAll { $0.epoch == epoch }
        dataKeys.append(WrappedDataKey(epoch: epoch, ephemeralPublicKey: ephemeral.publicKey.rawRepresentation.base64EncodedString(),
                                       sealed: sealed.combined!.base64EncodedString()))
        dataKeys.sort { $0.epoch < $1.epoch }
    }

    /// The private key, if the passphrase is this user's.
    func unlock(passphrase: [UInt8], storeID: String, path: String) throws(StoreError) -> Curve25519.KeyAgreement.PrivateKey {
        try kdf.validate(path: path)
        guard let salt = Data(base64Encoded: salt), let sealed = Data(base64Encoded: privateKey) else {
            throw .headerTampered(path: path, reason: "the key slot of \(user) is not readable")
        }
        do {
            let key = try kdf.deriveKey(passphrase: passphrase, salt: Array(salt))
            let box = try AES.GCM.SealedBox(combined: sealed)
            let raw = try AES.GCM.open(box, using: key, authenticating: Self.privateKeyAAD(storeID: storeID, user: user))
            return try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
        } catch {
            throw .wrongPassphrase(user: user)
        }
    }

    /// The data keys this slot holds, opened with its private key.
    func dataKeys(using privateKey: Curve25519.KeyAgreement.PrivateKey, storeID: String, path: String) throws(StoreError) -> [Int: SymmetricKey] {
        var keys: [Int: SymmetricKey] = [:]
        for wrapped in dataKeys {
            do {
                guard let ephemeralRaw = Data(base64Encoded: wrapped.ephemeralPublicKey),
                      let sealed = Data(base64Encoded: wrapped.sealed) else { throw CryptoKitError.incorrectKeySize }
                let ephemeral = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: ephemeralRaw)
                let shared = try privateKey.sharedSecretFromKeyAgreement(with: ephemeral)
                let info = Self.dataKeyInfo(storeID: storeID, user: user, epoch: wrapped.epoch)
                let wrapKey = shared.hkdfDerivedSymmetricKey(using: SHA256.self, salt: Data(storeID.utf8), sharedInfo: info, outputByteCount: 32)
                let raw = try AES.GCM.open(try AES.GCM.SealedBox(combined: sealed), using: wrapKey, authenticating: info)
                keys[wrapped.epoch] = SymmetricKey(data: raw)
            } catch {
                throw .headerTampered(path: path, reason: "the data key of \(user) for key epoch \(wrapped.epoch) does not open")
            }
        }
        return keys
    }

    /// Seals the same private key under a new passphrase: only this slot changes.
    mutating func rekey(privateKey: Curve25519.KeyAgreement.PrivateKey, passphrase: [UInt8], kdf: KDFParameters, storeID: String) throws {
        let salt = randomBytes(16)
        let key = try kdf.deriveKey(passphrase: passphrase, salt: salt)
        let sealed = try AES.GCM.seal(privateKey.rawRepresentation, using: key,
                                      authenticating: Self.privateKeyAAD(storeID: storeID, user: user))
        self.kdf = kdf
        self.salt = Data(salt).base64EncodedString()
        self.privateKey = sealed.combined!.base64EncodedString()
    }
}

func randomBytes(_ count: Int) -> [UInt8] {
    var rng = SystemRandomNumberGenerator()
    return (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
}
