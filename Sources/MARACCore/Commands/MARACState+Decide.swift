/// Deciding: a command is checked against the state and the area's rules and becomes the
/// events that record it, or is refused with the rule it breaks. Deciding never changes the
/// state; the caller saves the events and then folds them in.
extension MARACState {
    /// Checks `command` against the state, the area's rules and the actor's role.
    ///
    /// - Parameters:
    ///   - command: what the user asks for.
    ///   - context: who asks, and now and today from the process's clock.
    /// - Returns: the events that record it, to be saved and then folded in with ``apply(_:)``.
    /// - Throws: a ``DomainError`` naming the rule broken and, where there is one, the field
    ///   (which the screen shows beside the form field of that name).
    public func decide(_ command: Command, context: DecisionContext) throws(DomainError) -> [Event] {
        guard command.allowedRoles.contains(context.actor.role) else {
            throw .notPermitted(command: command.name, role: context.actor.role, needs: command.allowedRoles)
        }
        if context.checksText { try TextLimits.check(command) }
        try requireMayRecordInMeeting(command, actor: context.actor)
        switch command {
        case .setAreaProfile(let profile):
            try validate(profile)
            return [.areaProfileSet(profile)]

        case .registerAgency(let name, let kind, let signed, let representatives):
            return try decideRegisterAgency(name: name, kind: kind, signed: signed, representatives: representatives)
        case .updateAgency(let id, let name, let kind, let representatives):
            var agency = try requireAgency(id)
            let trimmed = try requireText(name, field: "agency name", what: "a name")
            if let other = self.agency(named: trimmed), other.id != id { throw .duplicateAgency(other.name) }
            agency.name = trimmed
            agency.kind = kind
            agency.representatives = representatives
            return [.agencyUpdated(agency)]
        case .retireAgency(let id):
            var agency = try requireAgency(id)
            guard agency.retiredOn == nil else { throw .invalid(field: "agency", reason: "\(agency.name) was retired on \(agency.retiredOn!.british)") }
            agency.retiredOn = context.today
            return [.agencyUpdated(agency)]
        case .reinstateAgency(let id):
            var agency = try requireAgency(id)
            guard agency.retiredOn != nil else { throw .invalid(field: "agency", reason: "\(agency.name) is not retired") }
            agency.retiredOn = nil
            return [.agencyUpdated(agency)]
        case .noteAction, .extendActionDue, .changeAction:
            return try decideActionCorrection(command, today: context.today)
        case .recordActionReports, .confirmActionReport, .rejectActionReport, .reopenActionReport, .importResearch:
            return try decideAgencyReply(command, context: context)
        case .addMinutesAddendum(let id, let text):
            let m = try requireMeeting(id)
            guard m.minutesSignedOff != nil else {
                throw .invalid(field: "meeting", reason: "the minutes of \(id) are not signed off yet: correct the record itself (mark the line recorded in error, or edit it)")
            }
            return [.minutesAddendumAdded(id, try requireText(text, field: "addendum", what: "the correction"))]
        case .withdrawMeetingStart(let id):
            let m = try requireMeeting(id)
            guard m.status == .inProgress else { throw .invalid(field: "meeting", reason: "\(id) is not in progress") }
            guard m.attendance.isEmpty, m.observers.isEmpty, m.statementReadAt == nil,
                  !m.discussions.contains(where: { $0.startedAt != nil }) else {
                throw .invalid(field: "meeting", reason: "\(id) has attendance, the statement or a case recorded: end it instead, or mark those recorded in error")
            }
            return [.meetingStartWithdrawn(id)]
        case .recordISPSigned(let id, let day):
            var agency = try requireAgency(id)
            guard day <= context.today else {
                throw .invalid(field: "ISP signed", reason: "\(day.british) is in the future")
            }
            agency.ispSignedOn = day
            return [.agencyUpdated(agency)]

        case .receiveReferral(let details):
            return try decideReceive(details, context: context)
        case .updateReferral(let id, let details):
            return try decideUpdate(id, details, context: context)
        case .linkRepeat(let id, let caseID):
            return try decideLinkRepeat(id, caseID)
        case .addToCase(let id, let caseID):
            return try decideAddToCase(id, caseID)
        case .acceptReferral(let id, let meetingID):
            return try decideAccept(id, onto: meetingID, context: context)
        case .returnReferral(let id, let missing):
            try requireAwaitingTriage(id)
            let text = try requireText(missing, field: "missing", what: "what is missing")
            return [.referralReturned(id, missing: text)]
        case .declineReferral(let id, let reason):
            try requireAwaitingTriage(id)
            let text = try requireText(reason, field: "reason", what: "the reason it is not eligible")
            return [.referralDeclined(id, reason: text)]
        case .transferReferralOut(let id, let transfer):
            try requireAwaitingTriage(id)
            return [.referralTransferredOut(id, try validate(transfer, today: context.today))]
        case .transferCaseOut(let id, let transfer):
            let c = try requireCase(id)
            guard c.status == .listed || c.status == .heard else { throw .caseNotOpen(id, status: c.status) }
            return [.caseTransferredOut(id, try validate(transfer, today: context.today))]
        case .moveCase(let id, let to):
            return try decideMoveCase(id, to: to)

        case .scheduleMeeting(let date, let time, let venue, let chair):
            let t = try validateTime(time)
            var m = Meeting(id: nextMeetingID, date: date, startTime: t, venue: venue.trimmingSpaces(),
                            chair: chair.trimmingSpaces())
            m.status = .scheduled
            return [.meetingScheduled(m)]
        case .changeMeeting(let id, let date, let time, let venue, let chair):
            let m = try requireMeeting(id)
            guard m.status == .scheduled else { throw .meetingNotOpen(id, status: m.status) }
            return [.meetingChanged(id, date: date, startTime: try validateTime(time),
                                    venue: venue.trimmingSpaces(), chair: chair.trimmingSpaces())]
        case .cancelMeeting(let id, let reason):
            let m = try requireMeeting(id)
            guard m.status == .scheduled else { throw .meetingNotOpen(id, status: m.status) }
            guard m.listedCases.isEmpty else {
                throw .invalid(field: "meeting", reason: "\(m.listedCases.count) cases are listed on \(id); move them to another meeting first")
            }
            return [.meetingCancelled(id, reason: try requireText(reason, field: "reason", what: "the reason"))]
        case .freezeCaseList(let id):
            let m = try requireMeeting(id)
            guard m.status == .scheduled else { throw .meetingNotOpen(id, status: m.status) }
            guard m.caseListFrozenAt == nil else { throw .caseListFrozen(id) }
            return [.caseListFrozen(id)]
        case .recordResearchReturn(let caseID, let agencyID, let day):
            let c = try requireCase(caseID)
            _ = try requireAgency(agencyID)
            guard c.status == .listed || c.status == .heard else { throw .caseNotOpen(caseID, status: c.status) }
            if day == nil && c.researchReturn(from: agencyID) == nil {
                throw .nothingToRecord("no research return from that agency is ticked")
            }
            return [.researchReturnRecorded(caseID, agencyID, receivedOn: day)]
        case .reorderAgenda(let id, let order):
            let m = try requireOpenMeeting(id)
            // An empty order puts the standard order back.
            guard order.isEmpty || (order.count == m.listedCases.count && Set(order) == Set(m.listedCases)) else {
                throw .reorderMustListEveryCase(id)
            }
            return [.agendaReordered(id, order)]
        case .addOtherBusiness(let id, let text):
            _ = try requireOpenMeeting(id)
            return [.otherBusinessAdded(id, try requireText(text, field: "other business", what: "the item"))]

        case .startMeeting(let id):
            let m = try requireMeeting(id)
            guard m.status == .scheduled else {
                if m.status == .inProgress { throw .meetingAlreadyStarted(id) }
                throw .meetingNotOpen(id, status: m.status)
            }
            return [.meetingStarted(id)]
        case .recordAttendance(let id, let agency, let attendance):
            _ = try requireAttendanceCorrectable(id)
            _ = try requireAgency(agency)
            return [.attendanceRecorded(id, agency, attendance)]
        case .recordObserver(let id, let observer):
            _ = try requireAttendanceCorrectable(id)
            var o = observer
            o.name = try requireText(observer.name, field: "observer name", what: "the observer's name")
            o.organisation = observer.organisation.trimmingSpaces()
            return [.observerRecorded(id, o)]
        case .letOthersAdd(let id, let allowed):
            let m = try requireInProgress(id)
            guard m.othersMayAdd != allowed else {
                throw .nothingToRecord(allowed ? "other screens can already add to \(id)" : "only the screen running \(id) records in it already")
            }
            return [.meetingOpenedToOthers(id, allowed: allowed)]
        case .recordStatementRead(let id):
            _ = try requireInProgress(id)
            return [.statementRead(id)]
        case .startCaseDiscussion(let id, let caseID):
            let m = try requireInProgress(id)
            try requireListed(caseID, on: m)
            var events: [Event] = []
            if let current = m.currentCase, current != caseID { events.append(.caseDiscussionEnded(id, current)) }
            if m.currentCase != caseID { events.append(.caseDiscussionStarted(id, caseID)) }
            if events.isEmpty { throw .nothingToRecord("case \(caseID) is already under discussion") }
            return events
        case .shareInformation(let id, let caseID, let agencyID, let text):
            let m = try requireInProgress(id)
            try requireListed(caseID, on: m)
            let agency = try requireAgency(agencyID)
            guard agency.hasSignedISP else { throw .agencyHasNotSignedISP(agency.name) }
            return [.informationShared(id, caseID, agencyID, try requireText(text, field: "information", what: "what was shared"))]
        case .identifyRisk(let id, let caseID, let text):
            let m = try requireInProgress(id)
            try requireListed(caseID, on: m)
            return [.riskIdentified(id, caseID, try requireText(text, field: "risk", what: "the risk"))]
        case .recordCrimeDisclosed(let id, let caseID, let text):
            let m = try requireInProgress(id)
            try requireListed(caseID, on: m)
            return [.crimeDisclosed(id, caseID, try requireText(text, field: "crime", what: "the crime disclosed"))]
        case .recordOutcomeTeller(let id, let caseID, let who):
            let m = try requireInProgress(id)
            try requireListed(caseID, on: m)
            let name = try requireText(who, field: "tells the victim", what: "who tells the victim the outcome")
            if m.discussion(of: caseID)?.outcomeToldBy == name { throw .nothingToRecord("\(name) already tells the victim") }
            return [.outcomeTellerRecorded(id, caseID, name)]
        case .endCaseDiscussion(let id, let caseID):
            let m = try requireInProgress(id)
            guard m.currentCase == caseID else { throw .nothingToRecord("case \(caseID) is not under discussion") }
            return [.caseDiscussionEnded(id, caseID)]
        case .endMeeting(let id):
            _ = try requireInProgress(id)
            return [.meetingEnded(id)]
        case .signOffMinutes(let id):
            let m = try requireMeeting(id)
            guard m.status == .ended else {
                throw .invalid(field: "meeting", reason: "minutes can be signed off once meeting \(id) has ended")
            }
            return [.minutesSignedOff(id)]

        case .agreeAction(let caseID, let meetingID, let agencyID, let owner, let description, let due):
            return try decideAgreeAction(caseID: caseID, meetingID: meetingID, agencyID: agencyID,
                                         owner: owner, description: description, due: due)
        case .updateActionStatus(let id, let status, let note, let day):
            return try decideActionStatus(id, status, note: note, on: day, today: context.today)
        case .markRecordedInError(let reference, let reason):
            try requireMarkable(reference)
            return [.recordedInError(reference, reason: try requireText(reason, field: "reason", what: "why it is wrong"))]

        case .importReferrals(let newAgencies, let details):
            // Each row is decided against the state with the rows before it folded in, so a
            // file cannot hold the same reference twice; the first refusal stops the import.
            var scratch = self
            var events: [Event] = []
            let stamp = context.stamp
            for a in newAgencies {
                let e = try scratch.decideRegisterAgency(name: a.name, kind: a.kind, signed: nil, representatives: [])
                for event in e { scratch.apply(event, stamp: stamp) }
                events += e
            }
            for d in details {
                let e = try scratch.decideReceive(d, context: context)
                for event in e { scratch.apply(event, stamp: stamp) }
                events += e
            }
            guard !events.isEmpty else { throw .nothingToRecord("the file holds no new referrals") }
            return events

        case .withdrawAcceptance(let id, let reason):
            let r = try requireReferral(id)
            guard case .accepted(let caseID) = r.status, let c = `case`(caseID) else {
                throw .invalid(field: "referral", reason: "referral \(id) has not been accepted")
            }
            guard c.status == .listed else {
                throw .invalid(field: "referral", reason: "case \(caseID) has been heard at a meeting; its record stands")
            }
            if actions(of: caseID).contains(where: { $0.inError == nil }) {
                throw .invalid(field: "referral", reason: "case \(caseID) has actions; mark them recorded in error first")
            }
            return [.acceptanceWithdrawn(id, caseID, reason: try requireText(reason, field: "reason", what: "why"))]
        case .reopenTriage(let id, let reason):
            let r = try requireReferral(id)
            switch r.status {
            case .returned, .notEligible, .transferredOut, .addedToCase: break
            default: throw .invalid(field: "referral", reason: "referral \(id) is \(r.status.label); only a returned, declined or transferred referral can go back to the queue")
            }
            return [.triageReopened(id, reason: try requireText(reason, field: "reason", what: "why"))]
        case .unfreezeCaseList(let id):
            let m = try requireMeeting(id)
            guard m.status == .scheduled, m.caseListFrozenAt != nil else {
                throw .nothingToRecord("the case list of \(id) is not frozen")
            }
            return [.caseListUnfrozen(id)]

        case .recordCaseViewed(let id):
            _ = try requireCase(id)
            return [.caseViewed(id)]
        case .recordExport(let what, let cases):
            return [.exported(what: what, cases: cases)]
        case .recordExportFailed(let what, let cases, let reason):
            return [.exportFailed(what: what, cases: cases, reason: reason)]
        case .purgeCase(let id):
            let c = try requireCase(id)
            if c.purgedOn != nil { throw .nothingToRecord("case \(id) has already been purged") }
            // A referral accepted again after a case was recorded in error belongs to the later
            // case too: its personal data goes when that case's retention ends.
            if let live = caseSharingReferral(with: c) {
                throw .invalid(field: "case", reason: "\(id)'s referral \(c.referral) is also case \(live), which is still kept; it is purged with \(live)")
            }
            return [.casePurged(id, on: context.today)]
        }
    }

