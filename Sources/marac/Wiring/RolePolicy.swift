import MARACCore

/// What each role may do from the command line where no change is decided by the core (which
/// holds the rules for every change, exports included): reading personal data out for scripts,
/// and keeping the store. Docs/security.md has the whole table.
enum RolePolicy {
    /// Listings and `show case` print names, dates of birth and addresses: viewers read on screen.
    static let readPersonalData: [Role] = [.coordinator, .admin, .chair]
    /// Compacting and repairing rewrite the store's files.
    static let keepTheStore: [Role] = [.coordinator, .admin]

    /// Refuses `actor` unless their role is one of `roles`, naming the roles needed.
    static func require(_ roles: [Role], for what: String, _ actor: Actor) throws {
        guard roles.contains(actor.role) else { throw DomainError.notPermitted(command: what, role: actor.role, needs: roles) }
    }
}
