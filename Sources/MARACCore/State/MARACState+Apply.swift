/// The fold: how each event changes the state. Applying never fails: events were validated
/// when they were decided, so an event that names a record the state does not have (which only
/// a damaged store could hold) changes nothing rather than stopping the store from opening.
extension MARACState {
    /// Folds a saved change in: its events, then a row of the change journal.
    ///
    /// - Parameter change: a change that was decided against this state (or a state it
    ///   followed from) and saved.
    public mutating func apply(_ change: Change) {
        for event in change.events { apply(event, stamp: change.stamp) }
        journal.append(stamp: change.stamp, command: change.command, record: change.events.first?.primaryRecord)
        lastStamp = change.stamp
    }

    /// The state a history of changes makes.
    ///
    /// - Parameters:
    ///   - changes: in the order they were saved.
    ///   - initial: the state they follow (a snapshot's), empty by default.
    /// - Returns: `initial` with every change applied.
    public static func folding(_ changes: some Sequence<Change>, from initial: MARACState = MARACState()) -> MARACState {
        var state = initial
        for change in changes { state.apply(change) }
        return state
    }

    mutating func apply(_ event: Event, stamp: Stamp) {
        switch event {
        case .areaProfileSet(let profile):
            self.profile = profile

        case .agencyRegistered(let agency):
            guard agency.id.index == agencies.count else { return }
            agencies.append(agency)
        case .agencyUpdated(let agency):
            guard agencies.indices.contains(agency.id.index) else { return }
            agencies[agency.id.index] = agency

        case .referralReceived(var referral):
            guard referral.id.index == referrals.count else { return }
            referral.history = [StatusChange(status: referral.status, stamp: stamp)]
            referral.receivedBy = stamp
            referrals.append(referral)
            if referral.status == .awaitingTriage { index.awaitingTriage.insert(referral.id) }
            index.setReference(referral.details.reference, referral.id)
        case .referralUpdated(let id, let details):
            guard let old = referral(id) else { return }
            index.setReference(old.details.reference, nil)
            index.setReference(details.reference, id)
            let keys = NameFolding.keys(name: details.victim.name, aliases: details.victim.aliases)
            updateReferral(id) { r in
                r.details = details
                r.victimKeys = keys
                if case .returned = r.status { Self.setStatus(&r, .awaitingTriage, stamp) }
            }
            // A case's victim corrected (rare, and by hand): the lookups by name and date of
            // birth are built again, since a case has one place in each chain.
            if case .accepted = old.status, old.victimKeys != keys || old.details.victim.dateOfBirth != details.victim.dateOfBirth {
                rebuildIndexes()
            }
        case .referralRepeatLinked(let id, let caseID):
            updateReferral(id) { $0.repeatOf = caseID }
        case .referralAccepted(let id, let caseID, let meetingID, let day, let idva):
            guard referrals.indices.contains(id.index), caseID.index == cases.count,
                  meetings.indices.contains(meetingID.index) else { return }
            let c = Case(id: caseID, referral: id, acceptedOn: day, meeting: meetingID, repeatOf: referrals[id.index].repeatOf,
                         idvaService: idva, idvaReferredOn: day)
            cases.append(c)
            index.indexVictim(case: caseID.number, birth: referrals[id.index].details.victim.dateOfBirth?.ordinal,
                              keys: referrals[id.index].victimKeys)
            meetings[meetingID.index].listedCases.append(caseID)
            updateReferral(id) { Self.setStatus(&$0, .accepted(caseID), stamp) }
        case .referralReturned(let id, let missing):
            updateReferral(id) { Self.setStatus(&$0, .returned(missing: missing), stamp) }
        case .referralDeclined(let id, let reason):
            updateReferral(id) { Self.setStatus(&$0, .notEligible(reason: reason), stamp) }
        case .referralTransferredOut(let id, let transfer):
            updateReferral(id) { Self.setStatus(&$0, .transferredOut(transfer), stamp) }
        case .caseTransferredOut(let id, let transfer):
            updateCase(id) {
                $0.transferredOut = transfer
                $0.status = .transferredOut
            }
        case .caseMoved(let id, let to):
            guard let c = `case`(id), meetings.indices.contains(to.index) else { return }
            meetings[c.meeting.index].listedCases.removeAll { $0 == id }
            meetings[c.meeting.index].caseOrder?.removeAll { $0 == id }
            meetings[to.index].listedCases.append(id)
            meetings[to.index].caseOrder?.append(id)
            updateCase(id) { $0.meeting = to }

        case .meetingScheduled(let meeting):
            guard meeting.id.index == meetings.count else { return }
            meetings.append(meeting)
        case .meetingChanged(let id, let date, let time, let venue, let chair):
            updateMeeting(id) {
                $0.date = date
                $0.startTime = time
                $0.venue = venue
                $0.chair = chair
            }
        case .meetingCancelled(let id, let reason):
            updateMeeting(id) {
                $0.status = .cancelled
                $0.cancelledReason = reason
            }
        case .caseListFrozen(let id):
            updateMeeting(id) { $0.caseListFrozenAt = stamp.at }
        case .researchReturnRecorded(let caseID, let agency, let day):
            updateCase(caseID) { c in
                c.researchReturns.removeAll { $0.agency == agency }
                if let day { c.researchReturns.append(ResearchReturn(agency: agency, receivedOn: day)) }
            }
        case .agendaReordered(let id, let order):
            updateMeeting(id) { $0.caseOrder = order.isEmpty ? nil : order }
        case .otherBusinessAdded(let id, let text):
            updateMeeting(id) { $0.otherBusiness.append(NoteLine(text: text, stamp: stamp)) }

        case .meetingStarted(let id):
            updateMeeting(id) {
                $0.status = .inProgress
                $0.startedAt = stamp.at
            }
        case .attendanceRecorded(let id, let agency, let attendance):
            updateMeeting(id) { m in
                if let i = m.attendance.firstIndex(where: { $0.agency == agency }) {
                    m.attendance[i].attendance = attendance
                    m.attendance[i].inError = nil
                } else {
                    m.attendance.append(AgencyAttendance(agency: agency, attendance: attendance))
                }
            }
        case .observerRecorded(let id, let observer):
            updateMeeting(id) { $0.observers.append(observer) }
        case .statementRead(let id):
            updateMeeting(id) { $0.statementReadAt = stamp.at }
        case .caseDiscussionStarted(let id, let caseID):
            updateMeeting(id) { m in
                m.currentCase = caseID
                if let i = m.discussions.firstIndex(where: { $0.caseID == caseID }) {
                    if m.discussions[i].startedAt == nil { m.discussions[i].startedAt = stamp.at }
                    m.discussions[i].endedAt = nil
                } else {
                    m.discussions.append(CaseDiscussion(caseID: caseID, startedAt: stamp.at))
                }
            }
            let day = meetings.indices.contains(id.index) ? meetings[id.index].date : nil
            updateCase(caseID) {
                if $0.status == .listed { $0.status = .heard }
                if let day { $0.lastHeardOn = max($0.lastHeardOn ?? day, day) }
            }
        case .informationShared(let id, let caseID, let agency, let text):
            updateDiscussion(id, caseID) {
                $0.information.append(SharedInformation(agency: agency, line: NoteLine(text: text, stamp: stamp)))
            }
        case .riskIdentified(let id, let caseID, let text):
            updateDiscussion(id, caseID) { $0.risks.append(NoteLine(text: text, stamp: stamp)) }
        case .crimeDisclosed(let id, let caseID, let text):
            updateDiscussion(id, caseID) { $0.crimesDisclosed.append(NoteLine(text: text, stamp: stamp)) }
        case .outcomeTellerRecorded(let id, let caseID, let who):
            updateDiscussion(id, caseID) { $0.outcomeToldBy = who }
        case .caseDiscussionEnded(let id, let caseID):
            updateMeeting(id) { m in
                if let i = m.discussions.firstIndex(where: { $0.caseID == caseID }) {
                    m.discussions[i].endedAt = stamp.at
                }
                if m.currentCase == caseID { m.currentCase = nil }
            }
        case .meetingEnded(let id):
            updateMeeting(id) { m in
                m.status = .ended
                m.endedAt = stamp.at
                if let current = m.currentCase, let i = m.discussions.firstIndex(where: { $0.caseID == current }) {
                    m.discussions[i].endedAt = stamp.at
                }
                m.currentCase = nil
            }
        case .minutesSignedOff(let id):
            updateMeeting(id) { $0.minutesSignedOff = stamp }

        case .actionAgreed(var action):
            guard action.id.index == actions.count else { return }
            action.agreed = stamp
            actions.append(action)
            index.addAction(action.id.number, case: action.caseID.number)
            if action.status == .open { index.openActions.insert(action.id) }
        case .actionStatusChanged(let id, let status, let note, let day):
            updateAction(id) { a in
                a.status = status
                a.history.append(ActionStatusChange(status: status, note: note, on: day, stamp: stamp))
            }
            if actions.indices.contains(id.index), actions[id.index].status == .open, actions[id.index].inError == nil {
                index.openActions.insert(id)
            } else {
                index.openActions.remove(id)
            }
        case .actionChanged(let id, let owner, let description, let due):
            updateAction(id) {
                $0.owner = owner
                $0.description = description
                $0.due = due
            }

        case .recordedInError(let reference, let reason):
            markInError(reference, reason: reason, stamp: stamp)

        case .caseViewed(let id):
            audit.append(AuditEntry(kind: .caseViewed(id), stamp: stamp))
        case .exported(let what, let cases):
            audit.append(AuditEntry(kind: .exported(what: what, cases: cases), stamp: stamp))
        case .acceptanceWithdrawn(let id, let caseID, _):
            updateCase(caseID) { $0.status = .recordedInError }
            if let m = `case`(caseID)?.meeting {
                updateMeeting(m) {
                    $0.listedCases.removeAll { $0 == caseID }
                    $0.caseOrder?.removeAll { $0 == caseID }
                }
            }
            updateReferral(id) { Self.setStatus(&$0, .awaitingTriage, stamp) }
        case .triageReopened(let id, _):
            updateReferral(id) { Self.setStatus(&$0, .awaitingTriage, stamp) }
        case .referralAddedToCase(let id, let caseID):
            updateReferral(id) { Self.setStatus(&$0, .addedToCase(caseID), stamp) }
        case .actionNoted(let id, let note, let day):
            updateAction(id) { a in
                a.history.append(ActionStatusChange(status: a.status, note: note, on: day, stamp: stamp))
            }
        case .actionReported, .actionReportDecided, .researchReturned:
            applyAgencyReply(event, stamp: stamp)
        case .minutesAddendumAdded(let id, let text):
            updateMeeting(id) { $0.addenda.append(NoteLine(text: text, stamp: stamp)) }
        case .meetingStartWithdrawn(let id):
            updateMeeting(id) {
                $0.status = .scheduled
                $0.startedAt = nil
                $0.currentCase = nil
            }
        case .meetingOpenedToOthers(let id, let allowed):
            updateMeeting(id) { $0.othersMayAdd = allowed }
        case .caseListUnfrozen(let id):
            updateMeeting(id) { $0.caseListFrozenAt = nil }
        case .casePurged(let id, let day):
            purge(id, on: day)
            audit.append(AuditEntry(kind: .purged(id), stamp: stamp))
        case .accessChanged(let change):
            audit.append(AuditEntry(kind: .access(change), stamp: stamp))
        case .exportFailed(let what, let cases, let reason):
            audit.append(AuditEntry(kind: .exportFailed(what: what, cases: cases, reason: reason), stamp: stamp))
        }
    }

