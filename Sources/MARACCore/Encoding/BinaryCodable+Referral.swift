extension RiskAnswer: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(value); w.write(comment) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(try r.read(RiskAnswerValue.self), comment: try r.read())
    }
}

extension RiskAssessment: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(toolKey); w.write(toolVersion); w.write(completedOn); w.write(answers); w.write(score)
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(toolKey: try r.read(), toolVersion: try r.read(), completedOn: try r.read(),
                  answers: try r.read(), score: try r.read())
    }
}

extension Transfer: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(marac); w.write(on) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(marac: try r.read(), on: try r.read())
    }
}

extension IncidentHistory: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(incidentDates); w.write(reportedCount); w.write(escalatingInSeverity); w.write(severityReason)  // level 4: severity
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(incidentDates: try r.read(), reportedCount: try r.read(),
                  escalatingInSeverity: r.version >= 4 ? try r.read() : false, severityReason: r.version >= 4 ? try r.read() : "")
    }
}

extension ReferralDetails: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(reference); w.write(receivedOn); w.write(agency); w.write(referrerName); w.write(referrerContact)
        w.write(victim); w.write(victimPregnant); w.write(perpetrators); w.write(children); w.write(childrenCount)
        w.write(assessment); w.write(professionalJudgement); w.write(incidents); w.write(previousReferralOn)
        w.write(victimAware); w.write(victimNotAwareReason); w.write(consent); w.write(sharingWithoutConsentReason)
        w.write(summary); w.write(policeReference); w.write(bailAndOrders); w.write(transferredInFrom)
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(reference: try r.read(), receivedOn: try r.read(), agency: try r.read(),
                  referrerName: try r.read(), referrerContact: try r.read(), victim: try r.read(),
                  victimPregnant: try r.read(), perpetrators: try r.read(), children: try r.read(),
                  childrenCount: try r.read(), assessment: try r.read(), professionalJudgement: try r.read(),
                  incidents: try r.read(), previousReferralOn: try r.read(), victimAware: try r.read(),
                  victimNotAwareReason: try r.read(), consent: try r.read(),
                  sharingWithoutConsentReason: try r.read(), summary: try r.read(), policeReference: try r.read(),
                  bailAndOrders: try r.read(), transferredInFrom: try r.read())
    }
}

extension ReferralStatus: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        switch self {
        case .awaitingTriage: w.writeTag(0)
        case .accepted(let c): w.writeTag(1); w.write(c)
        case .returned(let missing): w.writeTag(2); w.write(missing)
        case .notEligible(let reason): w.writeTag(3); w.write(reason)
        case .transferredOut(let t): w.writeTag(4); w.write(t)
        case .recordedInError(let reason): w.writeTag(5); w.write(reason)
        case .addedToCase(let c): w.writeTag(6); w.write(c)  // level 4
        }
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        switch try r.readTag("referral status", below: 7) {
        case 0: self = .awaitingTriage
        case 1: self = .accepted(try r.read())
        case 2: self = .returned(missing: try r.read())
        case 3: self = .notEligible(reason: try r.read())
        case 4: self = .transferredOut(try r.read())
        case 5: self = .recordedInError(reason: try r.read())
        default: self = .addedToCase(try r.read())
        }
    }
}

extension StatusChange: BinaryCodable where Status: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(status); w.write(stamp) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(status: try r.read(), stamp: try r.read())
    }
}

extension Referral: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(id); w.write(details); w.write(repeatOf); w.write(status); w.write(history); w.write(receivedBy)
        w.write(victimKeys)
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        // The folded keys are stored, so a large snapshot need not fold every name again on opening.
        self.init(id: try r.read(), details: try r.read(), repeatOf: try r.read(), status: try r.read(),
                  history: try r.read(), receivedBy: try r.read(), victimKeys: try r.read())
    }
}

extension ResearchReturn: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(agency); w.write(receivedOn)
        w.write(known); w.write(information); w.write(risks); w.write(lastContact); w.write(source)  // level 5
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(agency: try r.read(), receivedOn: try r.read())
        if r.version >= 5 {
            known = try r.read(); information = try r.read(); risks = try r.read(); lastContact = try r.read(); source = try r.read()
        }
    }
}

extension Case: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(id); w.write(referral); w.write(acceptedOn); w.write(meeting); w.write(repeatOf); w.write(idvaService)
        w.write(idvaReferredOn); w.write(transferredOut); w.write(researchReturns); w.write(status)
        w.write(lastHeardOn); w.write(purgedOn)
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(id: try r.read(), referral: try r.read(), acceptedOn: try r.read(), meeting: try r.read(),
                  repeatOf: try r.read(), idvaService: try r.read(), idvaReferredOn: try r.read(),
                  transferredOut: try r.read(), researchReturns: try r.read(), status: try r.read(),
                  lastHeardOn: try r.read(), purgedOn: try r.read())
    }
}
