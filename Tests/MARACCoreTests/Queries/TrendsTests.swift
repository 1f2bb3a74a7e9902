import Testing
@testable import MARACCore

/// Trends are the quarterly return quarter by quarter, read against a range; the agencies'
/// records over the same quarters.
@Suite struct TrendsTests {
    static let today = Day(year: 2026, month: 11, day: 28)!
    /// Two years of meetings: enough quarters for eight.
    static let state = DemoGenerator(seed: 4, cases: 700, today: today).generate { _ in }
    static let q3 = Quarter(year: 2026, number: 3)!

    @Test func everyPointIsTheQuartersOwnReturnAndTheLastPointIsTheReturn() throws {
        let trends = Self.state.trends(through: Self.q3, quarters: 8, today: Self.today)
        #expect(trends.quarters.count >= 6)
        #expect(trends.quarters.last == Self.q3)
        for (i, q) in trends.quarters.enumerated() {
            let own = Self.state.dataReturn(for: q)
            #expect(trends.returns[i] == own)
            for figure in own.figures {
                let point = try #require(trends.figure(figure.key)?.points[i])
                #expect(point.quarter == q)
                #expect(point.count == figure.value, "\(figure.key) in \(q)")
                #expect(point.percent == figure.percent, "\(figure.key) in \(q)")
            }
            #expect(trends.figure("cases_per_10k_adult_females")?.points[i].value == own.casesPer10kAdultFemales)
        }
        #expect(trends.figure("repeat_cases")?.points.last?.count == Self.state.dataReturn(for: Self.q3).repeatCases)
    }

    @Test func aYoungStoreShowsTheQuartersItHasAndNoneBefore() throws {
        let young = DemoGenerator(seed: 1, cases: 60, today: Self.today).generate { _ in }
        let first = try #require(young.meetings.filter { $0.startedAt != nil }.map(\.date).min())
        let quarters = young.trendQuarters(through: Quarter(containing: Self.today), count: 8)
        #expect(quarters.first == Quarter(containing: first))
        #expect(quarters.count < 8)
        #expect(zip(quarters, quarters.dropFirst()).allSatisfy { $0.next == $1 })
    }

    @Test func theCasesBehindABarAreTheCasesTheFigureCounts() {
        let r = Self.state.dataReturn(for: Self.q3)
        #expect(Self.state.casesBehind(figure: "repeat_cases", in: Self.q3).count == r.repeatCases)
        #expect(Self.state.casesBehind(figure: "police_referrals", in: Self.q3).count == r.policeReferrals)
        #expect(Self.state.casesBehind(figure: "non_police_referrals", in: Self.q3).count == r.nonPoliceReferrals)
        #expect(Self.state.casesBehind(figure: "male_victims", in: Self.q3).count == r.maleVictims)
        #expect(Self.state.casesBehind(figure: "cases", in: Self.q3).count == r.casesDiscussed)
        for (_, caseID) in Self.state.casesBehind(figure: "repeat_cases", in: Self.q3) {
            #expect(Self.state.case(caseID)?.repeatOf != nil)
        }
    }

    @Test func aFigureIsReadAgainstSafeLivesRangeUnlessTheAreaSetItsOwn() throws {
        var state = Self.state
        let safeLives = try #require(state.trends(through: Self.q3, today: Self.today).figure("repeat_cases"))
        #expect(safeLives.range == ExpectedRange(low: 28, high: 40))
        #expect(safeLives.rangeSource == "SafeLives")
        for p in safeLives.points {
            guard let v = p.value else { continue }
            #expect(p.position == (v < 28 ? .below : v > 40 ? .above : .within))
        }
        state.profile = try AreaSettings.set(AreaSettings.named("range-repeat-cases")!, to: "10-15", in: state.profile, state: state)
        let own = try #require(state.trends(through: Self.q3, today: Self.today).figure("repeat_cases"))
        #expect(own.range == ExpectedRange(low: 10, high: 15))
        #expect(own.rangeSource == "area")
        #expect(own.points.contains { $0.position == .above })
        state.profile = try AreaSettings.set(AreaSettings.named("range-repeat-cases")!, to: "none", in: state.profile, state: state)
        let none = try #require(state.trends(through: Self.q3, today: Self.today).figure("repeat_cases"))
        #expect(none.range == nil && none.points.allSatisfy { $0.position == nil })
        state.profile = try AreaSettings.set(AreaSettings.named("range-repeat-cases")!, to: "safelives", in: state.profile, state: state)
        #expect(state.profile.figureRanges.isEmpty)
    }