    private static func setStatus(_ r: inout Referral, _ status: ReferralStatus, _ stamp: Stamp) {
        r.status = status
        r.history.append(StatusChange(status: status, stamp: stamp))
    }

    private mutating func updateReferral(_ id: ReferralID, _ body: (inout Referral) -> Void) {
        guard referrals.indices.contains(id.index) else { return }
        body(&referrals[id.index])
        if referrals[id.index].status == .awaitingTriage {
            index.awaitingTriage.insert(id)
        } else {
            index.awaitingTriage.remove(id)
        }
    }

    mutating func updateCase(_ id: CaseID, _ body: (inout Case) -> Void) {
        guard cases.indices.contains(id.index) else { return }
        body(&cases[id.index])
    }

    private mutating func updateMeeting(_ id: MeetingID, _ body: (inout Meeting) -> Void) {
        guard meetings.indices.contains(id.index) else { return }
        body(&meetings[id.index])
    }

    mutating func updateAction(_ id: ActionID, _ body: (inout Action) -> Void) {
        guard actions.indices.contains(id.index) else { return }
        body(&actions[id.index])
    }

    private mutating func updateDiscussion(_ id: MeetingID, _ caseID: CaseID, _ body: (inout CaseDiscussion) -> Void) {
        updateMeeting(id) { m in
            if let i = m.discussions.firstIndex(where: { $0.caseID == caseID }) {
                body(&m.discussions[i])
            } else {
                var d = CaseDiscussion(caseID: caseID)
                body(&d)
                m.discussions.append(d)
            }
        }
    }

