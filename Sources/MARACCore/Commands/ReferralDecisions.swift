/// The triage rules: what a referral must carry to be received, and what must hold before it is
/// accepted onto a meeting.
extension MARACState {
    func decideReceive(_ details: ReferralDetails, context: DecisionContext) throws(DomainError) -> [Event] {
        let d = try validate(details, today: context.today, replacing: nil)
        let criteria = criteria(of: d, repeatOf: nil)
        if criteria.isEmpty && d.previousReferralOn == nil && repeatCandidates(for: d).isEmpty {
            throw noCriterionError(for: d)
        }
        let referral = Referral(id: nextReferralID, details: d, receivedBy: context.stamp)
        return [.referralReceived(referral)]
    }

    func decideUpdate(_ id: ReferralID, _ details: ReferralDetails, context: DecisionContext) throws(DomainError) -> [Event] {
        let r = try requireReferral(id)
        // A referral in triage is corrected against the criteria; one accepted as a case is
        // corrected as a record (a name misspelt, a date of birth mistyped).
        let inTriage: Bool
        switch r.status {
        case .awaitingTriage, .returned: inTriage = true
        case .accepted: inTriage = false
        default: throw .referralNotAwaitingTriage(id, status: r.status.label)
        }
        let d = try validate(details, today: context.today, replacing: id)
        if inTriage && criteria(of: d, repeatOf: r.repeatOf).isEmpty && d.previousReferralOn == nil
            && repeatCandidates(for: d, excluding: id).isEmpty {
            throw noCriterionError(for: d)
        }
        return [.referralUpdated(id, d)]
    }

    func decideLinkRepeat(_ id: ReferralID, _ caseID: CaseID?) throws(DomainError) -> [Event] {
        let r = try requireAwaitingTriage(id)
        guard let caseID else {
            guard r.repeatOf != nil else { throw .nothingToRecord("referral \(id) is not linked to a case") }
            return [.referralRepeatLinked(id, nil)]
        }
        let c = try requireCase(caseID)
        guard c.referral != id else { throw .repeatOfSameReferral(caseID) }
        guard c.status != .recordedInError else { throw .caseNotOpen(caseID, status: c.status) }
        // A case not heard yet is not repeated: the further referral is added to it.
        guard c.status != .listed else { throw .caseNotYetHeard(caseID) }
        let end = repeatWindowEnd(of: c)
        guard r.details.receivedOn <= end else { throw .repeatWindowLapsed(caseID, endedOn: end) }
        if let earlier = referral(of: c), PerpetratorMatch.between(r.details.perpetrators, earlier.details.perpetrators) == .different {
            throw .newPerpetrator(caseID)
        }
        if r.repeatOf == caseID { throw .nothingToRecord("referral \(id) is already linked to \(caseID)") }
        return [.referralRepeatLinked(id, caseID)]
    }

    /// A further referral for a case accepted but not yet heard: it belongs to that case as a
    /// further incident, not a second case and a repeat.
    func decideAddToCase(_ id: ReferralID, _ caseID: CaseID) throws(DomainError) -> [Event] {
        _ = try requireAwaitingTriage(id)
        let c = try requireCase(caseID)
        guard c.status == .listed else {
            throw .invalid(field: "case", reason: "case \(caseID) is \(c.status.rawValue); only a case not yet heard takes a further referral (a heard one is repeated: l links it)")
        }
        return [.referralAddedToCase(id, caseID)]
    }

    func decideAccept(_ id: ReferralID, onto meetingID: MeetingID, context: DecisionContext) throws(DomainError) -> [Event] {
        let r = try requireAwaitingTriage(id)
        let m = try requireMeeting(meetingID)
        guard m.status == .scheduled else { throw .meetingNotOpen(meetingID, status: m.status) }
        guard m.caseListFrozenAt == nil else { throw .caseListFrozen(meetingID) }
        if let age = r.details.victim.age(on: r.details.receivedOn), age < profile.minimumAge {
            throw .victimUnderMinimumAge(age: age, minimum: profile.minimumAge)
        }
        guard !criteria(of: r).isEmpty else { throw noCriterionError(for: r.details) }
        let idva = profile.idvaAgency.flatMap(agency).flatMap { $0.isActive ? $0 : nil }
            ?? agencies.first { $0.kind == .idvaService && $0.hasSignedISP && $0.isActive }
            ?? agencies.first { $0.kind == .idvaService && $0.isActive }
        return [.referralAccepted(id, nextCaseID, meetingID, on: context.today, idvaService: idva?.id)]
    }

