/// Makes a store's worth of invented but realistic MARAC history: an area profile, agencies and
/// their representatives, referrals (with DASH answers, professional judgement, escalation,
/// repeats), meetings held in order with attendance, information shared, risks and actions,
/// action outcomes over the following weeks, the next meeting's case list, and a triage queue.
///
/// Everything goes through the core's commands, day by day, so the demo obeys the same rules as
/// a coordinator at the keyboard, and the same seed always gives the same store.
public struct DemoGenerator: Sendable {
    public var seed: UInt64
    public var cases: Int
    public var today: Day
    public var detail: Detail

    /// How much each meeting records. `full` is a busy MARAC's record (about 38 events a case:
    /// every agency's research return, several items of information, risks and actions);
    /// `lean` records about 20 a case, the size the benchmark targets are set for.
    public enum Detail: Sendable {
        case full, lean
    }

    public init(seed: UInt64 = 1, cases: Int = 160, today: Day, detail: Detail = .full) {
        self.seed = seed
        self.cases = max(1, cases)
        self.today = today
        self.detail = detail
    }

    /// The users the demo history is recorded against, one for each role.
    public static let users: [Actor] = [
        Actor(name: "coordinator", role: .coordinator),
        Actor(name: "admin", role: .admin),
        Actor(name: "chair", role: .chair),
        Actor(name: "viewer", role: .viewer),
    ]

    /// Generates the history, handing each change to `emit` as it is made, and returns the
    /// state they fold to.
    public func generate(_ emit: (Change) -> Void) -> MARACState {
        withoutActuallyEscaping(emit) { emit in
            let run = DemoRun(generator: self, emit: emit)
            run.run()
            return run.state
        }
    }

    /// All the changes at once, for tests and small stores.
    public func changes() -> [Change] {
        var out: [Change] = []
        _ = generate { out.append($0) }
        return out
    }
}

/// One generation in progress. A class so the day loop and its helpers share the state.
final class DemoRun {
    let g: DemoGenerator
    var rng: SeededGenerator
    var state = MARACState()
    let emit: (Change) -> Void

    let coordinator = DemoGenerator.users[0]
    let admin = DemoGenerator.users[1]
    let chair = DemoGenerator.users[2]

    struct PlannedMeeting {
        var date: Day
        var id: MeetingID?
        var cases: Int
        var held: Bool
    }

    struct PlannedUpdate {
        var action: ActionID
        var status: ActionStatus
        var note: String
    }

    /// A victim seen before, so later referrals can repeat them.
    struct KnownVictim {
        var person: Person
        var perpetrator: Perpetrator
        var children: [Child]
        var poolIndex: Int
        var caseID: CaseID
        var referredOn: Day
    }

    var meetings: [PlannedMeeting] = []
    var updates: [Day: [PlannedUpdate]] = [:]
    var arrivals: [Day: [MeetingID]] = [:]
    /// The latest accepted victims, the ones a repeat is drawn from.
    var known: [KnownVictim] = []
    /// Every victim's case days, by name and date of birth: kept whole (not trimmed with
    /// `known`) so that nobody is referred more than three times in any 12 months.
    var caseDays: [String: [Day]] = [:]
    var referenceCounter = 0
    var signedAgencies: [Agency] { state.agencies.filter(\.hasSignedISP) }

    init(generator: DemoGenerator, emit: @escaping (Change) -> Void) {
        self.g = generator
        self.rng = SeededGenerator(seed: generator.seed)
        self.emit = emit
    }

    @discardableResult
    func run(_ command: Command, as actor: Actor, on day: Day, minute: Int = 9 * 60) -> [Event] {
        let at = Instant(milliseconds: Int64(day.ordinal) * 86_400_000 + Int64(minute) * 60_000)
        let context = DecisionContext(actor: actor, now: at, today: day, checksText: false)
        do {
            let change = try state.change(for: command, context: context)
            state.apply(change)
            emit(change)
            return change.events
        } catch {
            preconditionFailure("demo generator broke a rule with \(command.name) on \(day): \(error.message)")
        }
    }

    func run() {
        planMeetings()
        let setup = (meetings.first?.date ?? g.today).adding(days: -70)
        setUp(on: setup)
        planTasks(from: setup)
        var day = setup.adding(days: 1)
        while day <= g.today {
            oneDay(day)
            day = day.adding(days: 1)
        }
        fillQueue()
    }

    // MARK: - Planning

