extension MARACState {
    func decideRegisterAgency(name: String, kind: AgencyKind, signed: Day?,
                              representatives: [Representative]) throws(DomainError) -> [Event] {
        let trimmed = try requireText(name, field: "agency name", what: "a name")
        if let existing = agency(named: trimmed) { throw .duplicateAgency(existing.name) }
        let reps = representatives.filter { !$0.name.trimmingSpaces().isEmpty }
        return [.agencyRegistered(Agency(id: nextAgencyID, name: trimmed, kind: kind, ispSignedOn: signed,
                                         representatives: reps))]
    }
}
