/// Referrals as they arrive: invented victims, perpetrators and children, references, risk
/// answers, and repeats of earlier victims.
extension DemoRun {
    /// A referral for the meeting; one that turns out to be a further incident for a case not
    /// yet heard is added to it, and another referral takes its place, so the area has the
    /// cases asked for.
    func receiveAndAccept(onto meetingID: MeetingID, on day: Day) {
        for _ in 0..<4 {
            if receiveOne(onto: meetingID, on: day) { return }
        }
    }

    /// False when the referral was added to a case not yet heard.
    func receiveOne(onto meetingID: MeetingID, on day: Day) -> Bool {
        guard let m = state.meeting(meetingID), m.status == .scheduled, m.caseListFrozenAt == nil else { return true }
        let (details, repeatOf) = makeReferral(on: day)
        guard case .referralReceived(let r)? = run(.receiveReferral(details), as: admin, on: day, minute: 11 * 60).first else { return true }
        if let repeatOf, state.case(repeatOf)?.status == .listed {
            // Referred again before the case is heard: a further incident for that case.
            run(.addToCase(r.id, repeatOf), as: admin, on: day, minute: 11 * 60 + 5)
            return false
        }
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
        return true
    }

    func remember(_ referralID: ReferralID, caseID: CaseID, on day: Day) {
        guard let r = state.referral(referralID), let p = r.details.perpetrators.first else { return }
        let pool = FakePeople.pools.firstIndex { $0.0.ethnicity == r.details.victim.diversity.ethnicity } ?? 0
        known.append(KnownVictim(person: r.details.victim, perpetrator: p, children: r.details.children,
                                 poolIndex: pool, caseID: caseID, referredOn: day))
        if known.count > 400 { known.removeFirst(known.count - 400) }
        caseDays[Self.victimKey(r.details.victim), default: []].append(day)
    }

    static func victimKey(_ p: Person) -> String { p.name + "|" + (p.dateOfBirth?.iso ?? "") }

    /// The victim's cases in the 12 months up to `day`.
    func casesInYear(of p: Person, before day: Day) -> Int {
        (caseDays[Self.victimKey(p)] ?? []).filter { $0.adding(months: 12) > day }.count
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
        // A victim is referred again a few times a year at most, as in real MARACs.
        let recent = known.filter { k in
            k.referredOn.adding(months: 11) >= day && k.referredOn < day && casesInYear(of: k.person, before: day) < 3
        }
        if !recent.isEmpty && rng.chance(0.32) {
            let earlier = rng.pick(recent)
            var victim = earlier.person
            if rng.chance(0.1) && victim.aliases.isEmpty { victim.aliases = [shortened(victim.name)] }
            // Now and then the same victim with someone new: a new case, not a repeat.
            if rng.chance(0.08) {
                return (referralDetails(on: day, victim: victim, perpetrator: nil, children: earlier.children, previous: nil), nil)
            }
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
            // The generator knows when there are none: 0, not the importer's "not known".
            perpetrators: [perpetrator], children: children, childrenCount: children.isEmpty ? 0 : nil,
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
}