    @Test func aRangeIsWrittenAsPeopleSayIt() {
        #expect(ExpectedRange(parsing: "28-40") == ExpectedRange(low: 28, high: 40))
        #expect(ExpectedRange(parsing: "28% to 40%") == ExpectedRange(low: 28, high: 40))
        #expect(ExpectedRange(parsing: "at least 5") == ExpectedRange(low: 5))
        #expect(ExpectedRange(parsing: "5+") == ExpectedRange(low: 5))
        #expect(ExpectedRange(parsing: "at most 10%") == ExpectedRange(high: 10))
        #expect(ExpectedRange(parsing: "2.5-7.5") == ExpectedRange(low: 2.5, high: 7.5))
        #expect(ExpectedRange(parsing: "40-28") == nil)
        #expect(ExpectedRange(parsing: "lots") == nil)
        #expect(ExpectedRange(parsing: "-5") == nil)
        for text in ["28-40", "at least 5", "at most 10", "2.5-7.5"] {
            #expect(ExpectedRange(parsing: text)?.text == text)
        }
        #expect(throws: DomainError.self) {
            try AreaSettings.set(AreaSettings.named("range-male-victims")!, to: "ten to five", in: Self.state.profile, state: Self.state)
        }
    }

    @Test func theAreasRangesAreKeptInTheStore() throws {
        var state = Self.state
        state.profile.figureRanges = [FigureRangeSetting(key: "repeat_cases", range: ExpectedRange(low: 20, high: 30)),
                                      FigureRangeSetting(key: "lgbt_victims", range: nil)]
        let back = try MARACState(snapshot: state.snapshotBytes())
        #expect(back.profile.figureRanges == state.profile.figureRanges)
        #expect(back.profile.expectedRange(for: "lgbt_victims") == nil)
    }

    /// Each agency's quarter by the rules, recounted from the actions and referrals directly.
    @Test func anAgencysQuarterCountsItsReferralsAttendanceAndActions() throws {
        let trends = Self.state.trends(through: Self.q3, quarters: 4, today: Self.today)
        let police = try #require(trends.agencies.first { $0.agency.kind == .police })
        let q = try #require(police.quarters.last)
        let referrals = Self.state.referrals.filter {
            $0.details.agency == police.agency.id && Self.q3.contains($0.details.receivedOn)
        }.filter { if case .recordedInError = $0.status { false } else { true } }
        #expect(q.referralsMade == referrals.count)
        let due = Self.state.actions.filter { $0.agency == police.agency.id && $0.inError == nil && Self.q3.contains($0.due) }
        #expect(q.actionsDue == due.count)
        let onTime = due.filter { $0.status == .done && ($0.latestUpdate?.on ?? Self.today) <= $0.due }
        #expect(q.completedOnTime == onTime.count)
        #expect(q.overdue == due.count - onTime.count - due.filter { $0.status == .notPossible }.count)
        let held = Self.state.meetings.filter { Self.q3.contains($0.date) && $0.startedAt != nil && $0.status != .cancelled }
        #expect(q.meetingsExpected == held.count)
        #expect(q.meetingsAttended == held.filter { $0.attendance(of: police.agency.id)?.isPresent == true }.count)
    }

    @Test func anAgencyIsSlippingWhenItsActionsOnTimeOrAttendanceFallTenPoints() {
        func quarter(_ n: Int, onTime: Int, late: Int, attended: Int = 4) -> AgencyQuarter {
            var q = AgencyQuarter(quarter: Quarter(year: 2026, number: n)!)
            q.completedOnTime = onTime
            q.overdue = late
            q.meetingsExpected = 4
            q.meetingsAttended = attended
            return q
        }
        #expect(MARACState.direction(of: [quarter(1, onTime: 8, late: 2), quarter(2, onTime: 5, late: 5)]).0 == .slipping)
        #expect(MARACState.direction(of: [quarter(1, onTime: 5, late: 5), quarter(2, onTime: 8, late: 2)]).0 == .improving)
        #expect(MARACState.direction(of: [quarter(1, onTime: 8, late: 2), quarter(2, onTime: 8, late: 2, attended: 2)]).0 == .slipping)
        #expect(MARACState.direction(of: [quarter(1, onTime: 8, late: 2), quarter(2, onTime: 17, late: 3)]).0 == .steady)
        // Two actions due say nothing: only attendance is compared, and it held.
        #expect(MARACState.direction(of: [quarter(1, onTime: 2, late: 0), quarter(2, onTime: 0, late: 2)]).0 == .steady)
        #expect(MARACState.direction(of: [quarter(1, onTime: 8, late: 2)]).0 == .tooFewToTell)
        let (_, reason) = MARACState.direction(of: [quarter(1, onTime: 8, late: 2), quarter(2, onTime: 5, late: 5)])
        #expect(reason == "actions on time 80% in 2026-Q1 to 50% in 2026-Q2")
    }

    @Test func theQuarterStillRunningIsNotJudged() throws {
        let trends = Self.state.trends(through: Quarter(containing: Self.today), quarters: 3, today: Self.today)
        let judged = try #require(trends.agencies.first { $0.direction != .tooFewToTell })
        #expect(!judged.reason.contains(Quarter(containing: Self.today).description))
    }

    /// A store with no cases yet (as `marac init` leaves it) charts the same figures in the
    /// same measures: a share stays a share when there is nothing to share out.
    @Test func anEmptyStoreHasEveryFigureInItsMeasure() throws {
        let empty = MARACState()
        let trends = empty.trends(through: Self.q3, quarters: 8, today: Self.today)
        #expect(trends.quarters == [Self.q3])
        let full = Self.state.trends(through: Self.q3, quarters: 8, today: Self.today)
        #expect(trends.figures.map(\.key) == full.figures.map(\.key))
        #expect(trends.figures.map(\.measure) == full.figures.map(\.measure))
        #expect(trends.figure("police_referrals")?.measure == .percent)
        #expect(trends.figure("police_referrals")?.points.first?.value == nil)
        #expect(trends.agencies.isEmpty)
    }
}

