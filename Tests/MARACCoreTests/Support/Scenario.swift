import MARACCore
import Testing

/// A store's history built command by command, as a coordinator would make it: each command is
/// decided against the state so far and its events folded in. The day can be moved on.
struct Scenario {
    var state = MARACState()
    var today: Day
    var actor = Actor(name: "coordinator", role: .coordinator)
    var changes: [Change] = []
    var minute = 9 * 60

    init(today: Day = Day(year: 2026, month: 3, day: 2)!, profile: AreaProfile = AreaProfile(maracName: "Testshire MARAC")) {
        self.today = today
        try! run(.setAreaProfile(profile))
    }

    var context: DecisionContext {
        DecisionContext(actor: actor, now: Instant(milliseconds: Int64(today.ordinal) * 86_400_000 + Int64(minute) * 60_000), today: today)
    }

    /// Decides and applies a command; throws the rule it breaks.
    @discardableResult
    mutating func run(_ command: Command) throws(DomainError) -> [Event] {
        let change = try state.change(for: command, context: context)
        state.apply(change)
        changes.append(change)
        minute += 1
        return change.events
    }

    /// What deciding the command would refuse with, without applying anything.
    func refusal(_ command: Command) -> DomainError? {
        do {
            _ = try state.decide(command, context: context)
            return nil
        } catch {
            return error
        }
    }

    mutating func advance(days: Int) {
        today = today.adding(days: days)
        minute = 9 * 60
    }

    // MARK: - Building blocks

    @discardableResult
    mutating func agency(_ name: String, _ kind: AgencyKind, signed: Bool = true) -> AgencyID {
        let events = try! run(.registerAgency(name: name, kind: kind, ispSignedOn: signed ? today.adding(days: -30) : nil,
                                              representatives: [Representative(name: "Rep of \(name)")]))
        guard case .agencyRegistered(let a) = events[0] else { fatalError() }
        return a.id
    }

    /// A standard set: police, IDVA service, housing, children's social care (all signed), and one unsigned.
    mutating func standardAgencies() -> (police: AgencyID, idva: AgencyID, housing: AgencyID, csc: AgencyID, unsigned: AgencyID) {
        (agency("Police", .police), agency("IDVA Service", .idvaService), agency("Housing", .housing),
         agency("Children's Social Care", .childrensSocialCare), agency("Faith Group", .other, signed: false))
    }

    @discardableResult
    mutating func meeting(on day: Day) -> MeetingID {
        let events = try! run(.scheduleMeeting(date: day, startTime: "10:00", venue: "Room 2", chair: "DI Test"))
        guard case .meetingScheduled(let m) = events[0] else { fatalError() }
        return m.id
    }

    static func victim(_ name: String = "Alex Example", born: Day = Day(year: 1990, month: 5, day: 17)!,
                       gender: Gender = .female, aliases: [String] = []) -> Person {
        Person(name: name, aliases: aliases, dateOfBirth: born, gender: gender,
               address: Address(lines: "1 Test Street", postcode: "NB1 1AA"))
    }

    static func details(_ reference: String, on day: Day, agency: AgencyID, victim: Person = victim(),
                        score: Int? = 16, judgement: String = "", children: Int = 0,
                        perpetrators: [Perpetrator] = [Perpetrator(person: Person(name: "Pat Example", dateOfBirth: Day(year: 1985, month: 1, day: 1)), relationship: .exPartner)]) -> ReferralDetails {
        ReferralDetails(reference: reference, receivedOn: day, agency: agency, victim: victim, perpetrators: perpetrators,
                        childrenCount: children, assessment: score.map { .scored(.dashRIC, on: day, score: $0) },
                        professionalJudgement: judgement)
    }

    @discardableResult
    mutating func receive(_ details: ReferralDetails) throws(DomainError) -> ReferralID {
        let events = try run(.receiveReferral(details))
        guard case .referralReceived(let r) = events[0] else { fatalError() }
        return r.id
    }

    @discardableResult
    mutating func accept(_ referral: ReferralID, onto meeting: MeetingID) throws(DomainError) -> CaseID {
        let events = try run(.acceptReferral(referral, onto: meeting))
        guard case .referralAccepted(_, let c, _, _, _) = events[0] else { fatalError() }
        return c
    }

    /// Holds a meeting: starts it, hears each listed case, ends it.
    mutating func hold(_ meeting: MeetingID) {
        try! run(.startMeeting(meeting))
        for c in state.orderedCases(of: state.meeting(meeting)!) {
            try! run(.startCaseDiscussion(meeting, c))
        }
        try! run(.endMeeting(meeting))
    }
}