    /// Decides a command and wraps its events in a change stamped with who and when: the unit
    /// the store writes as one record.
    ///
    /// - Parameters: as ``decide(_:context:)``.
    /// - Returns: the change to save.
    /// - Throws: as ``decide(_:context:)``.
    public func change(for command: Command, context: DecisionContext) throws(DomainError) -> Change {
        Change(stamp: context.stamp, command: command.kind, events: try decide(command, context: context))
    }

    // MARK: - Lookups that refuse

    func requireAgency(_ id: AgencyID) throws(DomainError) -> Agency {
        guard let a = agency(id) else { throw .unknownAgency(id.description) }
        return a
    }

    func requireReferral(_ id: ReferralID) throws(DomainError) -> Referral {
        guard let r = referral(id) else { throw .unknownReferral(id) }
        return r
    }

    func requireCase(_ id: CaseID) throws(DomainError) -> Case {
        guard let c = `case`(id) else { throw .unknownCase(id) }
        return c
    }

    func requireMeeting(_ id: MeetingID) throws(DomainError) -> Meeting {
        guard let m = meeting(id) else { throw .unknownMeeting(id) }
        return m
    }

    func requireAction(_ id: ActionID) throws(DomainError) -> Action {
        guard let a = action(id) else { throw .unknownAction(id) }
        return a
    }

