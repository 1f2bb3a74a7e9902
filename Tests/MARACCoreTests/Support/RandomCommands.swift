import MARACCore

/// Random but plausible commands against a growing state, for property tests: each is decided
/// by the core, refused ones are skipped, so what is kept is a valid history of any shape.
struct RandomHistory {
    var rng: SeededGenerator
    var state = MARACState()
    var today = Day(year: 2026, month: 1, day: 5)!
    var changes: [Change] = []
    var refused = 0
    let names = ["Zoë Łukasiewicz", "Nguyễn Thị Lan", "李美玲", "Amy Ashworth", "Amy Ashwort", "Siobhán Ó Briain"]

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    mutating func actor() -> Actor { rng.chance(0.9) ? Actor(name: "coordinator", role: .coordinator) : Actor(name: "chair", role: .chair) }

    mutating func run(steps: Int) {
        for _ in 0..<steps {
            if rng.chance(0.15) { today = today.adding(days: rng.int(0...5)) }
            let command = next()
            let context = DecisionContext(actor: actor(), now: Instant(milliseconds: Int64(today.ordinal) * 86_400_000 + Int64(changes.count) * 1000), today: today)
            do {
                let change = try state.change(for: command, context: context)
                state.apply(change)
                changes.append(change)
            } catch {
                refused += 1
            }
        }
    }

    mutating func anyOf<ID>(_ count: Int, _ make: (Int) -> ID) -> ID { make(rng.int(1...max(1, count))) }

    mutating func agency() -> AgencyID { anyOf(state.agencies.count) { AgencyID($0) } }
    mutating func referral() -> ReferralID { anyOf(state.referrals.count) { ReferralID($0) } }
    mutating func caseID() -> CaseID { anyOf(state.cases.count) { CaseID($0) } }
    mutating func meeting() -> MeetingID { anyOf(state.meetings.count) { MeetingID($0) } }
    mutating func action() -> ActionID { anyOf(state.actions.count) { ActionID($0) } }

    mutating func person() -> Person {
        Person(name: rng.pick(names), aliases: rng.chance(0.2) ? ["Alias \(rng.int(1...3))"] : [],
               dateOfBirth: Day(year: rng.int(1950...2010), month: rng.int(1...12), day: rng.int(1...28)),
               gender: rng.pick(Gender.allCases), address: rng.chance(0.5) ? Address(lines: "1 Road", postcode: "NB\(rng.int(1...3)) 1AA") : nil,
               diversity: Diversity(ethnicity: rng.pick(EthnicGroup.allCases), disability: rng.pick(YesNoUnknown.allCases), lgbt: rng.pick(YesNoUnknown.allCases)))
    }

    mutating func details() -> ReferralDetails {
        let answers = rng.chance(0.5) ? (0..<24).map { _ in RiskAnswer(rng.pick(RiskAnswerValue.allCases), comment: rng.chance(0.1) ? "seen" : "") } : []
        return ReferralDetails(
            reference: "REF-\(rng.int(1...400))", receivedOn: today.adding(days: -rng.int(0...3)), agency: agency(),
            victim: person(), perpetrators: rng.chance(0.9) ? [Perpetrator(person: person(), relationship: rng.pick(Relationship.allCases))] : [],
            children: rng.chance(0.4) ? [Child(name: "Child", dateOfBirth: Day(year: 2018, month: 1, day: 1))] : [],
            childrenCount: rng.chance(0.3) ? rng.int(0...4) : nil,
            assessment: answers.isEmpty ? .scored(.dashRIC, on: today, score: rng.int(0...24)) : .answered(.dashRIC, on: today, answers: answers),
            professionalJudgement: rng.chance(0.3) ? "Concerned" : "",
            incidents: rng.chance(0.2) ? IncidentHistory(incidentDates: [today.adding(days: -10), today.adding(days: -40), today.adding(days: -90)]) : nil)
    }