    private mutating func markInError(_ reference: RecordReference, reason: String, stamp: Stamp) {
        switch reference {
        case .referral(let id):
            let previous = referral(id)?.status
            updateReferral(id) { Self.setStatus(&$0, .recordedInError(reason: reason), stamp) }
            if case .accepted(let caseID)? = previous {
                updateCase(caseID) { $0.status = .recordedInError }
                if let m = `case`(caseID)?.meeting {
                    updateMeeting(m) {
                        $0.listedCases.removeAll { $0 == caseID }
                        $0.caseOrder?.removeAll { $0 == caseID }
                    }
                }
            }
        case .action(let id):
            updateAction(id) { $0.inError = reason }
            index.openActions.remove(id)
        case .risk(let m, let c, let i):
            updateDiscussion(m, c) { d in if d.risks.indices.contains(i) { d.risks[i].inError = reason } }
        case .crime(let m, let c, let i):
            updateDiscussion(m, c) { d in if d.crimesDisclosed.indices.contains(i) { d.crimesDisclosed[i].inError = reason } }
        case .information(let m, let c, let i):
            updateDiscussion(m, c) { d in
                if d.information.indices.contains(i) { d.information[i].line.inError = reason }
            }
        case .otherBusiness(let m, let i):
            updateMeeting(m) { if $0.otherBusiness.indices.contains(i) { $0.otherBusiness[i].inError = reason } }
        case .attendance(let m, let agency):
            updateMeeting(m) { meeting in
                if let i = meeting.attendance.firstIndex(where: { $0.agency == agency }) { meeting.attendance[i].inError = reason }
            }
        case .observer(let m, let i):
            updateMeeting(m) { if $0.observers.indices.contains(i) { $0.observers[i].inError = reason } }
        case .actionNote(let id, let i):
            updateAction(id) { if $0.history.indices.contains(i) { $0.history[i].inError = reason } }
        }
    }

