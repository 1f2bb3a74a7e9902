/// Every change's who, when, what and about which record, for the audit trail: kept in the
/// state (and so in snapshots) after the events themselves are folded away. Stored as parallel
/// columns of plain numbers, so a journal of a million changes costs a few megabytes and
/// decodes without allocating per entry.
public struct ChangeJournal: Hashable, Sendable {
    /// Distinct actor names; entries refer to them by position.
    public private(set) var actors: [String] = []
    var instants: [Int64] = []
    var actorIndexes: [Int32] = []
    /// CommandKind position, or -1 for a change not made by a command.
    var commands: [Int32] = []
    /// 0 none, 1 agency, 2 referral, 3 case, 4 meeting, 5 action.
    var recordKinds: [Int32] = []
    var recordNumbers: [Int32] = []

    public struct Entry: Hashable, Sendable {
        public var stamp: Stamp
        public var command: CommandKind?
        public var record: RecordKey?
    }

    public init() {}

    public var count: Int { instants.count }

    mutating func append(stamp: Stamp, command: CommandKind?, record: RecordKey?) {
        let actor: Int
        if let i = actors.lastIndex(of: stamp.actor) {
            actor = i
        } else {
            actors.append(stamp.actor)
            actor = actors.count - 1
        }
        instants.append(stamp.at.milliseconds)
        actorIndexes.append(Int32(actor))
        commands.append(command.flatMap { CommandKind.codedPositions[$0] }.map(Int32.init) ?? -1)
        let (kind, number): (Int32, Int32)
        switch record {
        case nil: (kind, number) = (0, 0)
        case .agency(let id)?: (kind, number) = (1, id.number)
        case .referral(let id)?: (kind, number) = (2, id.number)
        case .case(let id)?: (kind, number) = (3, id.number)
        case .meeting(let id)?: (kind, number) = (4, id.number)
        case .action(let id)?: (kind, number) = (5, id.number)
        }
        recordKinds.append(kind)
        recordNumbers.append(number)
    }

    public subscript(i: Int) -> Entry {
        let all = CommandKind.codedCases
        let command = commands[i] >= 0 && Int(commands[i]) < all.count ? all[Int(commands[i])] : nil
        let n = recordNumbers[i]
        let record: RecordKey?
        switch recordKinds[i] {
        case 1: record = .agency(AgencyID(n))
        case 2: record = .referral(ReferralID(n))
        case 3: record = .case(CaseID(n))
        case 4: record = .meeting(MeetingID(n))
        case 5: record = .action(ActionID(n))
        default: record = nil
        }
        let actor = actors.indices.contains(Int(actorIndexes[i])) ? actors[Int(actorIndexes[i])] : "?"
        return Entry(stamp: Stamp(actor: actor, at: Instant(milliseconds: instants[i])), command: command, record: record)
    }

    public var entries: [Entry] { (0..<count).map { self[$0] } }
}

extension ChangeJournal: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(actors)
        w.writeVarint(UInt64(count))
        var last: Int64 = 0
        for t in instants {  // deltas: changes are in time order, so most are small
            w.writeSigned(t - last)
            last = t
        }
        for a in actorIndexes { w.writeSigned(Int64(a)) }
        for c in commands { w.writeSigned(Int64(c)) }
        for k in recordKinds { w.writeSigned(Int64(k)) }
        for n in recordNumbers { w.writeSigned(Int64(n)) }
    }

    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init()
        actors = try r.read()
        let n = try r.readCount("journal length", minimumBytesEach: 5)
        // Room to grow, so the first changes after opening do not move every column.
        let capacity = n + n / 8 + 64
        func column(_ convert: (Int64) -> Int32?) throws(BinaryDecodingError) -> [Int32] {
            var out = [Int32]()
            out.reserveCapacity(capacity)
            for _ in 0..<n {
                let at = r.offset
                guard let v = convert(try r.readSigned()) else { throw .invalidTag(type: "journal entry", tag: 0, at: at) }
                out.append(v)
            }
            return out
        }
        instants.reserveCapacity(capacity)
        var last: Int64 = 0
        for _ in 0..<n {
            last &+= try r.readSigned()
            instants.append(last)
        }
        actorIndexes = try column { Int32(exactly: $0) }
        commands = try column { Int32(exactly: $0) }
        recordKinds = try column { Int32(exactly: $0) }
        recordNumbers = try column { Int32(exactly: $0) }
    }
}

extension ChangeJournal {
    /// How often a record was changed and when last: what a calendar needs for SEQUENCE and
    /// LAST-MODIFIED, so that a client importing a newer export updates the event it has.
    public struct Revision: Hashable, Sendable {
        /// Changes about the record, its creation included.
        public var changes: Int
        public var lastChanged: Instant
    }

    /// Each meeting's revision, by meeting number, in one pass over the journal: the changes
    /// that move it, rename its place or chair, or cancel it (not what is recorded in it).
    public func meetingRevisions() -> [Int32: Revision] {
        revisions(kind: 4, by: [.scheduleMeeting, .changeMeeting, .cancelMeeting])
    }

    /// Each action's revision, by action number: agreed, its due day or owner changed, closed,
    /// reopened or recorded in error (not its notes and reports).
    public func actionRevisions() -> [Int32: Revision] {
        revisions(kind: 5, by: [.agreeAction, .changeAction, .extendActionDue, .updateActionStatus, .markRecordedInError,
                                .confirmActionReport, .reopenActionReport])
    }

    /// When the area's settings (the case list cut-off among them) last changed, and how often.
    public func areaRevision() -> Revision? {
        guard let kind = CommandKind.codedCases.firstIndex(of: .setAreaProfile) else { return nil }
        var found: Revision?
        for i in 0..<count where commands[i] == Int32(kind) {
            found = Revision(changes: (found?.changes ?? 0) + 1, lastChanged: Instant(milliseconds: instants[i]))
        }
        return found
    }

    private func revisions(kind: Int32, by kinds: Set<CommandKind>) -> [Int32: Revision] {
        let all = CommandKind.codedCases
        let wanted = Set(all.indices.filter { kinds.contains(all[$0]) }.map(Int32.init))
        var out: [Int32: Revision] = [:]
        for i in 0..<count where recordKinds[i] == kind && wanted.contains(commands[i]) {
            let changes = (out[recordNumbers[i]]?.changes ?? 0) + 1
            out[recordNumbers[i]] = Revision(changes: changes, lastChanged: Instant(milliseconds: instants[i]))
        }
        return out
    }
}