    func requireOpenMeeting(_ id: MeetingID) throws(DomainError) -> Meeting {
        let m = try requireMeeting(id)
        guard m.isOpenForChanges else { throw .meetingNotOpen(id, status: m.status) }
        return m
    }

    /// Attendance and observers may be taken, and corrected, until the minutes are signed off;
    /// after that a correction is an addendum.
    func requireAttendanceCorrectable(_ id: MeetingID) throws(DomainError) -> Meeting {
        let m = try requireMeeting(id)
        if m.status == .ended {
            try requireMinutesNotSignedOff(m)
            return m
        }
        guard m.isOpenForChanges else { throw .meetingNotOpen(id, status: m.status) }
        return m
    }

    /// Signed-off minutes are corrected by an addendum, never edited.
    func requireMinutesNotSignedOff(_ m: Meeting) throws(DomainError) {
        if let signed = m.minutesSignedOff {
            throw .invalid(field: "meeting", reason: "the minutes of \(m.id) were signed off by \(signed.actor): add an addendum instead (:addendum)")
        }
    }

    func requireInProgress(_ id: MeetingID) throws(DomainError) -> Meeting {
        let m = try requireMeeting(id)
        guard m.status == .inProgress else {
            if m.status == .scheduled { throw .meetingNotInProgress(id) }
            throw .meetingNotOpen(id, status: m.status)
        }
        return m
    }

