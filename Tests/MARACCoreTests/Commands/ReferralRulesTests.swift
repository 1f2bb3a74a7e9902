import MARACCore
import Testing

/// What a referral must carry to be received, and what must hold before it is accepted.
@Suite struct ReferralRulesTests {
    @Test func aVictimUnderTheMinimumAgeIsFlaggedThenRefusedOnAcceptance() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today.adding(days: 14))
        let fifteen = Scenario.victim(born: s.today.adding(years: -15))
        let r = try s.receive(Scenario.details("U16", on: s.today, agency: a.police, victim: fifteen))
        #expect(s.state.triageRow(s.state.referral(r)!).flags.contains(.underAge))
        #expect(s.refusal(.acceptReferral(r, onto: m)) == .victimUnderMinimumAge(age: 15, minimum: 16))
        #expect(DomainError.victimUnderMinimumAge(age: 15, minimum: 16).message.contains("aged 16 and over"))
        try s.run(.declineReferral(r, reason: "Under 16: referred to children's safeguarding."))
        #expect(s.state.referral(r)?.status == .notEligible(reason: "Under 16: referred to children's safeguarding."))
    }

    @Test func theMinimumAgeIsTheAreasSetting() throws {
        var s = Scenario(profile: AreaProfile(maracName: "Eighteen", minimumAge: 18))
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today.adding(days: 14))
        let r = try s.receive(Scenario.details("U18", on: s.today, agency: a.police, victim: Scenario.victim(born: s.today.adding(years: -17))))
        #expect(s.refusal(.acceptReferral(r, onto: m)) == .victimUnderMinimumAge(age: 17, minimum: 18))
    }

    @Test func aReferralNeedsAReferenceANameADateOfBirthAndAKnownAgency() {
        var s = Scenario()
        let a = s.standardAgencies()
        var d = Scenario.details(" ", on: s.today, agency: a.police)
        #expect(s.refusal(.receiveReferral(d))?.field == "reference")
        d.reference = "OK-1"
        d.victim.name = ""
        #expect(s.refusal(.receiveReferral(d)) == .missing(field: "victim name", what: "the victim's name"))
        d.victim.name = "Alex Example"
        d.victim.dateOfBirth = nil
        #expect(s.refusal(.receiveReferral(d))?.field == "victim date of birth")
        d.victim.dateOfBirth = s.today.adding(days: 1)
        #expect(s.refusal(.receiveReferral(d))?.field == "victim date of birth")
        d.victim.dateOfBirth = Day(year: 1980, month: 1, day: 1)
        d.agency = AgencyID(99)
        #expect(s.refusal(.receiveReferral(d)) == .unknownAgency("AG-0099"))
        d.agency = a.police
        d.receivedOn = s.today.adding(days: 1)
        #expect(s.refusal(.receiveReferral(d))?.field == "referral date")
    }

    @Test func aReferenceIsUsedOnce() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let first = try s.receive(Scenario.details("NB-1", on: s.today, agency: a.police))
        #expect(s.refusal(.receiveReferral(Scenario.details("nb-1 ", on: s.today, agency: a.police))) == .duplicateReference("nb-1", existing: first))
    }

    @Test func dashAnswersAreScoredByTheToolNotByTheForm() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        var answers = Array(repeating: RiskAnswer(.no), count: 24)
        for i in 0..<15 { answers[i] = RiskAnswer(.yes) }
        answers[20] = RiskAnswer(.dontKnow)
        var d = Scenario.details("DASH", on: s.today, agency: a.police, score: nil)
        d.assessment = RiskAssessment(toolKey: "dash-ric", toolVersion: "", completedOn: s.today, answers: answers, score: 3)
        let r = try s.receive(d)
        #expect(s.state.referral(r)?.details.assessment?.score == 15)
        #expect(s.state.referral(r)?.details.assessment?.toolVersion == "2009")
        d.reference = "DASH-23"
        d.assessment?.answers.removeLast()
        #expect(s.refusal(.receiveReferral(d)) == .wrongNumberOfAnswers(tool: "SafeLives DASH RIC", expected: 24, got: 23))
        d.assessment = .scored(.dashRIC, on: s.today, score: 25)
        #expect(s.refusal(.receiveReferral(d)) == .scoreOutOfRange(tool: "SafeLives DASH RIC", score: 25, maximum: 24))
        d.assessment?.toolKey = "unknown-tool"
        #expect(s.refusal(.receiveReferral(d)) == .unknownRiskTool("unknown-tool"))
    }

    @Test func acceptingMakesACaseAndRefersTheVictimToTheIDVAService() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today.adding(days: 14))
        let r = try s.receive(Scenario.details("ACC", on: s.today, agency: a.police))
        let c = try s.accept(r, onto: m)
        let made = s.state.case(c)!
        #expect(made.referral == r)
        #expect(made.idvaService == a.idva)
        #expect(made.idvaReferredOn == s.today)
        #expect(made.status == .listed)
        #expect(s.state.meeting(m)?.listedCases == [c])
        #expect(s.state.referral(r)?.status == .accepted(c))
        #expect(s.refusal(.acceptReferral(r, onto: m)) == .referralNotAwaitingTriage(r, status: "accepted as \(c)"))
    }

    @Test func aFrozenOrHeldMeetingTakesNoMoreCases() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today.adding(days: 14))
        try s.run(.freezeCaseList(m))
        let r = try s.receive(Scenario.details("LATE", on: s.today, agency: a.police))
        #expect(s.refusal(.acceptReferral(r, onto: m)) == .caseListFrozen(m))
        let held = s.meeting(on: s.today)
        s.hold(held)
        #expect(s.refusal(.acceptReferral(r, onto: held)) == .meetingNotOpen(held, status: .ended))
    }

    @Test func returningAReferralSaysWhatIsMissingAndAnUpdateBringsItBack() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let r = try s.receive(Scenario.details("RET", on: s.today, agency: a.police))
        #expect(s.refusal(.returnReferral(r, missing: "")) == .missing(field: "missing", what: "what is missing"))
        try s.run(.returnReferral(r, missing: "The DASH answers"))
        #expect(s.state.triageQueue().isEmpty)
        var d = s.state.referral(r)!.details
        d.summary = "Answers now attached."
        try s.run(.updateReferral(r, d))
        #expect(s.state.referral(r)?.status == .awaitingTriage)
        #expect(s.state.triageQueue().map(\.referral) == [r])
        #expect(s.state.referral(r)?.history.map(\.status.key) == ["awaiting-triage", "returned", "awaiting-triage"])
    }

    @Test func aReferralCanBeTransferredToTheMARACWhereTheVictimNowLives() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let r = try s.receive(Scenario.details("TX", on: s.today, agency: a.police))
        #expect(s.refusal(.transferReferralOut(r, Transfer(marac: "", on: s.today)))?.field == "MARAC")
        try s.run(.transferReferralOut(r, Transfer(marac: "Southvale MARAC", on: s.today)))
        #expect(s.state.referral(r)?.status == .transferredOut(Transfer(marac: "Southvale MARAC", on: s.today)))
    }

    @Test func rolesGateEveryChange() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let r = try s.receive(Scenario.details("ROLE", on: s.today, agency: a.police))
        let m = s.meeting(on: s.today.adding(days: 14))
        s.actor = Actor(name: "val", role: .viewer)
        #expect(s.refusal(.acceptReferral(r, onto: m)) == .notPermitted(command: "accept referral", role: .viewer, needs: [.coordinator, .admin]))
        s.actor = Actor(name: "chris", role: .chair)
        #expect(s.refusal(.acceptReferral(r, onto: m)) != nil)
        #expect(DomainError.notPermitted(command: "accept referral", role: .chair, needs: [.coordinator, .admin]).message
                == "accept referral needs the coordinator or admin role; you are signed in as chair.")
        s.actor = Actor(name: "ada", role: .admin)
        _ = try s.accept(r, onto: m)
        // Viewing is recorded for every role.
        s.actor = Actor(name: "val", role: .viewer)
        #expect(s.refusal(.recordCaseViewed(CaseID(1))) == nil)
    }

    /// A victim referred on 2 March 2026 and listed for 9 March is referred again on 5 March:
    /// the second referral is a further incident for the case, not a case of its own or a
    /// repeat. After the hearing, a referral on 1 April is a repeat.
    @Test func aReferralBeforeTheHearingJoinsTheCaseAndOneAfterItIsARepeat() throws {
        var s = Scenario(today: Day(year: 2026, month: 3, day: 2)!)
        let a = s.standardAgencies()
        let m1 = s.meeting(on: Day(year: 2026, month: 3, day: 9)!)
        let first = try s.accept(try s.receive(Scenario.details("F1", on: s.today, agency: a.police)), onto: m1)
        s.today = Day(year: 2026, month: 3, day: 5)!
        let again = try s.receive(Scenario.details("F2", on: s.today, agency: a.housing, score: 9))
        let candidate = try #require(s.state.repeatCandidates(for: s.state.referral(again)!.details, excluding: again).first)
        #expect(candidate.caseID == first && candidate.notYetHeard && !candidate.canBeRepeat)
        #expect(s.state.triageQueue().first { $0.referral == again }?.flags.contains(.furtherIncident) == true)
        #expect(s.refusal(.linkRepeat(again, first)) == .caseNotYetHeard(first))
        try s.run(.addToCase(again, first))
        #expect(s.state.referral(again)?.status == .addedToCase(first))
        #expect(s.state.furtherReferrals(of: first).map(\.id) == [again])
        #expect(s.state.cases.count == 1, "not a case of its own")

        s.today = Day(year: 2026, month: 3, day: 9)!
        s.hold(m1)
        #expect(s.state.dataReturn(for: Quarter(year: 2026, number: 1)!).casesDiscussed == 1)
        #expect(s.state.dataReturn(for: Quarter(year: 2026, number: 1)!).repeatCases == 0)
        s.today = Day(year: 2026, month: 4, day: 1)!
        let later = try s.receive(Scenario.details("F3", on: s.today, agency: a.police, score: 9))
        #expect(s.refusal(.addToCase(later, first)) != nil, "a heard case is repeated, not added to")
        try s.run(.linkRepeat(later, first))
        #expect(s.state.referral(later)?.repeatOf == first)
    }
}
