/// The rules for research returns that come back in an agency's spreadsheet: each row ticks
/// the agency's return for a case on the meeting's list and keeps what it found, to be shared
/// at the meeting. Importing the same file again adds nothing.
extension MARACState {
    func decideResearchReturns(source: String, agency agencyID: AgencyID, lines: [ResearchLine], today: Day) throws(DomainError) -> [Event] {
        let agency = try requireAgency(agencyID)
        var events: [Event] = []
        var seen: Set<CaseID> = []
        for line in lines {
            let c = try requireCase(line.caseID)
            guard c.status == .listed || c.status == .heard else { throw .caseNotOpen(c.id, status: c.status) }
            guard seen.insert(c.id).inserted else {
                throw .invalid(field: "case", reason: "\(c.id) is in \(source) twice; keep one row for it")
            }
            guard line.receivedOn <= today else { throw .invalid(field: "received", reason: "\(line.receivedOn.british) is in the future") }
            if let d = line.lastContact, d > today { throw .invalid(field: "last_contact", reason: "\(d.british) is in the future") }
            let r = ResearchReturn(agency: agency.id, receivedOn: line.receivedOn, known: line.known,
                                   information: line.information.trimmingSpaces(), risks: line.risks.trimmingSpaces(),
                                   lastContact: line.lastContact, source: source)
            if let earlier = c.researchReturn(from: agency.id),
               earlier.known == r.known, earlier.information == r.information, earlier.risks == r.risks, earlier.lastContact == r.lastContact,
               earlier.hasFindings || !r.hasFindings {
                continue
            }
            events.append(.researchReturned(c.id, r))
        }
        guard !events.isEmpty else { throw .nothingToRecord(lines.isEmpty ? "\(source) lists no cases" : "every return in \(source) is already recorded") }
        return events
    }
}

/// One row of an agency's returned research sheet.
public struct ResearchLine: Hashable, Sendable {
    public var caseID: CaseID
    public var known: YesNoUnknown
    public var information: String
    public var risks: String
    public var lastContact: Day?
    public var receivedOn: Day

    public init(caseID: CaseID, known: YesNoUnknown, information: String, risks: String, lastContact: Day?, receivedOn: Day) {
        self.caseID = caseID
        self.known = known
        self.information = information
        self.risks = risks
        self.lastContact = lastContact
        self.receivedOn = receivedOn
    }
}
