import MARACCore

/// Who is opening a store, and the passphrase that opens their key slot.
public struct Credentials: Sendable {
    public var user: String
    public var passphrase: [UInt8]

    public init(user: String, passphrase: [UInt8]) {
        self.user = user
        self.passphrase = passphrase
    }

    public init(user: String, passphrase: String) {
        self.init(user: user, passphrase: Array(passphrase.utf8))
    }
}

/// A user to give a key slot: name, role and first passphrase.
public struct NewUser: Sendable {
    public var name: String
    public var role: Role
    public var passphrase: [UInt8]

    public init(name: String, role: Role, passphrase: [UInt8]) {
        self.name = name
        self.role = role
        self.passphrase = passphrase
    }

    public init(name: String, role: Role, passphrase: String) {
        self.init(name: name, role: role, passphrase: Array(passphrase.utf8))
    }
}