    func requireListed(_ caseID: CaseID, on m: Meeting) throws(DomainError) {
        _ = try requireCase(caseID)
        guard m.listedCases.contains(caseID) else { throw .caseNotOnMeeting(caseID, m.id) }
    }

    @discardableResult
    func requireAwaitingTriage(_ id: ReferralID) throws(DomainError) -> Referral {
        let r = try requireReferral(id)
        guard r.status == .awaitingTriage else { throw .referralNotAwaitingTriage(id, status: r.status.label) }
        return r
    }

    func requireText(_ text: String, field: String, what: String) throws(DomainError) -> String {
        let t = text.trimmingSpaces()
        guard !t.isEmpty else { throw .missing(field: field, what: what) }
        return t
    }

    func validateTime(_ time: String) throws(DomainError) -> String {
        let t = time.trimmingSpaces()
        if t.isEmpty { return "" }
        let parts = t.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h),
              (0...59).contains(m), parts[1].count == 2 else {
            throw .invalid(field: "time", reason: "\"\(t)\" is not a time like 10:00")
        }
        return "\(Day.pad(h, 2)):\(Day.pad(m, 2))"
    }

    func validate(_ transfer: Transfer, today: Day) throws(DomainError) -> Transfer {
        let name = try requireText(transfer.marac, field: "MARAC", what: "the other MARAC's name")
        guard transfer.on <= today else {
            throw .invalid(field: "transfer date", reason: "\(transfer.on.british) is in the future")
        }
        return Transfer(marac: name, on: transfer.on)
    }

    func validate(_ profile: AreaProfile) throws(DomainError) {
        _ = try requireText(profile.maracName, field: "MARAC name", what: "the MARAC's name")
        guard profile.riskTool(profile.defaultRiskTool) != nil else { throw .unknownRiskTool(profile.defaultRiskTool) }
        guard profile.escalation.incidents > 0, profile.escalation.months > 0 else {
            throw .invalid(field: "escalation", reason: "the rule needs at least one incident in at least one month")
        }
        guard profile.repeatWindowMonths > 0 else {
            throw .invalid(field: "repeat window", reason: "the window must be at least one month")
        }
        guard profile.minimumAge >= 0, profile.targetMinutesPerCase > 0, profile.retentionMonths > 0,
              profile.caseListCutoffWorkingDays >= 0, profile.adultFemalePopulation >= 0 else {
            throw .invalid(field: "area profile", reason: "ages, minutes, months and populations cannot be negative")
        }
        guard profile.idleLockMinutes >= 0 else { throw .invalid(field: "idle-lock-minutes", reason: "minutes cannot be negative (0 never locks)") }
        if let id = profile.idvaAgency {
            guard let a = agency(id) else { throw .unknownAgency(id.description) }
            guard a.isActive else { throw .invalid(field: "idva-agency", reason: "\(a.name) is retired") }
        }
        let p = profile.meetingPattern
        guard MeetingPattern.time(p.time) == p.time else {
            throw .invalid(field: "meetings", reason: "the start time \"\(p.time)\" is not HH:MM")
        }
        switch p.rule {
        case .every(let days, _, let weekday):
            guard (7...92).contains(days), (1...7).contains(weekday) else {
                throw .invalid(field: "meetings", reason: "meetings fall every 7 to 92 days, on a weekday")
            }
        case .monthly(let weeks, let weekday):
            guard !weeks.isEmpty, weeks.allSatisfy({ (1...5).contains($0) }), (1...7).contains(weekday) else {
                throw .invalid(field: "meetings", reason: "a monthly pattern names weeks 1st to 4th or last, and a weekday")
            }
        }
    }
}