    mutating func next() -> Command {
        switch rng.int(0...37) {
        case 35:
            return rng.pick([.withdrawAcceptance(referral(), reason: "Mistake"), .reopenTriage(referral(), reason: "Mistake"),
                             .unfreezeCaseList(meeting()), .reorderAgenda(meeting(), [])])
        case 36, 37:
            return rng.pick([.recordActionReports(source: "returned.csv", [ActionReportLine(action: action(), agency: agency(), status: rng.pick(ActionStatus.allCases),
                                                                                           note: rng.chance(0.7) ? "Reported" : "", on: today)]),
                             .confirmActionReport(action(), report: rng.int(0...1)), .rejectActionReport(action(), report: 0, reason: "Not so"),
                             .reopenActionReport(action(), report: 0),
                             .importResearch(source: "research.csv", agency: agency(), [ResearchLine(caseID: caseID(), known: .yes, information: "Known since 2024",
                                                                                                     risks: "", lastContact: today, receivedOn: today)])])
        case 0, 1: return .registerAgency(name: "Agency \(rng.int(1...12))", kind: rng.pick(AgencyKind.allCases),
                                          ispSignedOn: rng.chance(0.8) ? today.adding(days: -rng.int(0...99)) : nil,
                                          representatives: [Representative(name: "Rep")])
        case 2: return .recordISPSigned(agency(), on: today)
        case 3, 4: return .scheduleMeeting(date: today.adding(days: rng.int(-3...30)), startTime: rng.pick(["10:00", "9:30", ""]), venue: "Room", chair: "DI X")
        case 5, 6, 7: return .receiveReferral(details())
        case 8: return .linkRepeat(referral(), rng.chance(0.8) ? caseID() : nil)
        case 9, 10, 11: return .acceptReferral(referral(), onto: meeting())
        case 12: return .returnReferral(referral(), missing: "DASH answers")
        case 13: return .declineReferral(referral(), reason: "No criterion")
        case 14: return .transferReferralOut(referral(), Transfer(marac: "Southvale", on: today))
        case 15: return .updateReferral(referral(), details())
        case 16: return .freezeCaseList(meeting())
        case 17: return .startMeeting(meeting())
        case 18: return .recordAttendance(meeting(), agency(), rng.pick([.present(representative: "R"), .apologies(informationSent: rng.chance(0.5)), .absent]))
        case 19: return .recordStatementRead(meeting())
        case 20, 21: return .startCaseDiscussion(meeting(), caseID())
        case 22: return .shareInformation(meeting(), caseID(), agency(), "Information")
        case 23: return .identifyRisk(meeting(), caseID(), "Risk")
        case 24: return .endMeeting(meeting())
        case 25, 26: return .agreeAction(caseID: caseID(), meeting: meeting(), agency: agency(), owner: "O", description: "Do", due: today.adding(days: rng.int(0...40)))
        case 27, 28: return .updateActionStatus(action(), rng.pick(ActionStatus.allCases), note: rng.chance(0.7) ? "note" : "", on: today)
        case 29: return .markRecordedInError(rng.pick([.action(action()), .referral(referral()), .risk(meeting(), caseID(), index: 0),
                                                       .information(meeting(), caseID(), index: 0), .attendance(meeting(), agency()),
                                                       .observer(meeting(), index: 0), .actionNote(action(), index: rng.int(0...2))]), reason: "Wrong")
        case 30: return .recordCaseViewed(caseID())
        case 31: return rng.chance(0.5) ? .recordExport(what: "minutes", cases: [caseID()]) : .signOffMinutes(meeting())
        case 32: return rng.chance(0.5) ? .addOtherBusiness(meeting(), "AOB") : .recordObserver(meeting(), Observer(name: "Obs", organisation: "Org", confidentialitySigned: true))
        case 33: return rng.chance(0.5) ? .moveCase(caseID(), to: meeting()) : .transferCaseOut(caseID(), Transfer(marac: "Eastvale", on: today))
        default: return rng.chance(0.2) ? .purgeCase(caseID()) : .endCaseDiscussion(meeting(), caseID())
        }
    }
}
