import MARACCore
import Testing

/// The four referral criteria: any one is enough.
@Suite struct CriteriaTests {
    @Test func visibleHighRiskIsADashScoreOf14OrMore() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let at14 = try s.receive(Scenario.details("R14", on: s.today, agency: a.police, score: 14))
        #expect(s.state.criteria(of: s.state.referral(at14)!) == .visibleHighRisk)
        let refusal = s.refusal(.receiveReferral(Scenario.details("R13", on: s.today, agency: a.police, score: 13)))
        #expect(refusal == .noCriterionMet(score: 13, threshold: 14))
    }

    @Test func theThresholdIsTheAreasSetting() throws {
        var tool = RiskTool.dashRIC
        tool.threshold = 12
        var s = Scenario(profile: AreaProfile(maracName: "Low threshold", riskTools: [tool, .merit]))
        let a = s.standardAgencies()
        let r = try s.receive(Scenario.details("R12", on: s.today, agency: a.police, score: 12))
        #expect(s.state.criteria(of: s.state.referral(r)!).contains(.visibleHighRisk))
    }

    @Test func meritCountsFrom72() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        var gold = Scenario.details("M72", on: s.today, agency: a.police, score: nil)
        gold.assessment = .scored(.merit, on: s.today, score: 72)
        let r = try s.receive(gold)
        #expect(s.state.criteria(of: s.state.referral(r)!) == .visibleHighRisk)
        #expect(RiskTool.merit.band(for: 72)?.name == "Gold")
        var silver = Scenario.details("M71", on: s.today, agency: a.police, score: nil)
        silver.assessment = .scored(.merit, on: s.today, score: 71)
        #expect(s.refusal(.receiveReferral(silver)) == .noCriterionMet(score: 71, threshold: 72))
    }

    @Test func professionalJudgementAloneIsEnoughAndNeverLowersAScore() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let low = try s.receive(Scenario.details("PJ", on: s.today, agency: a.idva, score: 6,
                                                 judgement: "Victim very frightened; injuries seen twice."))
        #expect(s.state.criteria(of: s.state.referral(low)!) == .professionalJudgement)
        let high = try s.receive(Scenario.details("PJ2", on: s.today, agency: a.idva, score: 20, judgement: "Strangulation."))
        #expect(s.state.criteria(of: s.state.referral(high)!) == [.visibleHighRisk, .professionalJudgement])
        #expect(s.state.referral(high)!.details.assessment?.score == 20)
        // Blank reasons are no reasons.
        #expect(s.refusal(.receiveReferral(Scenario.details("PJ3", on: s.today, agency: a.idva, score: 6, judgement: "   "))) != nil)
    }

    @Test func escalationCountsIncidentsInsideTheRulesMonths() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        func referral(_ ref: String, incidents: [Int]) -> ReferralDetails {
            var d = Scenario.details(ref, on: s.today, agency: a.police, score: 8)
            d.incidents = IncidentHistory(incidentDates: incidents.map { s.today.adding(days: -$0) })
            return d
        }
        let three = try s.receive(referral("E3", incidents: [10, 100, 300]))
        #expect(s.state.criteria(of: s.state.referral(three)!) == .escalation)
        // 400 days ago is outside the twelve months.
        #expect(s.refusal(.receiveReferral(referral("E2", incidents: [10, 100, 400]))) != nil)
        // A bare count from the form counts when no dates were given.
        var counted = Scenario.details("EC", on: s.today, agency: a.police, score: 8)
        counted.incidents = IncidentHistory(reportedCount: 4)
        let c = try s.receive(counted)
        #expect(s.state.criteria(of: s.state.referral(c)!) == .escalation)
    }

    @Test func escalationFollowsTheAreasRule() throws {
        var s = Scenario(profile: AreaProfile(maracName: "Strict", escalation: EscalationRule(incidents: 3, months: 6)))
        let a = s.standardAgencies()
        var d = Scenario.details("E6", on: s.today, agency: a.police, score: 8)
        d.incidents = IncidentHistory(incidentDates: [10, 100, 250].map { s.today.adding(days: -$0) })
        // 250 days is more than six months: two incidents count, three are needed.
        #expect(s.refusal(.receiveReferral(d)) != nil)
        let history = d.incidents!
        #expect(history.count(under: EscalationRule(incidents: 3, months: 6), referralDate: s.today) == 2)
        #expect(history.count(under: EscalationRule(incidents: 3, months: 12), referralDate: s.today) == 3)
    }

    @Test func aRepeatInsideItsWindowIsACriterionWhateverTheScore() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let m1 = s.meeting(on: s.today.adding(days: 14))
        let first = try s.receive(Scenario.details("FIRST", on: s.today, agency: a.police, score: 18))
        let earlier = try s.accept(first, onto: m1)
        s.advance(days: 14)
        s.hold(m1)
        s.advance(days: 186)
        let m2 = s.meeting(on: s.today.adding(days: 14))
        // A low score with no other criterion: received because an earlier case matches.
        let again = try s.receive(Scenario.details("AGAIN", on: s.today, agency: a.police, score: 5))
        #expect(s.state.criteria(of: s.state.referral(again)!).isEmpty)
        #expect(s.refusal(.acceptReferral(again, onto: m2)) == .noCriterionMet(score: 5, threshold: 14))
        try s.run(.linkRepeat(again, earlier))
        #expect(s.state.criteria(of: s.state.referral(again)!) == .repeat)
        let c = try s.accept(again, onto: m2)
        #expect(s.state.case(c)?.repeatOf == earlier)
    }

    /// The questions keep the qualifiers of SafeLives' DASH RIC (2009): who the victim is kept
    /// from (4), that sexual abuse may hurt someone else too (16), and that the drink, drugs or
    /// mental health cause problems in leading a normal life (21).
    @Test func theDASHQuestionsKeepSafeLivesQualifiers() {
        let q = RiskTool.dashQuestions
        #expect(q.count == 24)
        #expect(q[3].contains("stop the victim seeing friends/family/doctor or others"))
        #expect(q[15].contains("physically hurt the victim or someone else"))
        #expect(q[20].contains("(prescription or other)") && q[20].contains("problems in leading a normal life"))
    }

    /// Potential escalation is "an escalation in frequency or severity" (Knowsley). Frequency:
    /// three incidents in the twelve months before a referral of 28 November 2026 count from
    /// 28 November 2025; one on 1 October 2025 does not. Severity: flagged with its reason.
    @Test func escalationIsFrequencyInsideTheRulesMonthsOrSeverityWithItsReason() throws {
        var s = Scenario(today: Day(year: 2026, month: 11, day: 28)!)
        let a = s.standardAgencies()
        func criteria(_ incidents: IncidentHistory) -> CriteriaMet {
            var d = Scenario.details("E", on: s.today, agency: a.police, score: 5)
            d.incidents = incidents
            return s.state.criteria(of: d, repeatOf: nil)
        }
        let day = { (y: Int, m: Int, d: Int) in Day(year: y, month: m, day: d)! }
        #expect(s.state.profile.escalation == EscalationRule(incidents: 3, months: 12))
        #expect(!criteria(IncidentHistory(incidentDates: [day(2025, 10, 1), day(2026, 2, 1), day(2026, 6, 1)])).contains(.escalation))
        #expect(criteria(IncidentHistory(incidentDates: [day(2025, 11, 28), day(2026, 2, 1), day(2026, 6, 1)])).contains(.escalation))
        #expect(criteria(IncidentHistory(reportedCount: 3)).contains(.escalation), "a count is of the rule's months: the form asks so")
        #expect(!criteria(IncidentHistory(reportedCount: 2, escalatingInSeverity: true)).contains(.escalation), "severity needs its reason")
        #expect(criteria(IncidentHistory(reportedCount: 1, escalatingInSeverity: true, severityReason: "Strangled for the first time")).contains(.escalation))
        var severe = Scenario.details("E2", on: s.today, agency: a.police, score: 5)
        severe.incidents = IncidentHistory(escalatingInSeverity: true, severityReason: "Now threatens with a knife")
        let r = try s.receive(severe)
        #expect(s.state.criteria(of: s.state.referral(r)!) == .escalation, "received on severity alone")
    }
}
