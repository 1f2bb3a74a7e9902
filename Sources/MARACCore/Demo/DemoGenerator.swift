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
    var known: [KnownVictim] = []
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
        let context = DecisionContext(actor: actor, now: at, today: day)
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

    // MARK: - Setting up the area

    func setUp(on day: Day) {
        let pastCasesPerYear = Double(max(1, g.cases)) * 365 / Double(max(28, meetings.first.map { $0.date.days(until: g.today) } ?? 28))
        let population = max(10_000, Int((pastCasesPerYear / 40 * 10_000 / 1000).rounded()) * 1000)
        let profile = AreaProfile(maracName: "Northbridge MARAC", caseListCutoffWorkingDays: 8,
                                  adultFemalePopulation: population,
                                  postcodePrefixes: ["NB"])
        run(.setAreaProfile(profile), as: coordinator, on: day)
        let agencies: [(String, AgencyKind, Bool)] = [
            ("Northbridge Police", .police, true),
            ("Probation Service", .probation, true),
            ("Northbridge GP Federation", .health, true),
            ("Northbridge Hospital", .health, true),
            ("Children's Social Care", .childrensSocialCare, true),
            ("Adult Social Care", .adultSocialCare, true),
            ("Northbridge Homes", .housing, true),
            ("Education Safeguarding", .education, true),
            ("Recovery Steps", .substanceMisuse, true),
            ("Mental Health Trust", .mentalHealth, true),
            ("Northbridge IDVA Service", .idvaService, true),
            ("Haven Women's Aid", .specialistDAService, true),
            ("Fire and Rescue", .fireAndRescue, true),
            ("Youth Justice Service", .youthOffending, true),
            ("Community Hub", .other, false),
        ]
        for (name, kind, signed) in agencies {
            let pool = FakePeople.pools[0].0
            let reps = (0..<rng.int(1...2)).map { _ in
                Representative(name: pool.name(gender: rng.chance(0.7) ? .female : .male, rng: &rng),
                               jobTitle: rng.pick(["MARAC representative", "Safeguarding lead", "Team manager", "Detective Sergeant"]),
                               contact: "marac@\(name.lowercased().filter(\.isLetter)).example")
            }
            run(.registerAgency(name: name, kind: kind, ispSignedOn: signed ? day.adding(days: -rng.int(30...400)) : nil,
                                representatives: reps), as: coordinator, on: day)
        }
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

    // MARK: - Referrals

    func receiveAndAccept(onto meetingID: MeetingID, on day: Day) {
        guard let m = state.meeting(meetingID), m.status == .scheduled, m.caseListFrozenAt == nil else { return }
        let (details, repeatOf) = makeReferral(on: day)
        guard case .referralReceived(let r)? = run(.receiveReferral(details), as: admin, on: day, minute: 11 * 60).first else { return }
        if let repeatOf { run(.linkRepeat(r.id, repeatOf), as: admin, on: day, minute: 11 * 60 + 5) }
        if !state.criteria(of: state.referral(r.id)!).isEmpty {
            let events = run(.acceptReferral(r.id, onto: meetingID), as: admin, on: day, minute: 11 * 60 + 10)
            if case .referralAccepted(_, let caseID, _, _, _)? = events.first {
                remember(r.id, caseID: caseID, on: day)
            }
        } else {
            run(.declineReferral(r.id, reason: "No criterion met; referrer advised to use professional judgement if concerns remain."),
                as: admin, on: day, minute: 11 * 60 + 10)
        }
    }

    func remember(_ referralID: ReferralID, caseID: CaseID, on day: Day) {
        guard let r = state.referral(referralID), let p = r.details.perpetrators.first else { return }
        let pool = FakePeople.pools.firstIndex { $0.0.ethnicity == r.details.victim.diversity.ethnicity } ?? 0
        known.append(KnownVictim(person: r.details.victim, perpetrator: p, children: r.details.children,
                                 poolIndex: pool, caseID: caseID, referredOn: day))
        if known.count > 400 { known.removeFirst(known.count - 400) }
    }

    func nextReference(on day: Day) -> String {
        referenceCounter += 1
        return "NB-\(day.year)-\(Day.pad(referenceCounter, 5))"
    }

    var referringAgencies: [(Agency, Int)] {
        state.agencies.filter(\.hasSignedISP).map { a in
            let weight: Int
            switch a.kind {
            case .police: weight = 640
            case .idvaService: weight = 110
            case .health: weight = 50
            case .childrensSocialCare: weight = 50
            case .specialistDAService: weight = 40
            case .housing: weight = 30
            case .mentalHealth: weight = 25
            case .probation: weight = 20
            default: weight = 5
            }
            return (a, weight)
        }
    }

    /// A new referral's details, and the earlier case it repeats when it is a repeat.
    func makeReferral(on day: Day) -> (ReferralDetails, CaseID?) {
        let recent = known.filter { $0.referredOn.adding(months: 11) >= day && $0.referredOn < day }
        if !recent.isEmpty && rng.chance(0.32) {
            let earlier = rng.pick(recent)
            var victim = earlier.person
            if rng.chance(0.1) && victim.aliases.isEmpty { victim.aliases = [shortened(victim.name)] }
            let d = referralDetails(on: day, victim: victim, perpetrator: earlier.perpetrator, children: earlier.children,
                                    previous: earlier.referredOn)
            return (d, earlier.caseID)
        }
        return (referralDetails(on: day, victim: nil, perpetrator: nil, children: nil, previous: nil), nil)
    }

    func shortened(_ name: String) -> String {
        let parts = name.split(separator: " ")
        guard parts.count >= 2, let first = parts.first?.first else { return name }
        return "\(first). \(parts.last!)"
    }

    func newVictim(on day: Day) -> (Person, Int) {
        let poolIndex = rng.weighted(FakePeople.pools.indices.map { ($0, FakePeople.pools[$0].weight) })
        let pool = FakePeople.pools[poolIndex].0
        let gender: Gender = rng.chance(0.065) ? .male : .female
        let age = rng.chance(0.013) ? rng.int(16...17) : rng.int(18...68)
        // Exactly `age` on the referral day: born between one and 360 days more than `age` years before.
        let birth = day.adding(years: -age).adding(days: -rng.int(1...360))
        var ethnicity = pool.ethnicity
        if ethnicity == .white && rng.chance(0.05) { ethnicity = .notKnown }
        let person = Person(
            name: pool.name(gender: gender, rng: &rng), dateOfBirth: birth, gender: gender,
            address: FakePeople.address(rng: &rng),
            contact: SafeContact(phone: FakePeople.phone(rng: &rng), safeToCall: rng.chance(0.7) ? .yes : .no,
                                 safeTimes: rng.pick(["Weekdays 9-3 only", "Not after 5pm", "Text first", "Via the IDVA only"])),
            language: rng.chance(0.8) ? "" : pool.language,
            needsInterpreter: !pool.language.isEmpty && rng.chance(0.3),
            diversity: Diversity(ethnicity: ethnicity,
                                 disability: rng.chance(0.10) ? .yes : (rng.chance(0.8) ? .no : .notKnown),
                                 lgbt: rng.chance(0.016) ? .yes : (rng.chance(0.7) ? .no : .notKnown)))
        return (person, poolIndex)
    }

    func newPerpetrator(for victim: Person, poolIndex: Int, on day: Day) -> Perpetrator {
        let pool = FakePeople.pools[poolIndex].0
        let gender: Gender = victim.gender == .male ? (rng.chance(0.8) ? .female : .male) : (rng.chance(0.97) ? .male : .female)
        let relationship = rng.weighted([(Relationship.partner, 45), (.exPartner, 42), (.family, 13)])
        var age = rng.int(19...60)
        if relationship == .family && rng.chance(0.3) { age = rng.int(16...17) }
        let birth = day.adding(years: -age).adding(days: -rng.int(1...360))
        let person = Person(name: pool.name(gender: gender, rng: &rng), dateOfBirth: birth,
                            gender: gender, address: rng.chance(0.5) ? FakePeople.address(rng: &rng) : nil)
        let detail = relationship == .family ? rng.pick(["son", "brother", "father", "brother-in-law", "daughter"]) : ""
        return Perpetrator(person: person, relationship: relationship, relationshipDetail: detail)
    }

    func newChildren(of victim: Person, poolIndex: Int, on day: Day) -> [Child] {
        let n = rng.weighted([(0, 38), (1, 22), (2, 22), (3, 12), (4, 6)])
        let family = victim.name.split(separator: " ").last.map(String.init) ?? ""
        return (0..<n).map { _ in
            let pool = FakePeople.pools[poolIndex].0
            let age = rng.int(0...15)
            let name = pool.familyFirst ? pool.name(gender: rng.chance(0.5) ? .female : .male, rng: &rng)
                : "\(rng.pick(rng.chance(0.5) ? pool.femaleGiven : pool.maleGiven)) \(family)"
            return Child(name: name, dateOfBirth: Day(year: day.year - age - 1, month: rng.int(1...12), day: rng.int(1...28)),
                         relationshipToVictim: "child", relationshipToPerpetrator: rng.chance(0.6) ? "child" : "stepchild",
                         school: age >= 4 ? rng.pick(FakePeople.schools) : "")
        }
    }

    func referralDetails(on day: Day, victim known: Person?, perpetrator knownP: Perpetrator?, children knownC: [Child]?,
                         previous: Day?) -> ReferralDetails {
        let (victim, poolIndex) = known.map { ($0, 0) } ?? newVictim(on: day)
        let perpetrator = knownP ?? newPerpetrator(for: victim, poolIndex: poolIndex, on: day)
        let children = knownC ?? newChildren(of: victim, poolIndex: poolIndex, on: day)
        let agency = rng.weighted(referringAgencies)
        // Criteria: mostly visible high risk; some professional judgement alone; a few escalation.
        let route = previous != nil ? rng.weighted([(0, 50), (1, 20), (3, 30)]) : rng.weighted([(0, 78), (1, 14), (2, 8)])
        let score: Int
        switch route {
        case 0: score = rng.weighted([(14, 14), (15, 14), (16, 13), (17, 12), (18, 10), (19, 9), (20, 8), (21, 7), (22, 6), (23, 4), (24, 3)])
        case 1: score = rng.int(7...13)
        default: score = rng.int(5...13)
        }
        let answers = dashAnswers(score: score)
        let incidentDates: [Day] = route == 2 ? (0..<rng.int(3...5)).map { _ in day.adding(days: -rng.int(5...300)) }.sorted() : []
        let summary = "On \(day.adding(days: -rng.int(1...6)).british) \(rng.pick(DemoTexts.incidents))."
        let aware = rng.chance(0.85)
        return ReferralDetails(
            reference: nextReference(on: day), receivedOn: day, agency: agency.id,
            referrerName: FakePeople.pools[0].0.name(gender: rng.chance(0.6) ? .female : .male, rng: &rng),
            referrerContact: "referrals@\(agency.name.lowercased().filter(\.isLetter)).example",
            victim: victim, victimPregnant: victim.gender == .female && rng.chance(0.06) ? .yes : .no,
            perpetrators: [perpetrator], children: children,
            assessment: .answered(.dashRIC, on: day.adding(days: -rng.int(0...3)), answers: answers),
            professionalJudgement: route == 1 ? rng.pick(DemoTexts.judgementReasons) : "",
            incidents: route == 2 ? IncidentHistory(incidentDates: incidentDates) : nil,
            previousReferralOn: previous,
            victimAware: aware ? .yes : .no,
            victimNotAwareReason: aware ? "" : "Not safe to contact yet; IDVA to inform when safe.",
            consent: aware ? (rng.chance(0.8) ? .yes : .no) : .no,
            sharingWithoutConsentReason: aware && rng.chance(0.8) ? "" : "High risk of serious harm; sharing is necessary and proportionate.",
            summary: summary,
            policeReference: agency.kind == .police || rng.chance(0.5) ? "NBP/\(day.year)/\(rng.int(10000...99999))" : "",
            bailAndOrders: rng.chance(0.3) ? "Police bail with no-contact conditions until \(day.adding(days: 28).british)." : "")
    }

    func dashAnswers(score: Int) -> [RiskAnswer] {
        let yes = Set(rng.sample(Array(0..<24), score))
        return (0..<24).map { i in
            if yes.contains(i) { return RiskAnswer(.yes, comment: i == 14 ? "Disclosed to the officer at the scene." : "") }
            return RiskAnswer(rng.chance(0.8) ? .no : .dontKnow)
        }
    }

    // MARK: - Before the meeting

    var lean: Bool { g.detail == .lean }

    func researchReturns(for meetingID: MeetingID, on day: Day, share requested: Double = 0.45) {
        let share = lean ? requested / 4 : requested
        guard let m = state.meeting(meetingID) else { return }
        for caseID in m.listedCases {
            guard let c = state.case(caseID), c.status == .listed else { continue }
            for agency in signedAgencies where c.researchReturn(from: agency.id) == nil && rng.chance(share) {
                run(.recordResearchReturn(caseID, agency.id, receivedOn: day), as: coordinator, on: day, minute: 15 * 60)
            }
        }
    }

    // MARK: - The meeting

    func hold(_ id: MeetingID, on day: Day) {
        guard let meeting = state.meeting(id) else { return }
        let cases = state.orderedCases(of: meeting)
        var minute = 10 * 60
        run(.startMeeting(id), as: coordinator, on: day, minute: minute)
        for agency in signedAgencies {
            let attendance = rng.weighted([(Attendance.present(representative: agency.representatives.first?.name ?? ""), 88),
                                           (.apologies(informationSent: true), 6), (.apologies(informationSent: false), 3),
                                           (.absent, 3)])
            run(.recordAttendance(id, agency.id, attendance), as: coordinator, on: day, minute: minute)
        }
        if rng.chance(0.1) {
            run(.recordObserver(id, Observer(name: FakePeople.pools[0].0.name(gender: .female, rng: &rng),
                                             organisation: "Student social worker, Northbridge University",
                                             confidentialitySigned: true)), as: coordinator, on: day, minute: minute)
        }
        minute += 2
        run(.recordStatementRead(id), as: coordinator, on: day, minute: minute)
        for actionID in outstanding(before: meeting) where rng.chance(0.5) {
            minute += 1
            run(.updateActionStatus(actionID, .done, note: "Reported done at the meeting.", on: day), as: coordinator, on: day, minute: minute)
        }
        for caseID in cases {
            minute += 1
            run(.startCaseDiscussion(id, caseID), as: coordinator, on: day, minute: minute)
            for agency in rng.sample(signedAgencies, lean ? rng.int(1...3) : rng.int(3...5)) {
                run(.shareInformation(id, caseID, agency.id, DemoTexts.information(for: agency.kind, rng: &rng)),
                    as: coordinator, on: day, minute: minute)
            }
            for risk in rng.sample(DemoTexts.risks, lean ? rng.int(1...2) : rng.int(2...4)) {
                run(.identifyRisk(id, caseID, risk), as: coordinator, on: day, minute: minute)
            }
            addActions(for: caseID, meeting: id, on: day, minute: minute)
            minute += rng.int(8...16)
        }
        run(.endMeeting(id), as: coordinator, on: day, minute: minute + 1)
    }

    func addActions(for caseID: CaseID, meeting: MeetingID, on day: Day, minute: Int) {
        let owners = rng.sample(signedAgencies, lean ? rng.int(2...4) : rng.int(3...6))
        let count = lean ? rng.int(3...5) : rng.int(6...10)
        for i in 0..<count {
            let agency = owners[i % owners.count]
            let due = day.adding(days: rng.int(7...42))
            let owner = agency.representatives.first?.name ?? ""
            let events = run(.agreeAction(caseID: caseID, meeting: meeting, agency: agency.id, owner: owner,
                                          description: DemoTexts.action(for: agency.kind, rng: &rng), due: due),
                             as: coordinator, on: day, minute: minute)
            guard case .actionAgreed(let a)? = events.first else { continue }
            openActionQueue.append(a.id)
            planOutcome(of: a, agreedOn: day)
        }
    }

    /// Up to six actions agreed at earlier meetings and still open, oldest first.
    func outstanding(before meeting: Meeting) -> [ActionID] {
        openActionQueue.removeAll { state.action($0)?.status != .open }
        var out: [ActionID] = []
        for id in openActionQueue {
            guard let a = state.action(id), let agreedAt = state.meeting(a.meeting), agreedAt.date < meeting.date else { continue }
            out.append(id)
            if out.count == 6 { break }
        }
        return out
    }

    /// Most actions are done by their due date or a little after; some are still open when
    /// the demo ends (overdue), a few become impossible or are not done.
    func planOutcome(of a: Action, agreedOn day: Day) {
        let first = day.adding(days: 3)
        if a.due < g.today {
            let roll = rng.int(1...100)
            if roll <= 80 {
                let last = min(a.due.adding(days: 10), g.today)
                let when = first.adding(days: rng.int(0...max(0, first.days(until: last))))
                updates[when, default: []].append(PlannedUpdate(action: a.id, status: .done, note: "Confirmed by the agency."))
            } else if roll <= 86 {
                let when = min(a.due.adding(days: 7), g.today)
                updates[when, default: []].append(PlannedUpdate(action: a.id, status: .notPossible,
                                                                note: "Victim moved out of the area; no longer possible."))
            } else if roll <= 92 || a.due.adding(days: 90) < g.today {
                // Left open only when recent: older ones were chased and closed as not done.
                let when = min(a.due.adding(days: 14), g.today)
                updates[when, default: []].append(PlannedUpdate(action: a.id, status: .notDone,
                                                                note: "Agency did not respond to reminders."))
            }
        } else if rng.chance(0.3), first <= g.today {
            let when = first.adding(days: rng.int(0...max(0, first.days(until: g.today))))
            updates[when, default: []].append(PlannedUpdate(action: a.id, status: .done, note: "Done early."))
        }
    }

    // MARK: - The queue the admin finds today

    func fillQueue() {
        let day = g.today
        let queued = max(2, min(8, g.cases / 12))
        for i in 0..<queued {
            let received = day.adding(days: -(queued - i))
            var (d, _) = makeReferral(on: received)
            switch i {
            case 0:
                // A repeat the admin should spot: a recent case's victim, her name mistyped.
                if let earlier = known.last(where: { $0.referredOn.adding(months: 11) >= received }) {
                    d = referralDetails(on: received, victim: earlier.person, perpetrator: earlier.perpetrator,
                                        children: earlier.children, previous: nil)
                    d.victim.name = mistyped(d.victim.name)
                }
            case 1:
                d.victim.dateOfBirth = Day(year: received.year - 16, month: received.month, day: 1)?.adding(months: 2)
            case 2:
                d.victim.address = FakePeople.address(rng: &rng, areaPrefix: "SV")
            case 3:
                if let hub = state.agencies.first(where: { !$0.hasSignedISP }) { d.agency = hub.id }
            default:
                break
            }
            run(.receiveReferral(d), as: admin, on: day, minute: 8 * 60 + i)
        }
    }

    /// The name with two neighbouring letters of the family name swapped.
    func mistyped(_ name: String) -> String {
        var chars = Array(name)
        guard chars.count > 4 else { return name }
        let i = chars.count - 3
        chars.swapAt(i, i + 1)
        return String(chars)
    }
}
