/// What a named user may do in the store. Roles follow the jobs: admins and coordinators triage
/// and run meetings, chairs hold agencies to account for their actions, viewers only read.
public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
    case coordinator
    case admin
    case chair
    case viewer

    public var label: String { rawValue }
}

/// The person a change is recorded against: the user who unlocked the store.
public struct Actor: Hashable, Sendable, Codable {
    public var name: String
    public var role: Role

    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }
}

/// Who made a change and when; carried by every change, and so by every event in it.
public struct Stamp: Hashable, Sendable, Codable {
    public var actor: String
    public var at: Instant

    public init(actor: String, at: Instant) {
        self.actor = actor
        self.at = at
    }
}