    /// Past meetings take about sixteen cases each, fortnightly where ten years allow it and
    /// closer together for very large stores; two meetings are still to come.
    func planMeetings() {
        let upcomingCases = min(g.cases, max(1, min(8, g.cases / 10)))
        let pastCases = g.cases - upcomingCases
        let pastMeetings = pastCases == 0 ? 0 : max(1, (pastCases + 15) / 16)
        let interval = pastMeetings * 14 <= 3650 ? 14 : max(1, 3650 / pastMeetings)
        var date = g.today.adding(days: -(pastMeetings * interval) + rng.int(0...3))
        var remaining = pastCases
        for i in 0..<pastMeetings {
            let share = i == pastMeetings - 1 ? remaining : min(remaining, max(1, remaining / (pastMeetings - i) + rng.int(-2...2)))
            meetings.append(PlannedMeeting(date: weekday(date), cases: share, held: true))
            remaining -= share
            date = date.adding(days: interval)
        }
        let next = weekday(g.today.adding(days: 12))
        meetings.append(PlannedMeeting(date: next, cases: upcomingCases, held: false))
        meetings.append(PlannedMeeting(date: weekday(next.adding(days: 14)), cases: 0, held: false))
    }

    func weekday(_ day: Day) -> Day {
        var d = day
        while d.isWeekend { d = d.adding(days: 1) }
        return d
    }

    // MARK: - The day loop

    /// What happens to a meeting on a given day, planned ahead so the day loop does not look at
    /// every meeting every day.
    enum Task {
        case schedule(Int)
        case freeze(Int)
        case research(Int)
        case hold(Int)
        case signOff(Int)
    }

    var tasks: [Day: [Task]] = [:]
    /// Actions not yet closed, oldest first, for the outstanding-actions item of each meeting.
    var openActionQueue: [ActionID] = []

    func planTasks(from setup: Day) {
        for (i, m) in meetings.enumerated() {
            tasks[max(setup.adding(days: 1), m.date.adding(days: -42)), default: []].append(.schedule(i))
            guard m.held else { continue }
            let cutoff = m.date.subtractingWorkingDays(state.profile.caseListCutoffWorkingDays)
            tasks[cutoff, default: []].append(.freeze(i))
            tasks[cutoff.adding(days: 2), default: []].append(.research(i))
            tasks[m.date.adding(days: -1), default: []].append(.research(i))
            tasks[m.date, default: []].append(.hold(i))
            tasks[m.date.adding(days: 4), default: []].append(.signOff(i))
        }
    }

    func oneDay(_ day: Day) {
        for update in updates.removeValue(forKey: day) ?? [] {
            guard let a = state.action(update.action), a.status == .open else { continue }
            run(.updateActionStatus(update.action, update.status, note: update.note, on: day), as: chair, on: day, minute: 14 * 60)
        }
        let todays = tasks.removeValue(forKey: day) ?? []
        for case .schedule(let i) in todays { schedule(i, on: day) }
        for meetingID in arrivals.removeValue(forKey: day) ?? [] {
            receiveAndAccept(onto: meetingID, on: day)
        }
        for task in todays {
            switch task {
            case .schedule: break
            case .freeze(let i): if let id = meetings[i].id { run(.freezeCaseList(id), as: coordinator, on: day, minute: 16 * 60) }
            case .research(let i): if let id = meetings[i].id { researchReturns(for: id, on: day) }
            case .hold(let i): if let id = meetings[i].id { hold(id, on: day) }
            case .signOff(let i): if let id = meetings[i].id { run(.signOffMinutes(id), as: chair, on: day) }
            }
        }
        if day == g.today {
            for i in meetings.indices where !meetings[i].held {
                if let id = meetings[i].id { researchReturns(for: id, on: day, share: 0.5) }
            }
        }
    }

    func schedule(_ i: Int, on day: Day) {
        let venues = ["Northbridge Police Station, Room 2", "Civic Centre, Committee Room B", "Online (secure video)"]
        let chairName = "DI " + FakePeople.pools[0].0.name(gender: rng.chance(0.5) ? .female : .male, rng: &rng)
        let events = run(.scheduleMeeting(date: meetings[i].date, startTime: "10:00", venue: rng.pick(venues),
                                          chair: chairName), as: coordinator, on: day)
        guard case .meetingScheduled(let m)? = events.first else { return }
        meetings[i].id = m.id
        // Referrals for this meeting arrive between the previous cut-off and this one.
        let cutoff = state.caseListCutoff(of: m)
        let previousCutoff = i == 0 ? cutoff.adding(days: -14) : state.caseListCutoff(of: Meeting(id: m.id, date: meetings[i - 1].date, startTime: "", venue: "", chair: ""))
        var first = max(previousCutoff.adding(days: 1), day)
        var last = meetings[i].held ? cutoff : min(cutoff, g.today.adding(days: -1))
        if !meetings[i].held && last < first { first = g.today.adding(days: -3); last = g.today.adding(days: -1) }
        // Meetings closer together than the cut-off (large stores) share a window: take the cut-off day.
        if last < first { first = last }
        for _ in 0..<meetings[i].cases {
            let arrival = first.adding(days: rng.int(0...max(0, first.days(until: last))))
            arrivals[max(arrival, day.adding(days: 1)), default: []].append(m.id)
        }
    }
}