    func decideMoveCase(_ id: CaseID, to: MeetingID) throws(DomainError) -> [Event] {
        let c = try requireCase(id)
        guard c.status == .listed else { throw .caseNotOpen(id, status: c.status) }
        let target = try requireMeeting(to)
        guard target.status == .scheduled else { throw .meetingNotOpen(to, status: target.status) }
        guard c.meeting != to else { throw .nothingToRecord("case \(id) is already on \(to)") }
        return [.caseMoved(id, to: to)]
    }

    private func noCriterionError(for d: ReferralDetails) -> DomainError {
        guard let a = d.assessment, let tool = profile.riskTool(a.toolKey) else {
            return .noCriterionMet(score: nil, threshold: nil)
        }
        return .noCriterionMet(score: a.score, threshold: tool.threshold)
    }

    /// Checks a referral's details and returns them tidied (trimmed text, a score recomputed
    /// from its answers), or the first rule they break.
    func validate(_ details: ReferralDetails, today: Day, replacing: ReferralID?) throws(DomainError) -> ReferralDetails {
        var d = details
        d.reference = try requireText(d.reference, field: "reference", what: "the referral's reference")
        if let existing = referral(withReference: d.reference), existing.id != replacing {
            throw .duplicateReference(d.reference, existing: existing.id)
        }
        guard d.receivedOn <= today else {
            throw .invalid(field: "referral date", reason: "\(d.receivedOn.british) is in the future")
        }
        let agency = try requireAgency(d.agency)
        _ = agency
        d.victim.name = try requireText(d.victim.name, field: "victim name", what: "the victim's name")
        d.victim.aliases = d.victim.aliases.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        guard let birth = d.victim.dateOfBirth else {
            throw .missing(field: "victim date of birth", what: "the victim's date of birth")
        }
        guard birth <= d.receivedOn else {
            throw .invalid(field: "victim date of birth", reason: "\(birth.british) is after the referral date")
        }
        for (i, p) in d.perpetrators.enumerated() {
            d.perpetrators[i].person.name = try requireText(p.person.name, field: "perpetrator \(i + 1) name",
                                                            what: "the perpetrator's name")
            if let b = p.person.dateOfBirth, b > d.receivedOn {
                throw .invalid(field: "perpetrator \(i + 1) date of birth", reason: "\(b.british) is after the referral date")
            }
        }
        for (i, c) in d.children.enumerated() {
            if let b = c.dateOfBirth, b > d.receivedOn {
                throw .invalid(field: "child \(i + 1) date of birth", reason: "\(b.british) is after the referral date")
            }
        }
        if let n = d.childrenCount, n < 0 || n > 30 {
            throw .invalid(field: "children", reason: "\(n) is not a number of children")
        }
        if let a = d.assessment {
            d.assessment = try validate(a)
        }
        d.professionalJudgement = d.professionalJudgement.trimmingSpaces()
        if let incidents = d.incidents {
            if let n = incidents.reportedCount, n < 0 {
                throw .invalid(field: "escalation incidents", reason: "\(n) is not a number of incidents")
            }
            if let late = incidents.incidentDates.first(where: { $0 > d.receivedOn }) {
                throw .invalid(field: "incident dates", reason: "\(late.british) is after the referral date")
            }
        }
        if let t = d.transferredInFrom { d.transferredInFrom = try validate(t, today: today) }
        return d
    }

    func validate(_ a: RiskAssessment) throws(DomainError) -> RiskAssessment {
        guard let tool = profile.riskTool(a.toolKey) else { throw .unknownRiskTool(a.toolKey) }
        var out = a
        out.toolVersion = a.toolVersion.isEmpty ? tool.version : a.toolVersion
        if a.answers.isEmpty {
            guard tool.acceptsScoreOnly else {
                throw .wrongNumberOfAnswers(tool: tool.name, expected: tool.items.count, got: 0)
            }
            guard a.score >= 0 && a.score <= tool.maximumScore else {
                throw .scoreOutOfRange(tool: tool.name, score: a.score, maximum: tool.maximumScore)
            }
        } else {
            guard a.answers.count == tool.items.count else {
                throw .wrongNumberOfAnswers(tool: tool.name, expected: tool.items.count, got: a.answers.count)
            }
            out.score = tool.score(a.answers)
        }
        return out
    }
}
