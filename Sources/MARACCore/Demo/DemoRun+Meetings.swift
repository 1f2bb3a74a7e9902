/// Research returns before a meeting, the meeting held (attendance, discussions, actions), and
/// how each action turns out.
extension DemoRun {
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
}