    /// Erases a case's personal data: the victim, perpetrators and children on its referral,
    /// the free text of its discussions and actions. Counts and dates stay for the data return.
    private mutating func purge(_ id: CaseID, on day: Day) {
        guard let c = `case`(id) else { return }
        updateCase(id) { $0.purgedOn = day }
        // The case's referral, and any further referral added to it before it was heard.
        for referralID in [c.referral] + furtherReferrals(of: id).map(\.id) {
            if let r = referral(referralID) {
                index.setReference(r.details.reference, nil)
                index.setReference("purged \(r.id)", r.id)
            }
            updateReferral(referralID) { r in
                r.details = r.details.erasingPersonalData(replacingReference: "purged \(r.id)")
                r.victimKeys = []
                r.history = r.history.map { StatusChange(status: $0.status.erasingText(), stamp: $0.stamp) }
                r.status = r.status.erasingText()
            }
        }
        for m in meetings.indices {
            for d in meetings[m].discussions.indices where meetings[m].discussions[d].caseID == id {
                for i in meetings[m].discussions[d].information.indices {
                    meetings[m].discussions[d].information[i].line.text = ""
                }
                for i in meetings[m].discussions[d].risks.indices { meetings[m].discussions[d].risks[i].text = "" }
                for i in meetings[m].discussions[d].crimesDisclosed.indices { meetings[m].discussions[d].crimesDisclosed[i].text = "" }
                meetings[m].discussions[d].outcomeToldBy = ""
            }
        }
        for a in actions(of: id) {
            updateAction(a.id) { action in
                action.description = ""
                action.owner = ""
                action.history = action.history.map {
                    ActionStatusChange(status: $0.status, note: "", on: $0.on, stamp: $0.stamp)
                }
            }
        }
    }
}

extension ReferralDetails {
    /// The details with every personal field blanked, keeping what the data return counts
    /// (dates, agency, the victim's age band, gender and monitoring, the number of children).
    func erasingPersonalData(replacingReference newReference: String) -> ReferralDetails {
        var d = self
        let victim = d.victim
        d.victim = Person(name: "", dateOfBirth: nil, gender: victim.gender, diversity: victim.diversity)
        d.perpetrators = d.perpetrators.map {
            Perpetrator(person: Person(name: "", gender: $0.person.gender), relationship: $0.relationship)
        }
        d.childrenCount = d.childrenKnown
        d.children = []
        d.referrerName = ""
        d.referrerContact = ""
        d.assessment = d.assessment.map {
            RiskAssessment(toolKey: $0.toolKey, toolVersion: $0.toolVersion, completedOn: $0.completedOn,
                           answers: $0.answers.map { RiskAnswer($0.value) }, score: $0.score)
        }
        d.professionalJudgement = d.professionalJudgement.isEmpty ? "" : "(erased)"
        d.victimNotAwareReason = ""
        d.sharingWithoutConsentReason = ""
        d.summary = ""
        d.policeReference = ""
        d.bailAndOrders = ""
        d.reference = newReference
        return d
    }
}

extension ReferralStatus {
    func erasingText() -> ReferralStatus {
        switch self {
        case .returned: .returned(missing: "")
        case .notEligible: .notEligible(reason: "")
        case .recordedInError: .recordedInError(reason: "")
        default: self
        }
    }
}
