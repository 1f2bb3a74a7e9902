import MARACCore
import Testing

/// The agenda in the standard order, and the case list's cut-off.
@Suite struct AgendaTests {
    @Test func casesWithChildrenComeFirstThenAdultOnlyCasesEachInTheOrderAccepted() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today.adding(days: 21))
        var cases: [CaseID] = []
        for (i, children) in [0, 2, 0, 1].enumerated() {
            let v = Scenario.victim("Victim \(i)", born: Day(year: 1980 + i, month: 1, day: 1)!)
            cases.append(try s.accept(try s.receive(Scenario.details("A\(i)", on: s.today, agency: a.police, victim: v, children: children)), onto: m))
        }
        let agenda = s.state.agenda(for: m)!
        #expect(agenda.cases == [cases[1], cases[3], cases[0], cases[2]])
        #expect(agenda.casesWithChildren == [cases[1], cases[3]])
        try s.run(.reorderAgenda(m, [cases[2], cases[0], cases[1], cases[3]]))
        #expect(s.state.agenda(for: m)!.cases == [cases[2], cases[0], cases[1], cases[3]])
        #expect(s.refusal(.reorderAgenda(m, [cases[0]])) == .reorderMustListEveryCase(m))
    }

    /// As a MARAC reviews them: due by the meeting, or on a case heard again at it; an open
    /// action not yet due on a case not listed waits.
    @Test func theActionsToReviewAreThoseDueByTheMeetingOrOnACaseHeardAgain() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let first = s.meeting(on: s.today.adding(days: 7))
        let second = s.meeting(on: s.today.adding(days: 21))
        let c = try s.accept(try s.receive(Scenario.details("O1", on: s.today, agency: a.police)), onto: first)
        s.advance(days: 7)
        try s.run(.startMeeting(first))
        try s.run(.startCaseDiscussion(first, c))
        for (n, due) in [10, 60].enumerated() {
            try s.run(.agreeAction(caseID: c, meeting: first, agency: a.housing, owner: "", description: "Action \(n)", due: s.today.adding(days: due)))
        }
        try s.run(.endMeeting(first))
        let m = try #require(s.state.meeting(second))
        #expect(s.state.outstandingActions(before: m) == [ActionID(1), ActionID(2)])
        #expect(s.state.outstandingActionsToReview(at: m) == [ActionID(1)], "the one due in sixty days waits")
        var heardAgain = m
        heardAgain.listedCases.append(c)
        #expect(s.state.outstandingActionsToReview(at: heardAgain) == [ActionID(1), ActionID(2)], "on a case heard again, every open action is reviewed")
    }

    @Test func outstandingActionsFromEarlierMeetingsComeFirst() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let first = s.meeting(on: s.today.adding(days: 7))
        let second = s.meeting(on: s.today.adding(days: 35))
        let c = try s.accept(try s.receive(Scenario.details("O1", on: s.today, agency: a.police)), onto: first)
        s.advance(days: 7)
        try s.run(.startMeeting(first))
        try s.run(.startCaseDiscussion(first, c))
        for (n, due) in [20, 10, 30].enumerated() {
            try s.run(.agreeAction(caseID: c, meeting: first, agency: a.housing, owner: "", description: "Action \(n)",
                                   due: s.today.adding(days: due)))
        }
        try s.run(.endMeeting(first))
        try s.run(.updateActionStatus(ActionID(3), .done, note: "", on: s.today))
        let agenda = s.state.agenda(for: second)!
        #expect(agenda.outstandingActions == [ActionID(2), ActionID(1)], "open ones, soonest due first")
        #expect(s.state.agenda(for: first)!.outstandingActions.isEmpty, "not the meeting's own")
    }

    @Test func lapsedRepeatWindowsAreListedForInformation() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let m1 = s.meeting(on: s.today.adding(days: 7))
        let c = try s.accept(try s.receive(Scenario.details("L1", on: s.today, agency: a.police)), onto: m1)
        let referralDay = s.today
        s.advance(days: 7)
        s.hold(m1)
        let before = s.meeting(on: referralDay.adding(months: 12).adding(days: -10))
        let after = s.meeting(on: referralDay.adding(months: 12).adding(days: 10))
        #expect(s.state.agenda(for: before)!.lapsedWindows.isEmpty)
        #expect(s.state.agenda(for: after)!.lapsedWindows == [c])
        #expect(s.state.repeatWindowEnd(of: s.state.case(c)!) == referralDay.adding(months: 12))
    }

    /// SafeLives: a repeat is within 12 months of the *last* referral to MARAC. A victim referred
    /// on 2 March 2026 and again on 1 July 2026 is inside a window until 1 July 2027: the first
    /// case's own end (2 March 2027) is not a lapse, and the victim is listed once, by the
    /// second case, at the first meeting after 1 July 2027.
    @Test(arguments: [true, false])
    func aWindowKeptOpenByALaterReferralIsNotLapsedAndTheVictimIsListedOnce(linked: Bool) throws {
        var s = Scenario(today: Day(year: 2026, month: 3, day: 2)!)
        let a = s.standardAgencies()
        let m1 = s.meeting(on: Day(year: 2026, month: 3, day: 9)!)
        let first = try s.accept(try s.receive(Scenario.details("W1", on: s.today, agency: a.police)), onto: m1)
        s.today = Day(year: 2026, month: 3, day: 9)!
        s.hold(m1)
        s.today = Day(year: 2026, month: 7, day: 1)!
        let m2 = s.meeting(on: Day(year: 2026, month: 7, day: 8)!)
        let again = try s.receive(Scenario.details("W2", on: s.today, agency: a.police))
        // Linked by the admin as a repeat, or the same name and date of birth without a link.
        if linked { try s.run(.linkRepeat(again, first)) }
        let second = try s.accept(again, onto: m2)
        s.today = Day(year: 2026, month: 7, day: 8)!
        s.hold(m2)
        #expect(s.state.repeatWindowEnd(of: s.state.case(first)!) == Day(year: 2027, month: 3, day: 2)!)
        #expect(s.state.repeatWindowEnd(of: s.state.case(second)!) == Day(year: 2027, month: 7, day: 1)!)
        s.today = Day(year: 2027, month: 2, day: 1)!
        let march = s.meeting(on: Day(year: 2027, month: 3, day: 11)!)
        let july = s.meeting(on: Day(year: 2027, month: 7, day: 8)!)
        #expect(s.state.agenda(for: march)!.lapsedWindows.isEmpty, "still inside the window of the July 2026 referral")
        #expect(s.state.agenda(for: july)!.lapsedWindows == [second], "listed once, by the last referral")
        #expect(s.state.casesOfSameVictim(as: s.state.case(first)!) == [second])
    }

    /// Another victim with the same name but a different date of birth keeps nobody's window open.
    @Test func anotherVictimWithTheSameNameDoesNotKeepAWindowOpen() throws {
        var s = Scenario(today: Day(year: 2026, month: 3, day: 2)!)
        let a = s.standardAgencies()
        let m1 = s.meeting(on: Day(year: 2026, month: 3, day: 9)!)
        let first = try s.accept(try s.receive(Scenario.details("N1", on: s.today, agency: a.police)), onto: m1)
        s.today = Day(year: 2026, month: 3, day: 9)!
        s.hold(m1)
        s.today = Day(year: 2026, month: 7, day: 1)!
        let m2 = s.meeting(on: Day(year: 2026, month: 7, day: 8)!)
        let other = Scenario.victim(born: Day(year: 1979, month: 11, day: 3)!)
        _ = try s.accept(try s.receive(Scenario.details("N2", on: s.today, agency: a.police, victim: other)), onto: m2)
        s.today = Day(year: 2026, month: 7, day: 8)!
        s.hold(m2)
        let march = s.meeting(on: Day(year: 2027, month: 3, day: 11)!)
        #expect(s.state.agenda(for: march)!.lapsedWindows == [first])
    }

    /// A window that ended while a meeting was cancelled is told to the next meeting that sits:
    /// "since the previous meeting" counts from the last meeting not cancelled, so nothing falls
    /// between two agendas. Victim X's window ends on 2 March 2027, between the meeting of
    /// 18 February and the cancelled one of 4 March; it is listed on 18 March, once.
    @Test func aWindowThatEndedWhileAMeetingWasCancelledIsToldToTheNextMeeting() throws {
        var s = Scenario(today: Day(year: 2026, month: 3, day: 2)!)
        let a = s.standardAgencies()
        let m1 = s.meeting(on: Day(year: 2026, month: 3, day: 9)!)
        let x = try s.accept(try s.receive(Scenario.details("X1", on: s.today, agency: a.police)), onto: m1)
        s.today = Day(year: 2026, month: 3, day: 9)!
        s.hold(m1)
        s.today = Day(year: 2027, month: 2, day: 1)!
        let february = s.meeting(on: Day(year: 2027, month: 2, day: 18)!)
        let cancelled = s.meeting(on: Day(year: 2027, month: 3, day: 4)!)
        let march = s.meeting(on: Day(year: 2027, month: 3, day: 18)!)
        #expect(s.state.agenda(for: cancelled)!.lapsedWindows == [x], "while it is still to sit, the 4 March meeting is told")
        #expect(s.state.agenda(for: march)!.lapsedWindows.isEmpty)
        try s.run(.cancelMeeting(cancelled, reason: "Chair unavailable"))
        #expect(s.state.agenda(for: february)!.lapsedWindows.isEmpty, "the window had not yet ended")
        #expect(s.state.agenda(for: march)!.lapsedWindows == [x], "told to the next meeting that sits")
        let april = s.meeting(on: Day(year: 2027, month: 4, day: 15)!)
        #expect(s.state.agenda(for: april)!.lapsedWindows.isEmpty, "and only once")
    }

    @Test func otherBusinessClosesTheAgenda() throws {
        var s = Scenario()
        let m = s.meeting(on: s.today.adding(days: 7))
        try s.run(.addOtherBusiness(m, "New housing representative"))
        #expect(s.state.agenda(for: m)!.otherBusiness == ["New housing representative"])
    }

    @Test func theCaseListIsCutOffEightWorkingDaysBefore() {
        var s = Scenario()
        // Thursday 19 March 2026: eight working days before is Monday 9 March.
        let m = s.meeting(on: Day(year: 2026, month: 3, day: 19)!)
        #expect(s.state.agenda(for: m)!.caseListCutoff == Day(year: 2026, month: 3, day: 9)!)
        var nine = Scenario(profile: AreaProfile(maracName: "Nine", caseListCutoffWorkingDays: 9))
        let m9 = nine.meeting(on: Day(year: 2026, month: 3, day: 19)!)
        #expect(nine.state.agenda(for: m9)!.caseListCutoff == Day(year: 2026, month: 3, day: 6)!)
    }

    @Test func theNextMeetingIsTheFirstStillToBeHeld() throws {
        var s = Scenario()
        let past = s.meeting(on: s.today.adding(days: -14))
        let soon = s.meeting(on: s.today.adding(days: 7))
        _ = s.meeting(on: s.today.adding(days: 35))
        s.hold(past)
        #expect(s.state.nextMeeting(onOrAfter: s.today)?.id == soon)
    }
}

/// Found by the fold property test: purging a case recorded in error must not erase the
/// referral it shares with the case accepted in its place.
@Suite struct PurgeOfASharedReferralTests {
    @Test func aCaseInErrorWhoseReferralWasAcceptedAgainIsNotPurgedApart() throws {
        var s = Scenario()
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today.adding(days: 14))
        let r = try s.receive(Scenario.details("P-1", on: s.today, agency: a.police))
        let first = try s.accept(r, onto: m)
        try s.run(.withdrawAcceptance(r, reason: "accepted onto the wrong meeting"))
        let second = try s.accept(r, onto: m)
        #expect(first != second)
        let refusal = s.refusal(.purgeCase(first))
        #expect(refusal?.message.contains("also case \(second)") == true)
        #expect(!s.state.casesPastRetention(on: s.today.adding(years: 20)).map(\.id).contains(first))
        #expect(s.state.casesPastRetention(on: s.today.adding(years: 20)).map(\.id).contains(second))
    }
}
