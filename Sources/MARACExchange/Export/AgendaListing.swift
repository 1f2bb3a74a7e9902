import MARACCore

/// `marac list agenda [MEETING]`: a meeting's agenda as the screen shows it, in its sections and
/// their order, empty ones included (a script checking that no window has lapsed reads an empty
/// "lapsed-windows" section, not a missing one).
public struct AgendaSectionRecord: Encodable, Sendable {
    /// `outstanding-actions`, `cases-with-children`, `adult-only-cases`, `lapsed-windows`,
    /// `other-business`.
    public var id: String
    public var title: String
    public var meeting: String
    public var items: [AgendaItemRecord]
}

/// One line of an agenda section: an action to review, a case, a lapsed window or an item of
/// other business (`aob-1`).
public struct AgendaItemRecord: Encodable, Sendable {
    public var id: String
    /// The line as the agenda reads it.
    public var text: String
    @OrNull public var caseID: String?
    @OrNull public var victim: String?
    @OrNull public var due: String?
    @OrNull public var windowEnded: String?
    @OrNull public var repeatOf: String?
    @OrNull public var children: Int?

    enum CodingKeys: String, CodingKey {
        case id, text, caseID = "case", victim, due, windowEnded = "window_ended", repeatOf = "repeat_of", children
    }
}

extension AgendaSectionRecord {
    /// The agenda of `m` in the standard order (or the coordinator's order of cases).
    public static func sections(of m: Meeting, state: MARACState, today: Day) -> [AgendaSectionRecord] {
        guard let agenda = state.agenda(for: m.id) else { return [] }
        func victim(_ c: CaseID) -> String? { state.case(c).flatMap(state.referral(of:))?.details.victim.name }
        let review = state.outstandingActionsToReview(at: m).compactMap(state.action).map { a in
            AgendaItemRecord(id: a.id.description,
                             text: "\(a.caseID) due \(a.due.british)\(a.isOverdue(on: today) ? " (overdue)" : ""): \(a.description)",
                             caseID: a.caseID.description, victim: nil, due: a.due.iso, windowEnded: nil, repeatOf: nil, children: nil)
        }
        func caseItem(_ c: CaseID, number: Int) -> AgendaItemRecord {
            let k = state.case(c)
            let r = k.flatMap(state.referral(of:))
            let criteria = r.map { state.criteria(of: $0).short } ?? ""
            return AgendaItemRecord(id: c.description, text: "\(number). \(c) \(victim(c) ?? "") \(criteria)",
                                    caseID: c.description, victim: victim(c), due: nil, windowEnded: nil,
                                    repeatOf: k?.repeatOf?.description, children: r?.details.childrenKnown)
        }
        let numbered = Array(agenda.cases.enumerated())
        let withChildren = numbered.filter { agenda.casesWithChildren.contains($0.element) }.map { caseItem($0.element, number: $0.offset + 1) }
        let adultOnly = numbered.filter { !agenda.casesWithChildren.contains($0.element) }.map { caseItem($0.element, number: $0.offset + 1) }
        let lapsed = agenda.lapsedWindows.compactMap(state.case).map { c in
            let end = state.repeatWindowEnd(of: c)
            return AgendaItemRecord(id: c.id.description, text: "\(c.id) \(victim(c.id) ?? "") window ended \(end.british)",
                                    caseID: c.id.description, victim: victim(c.id), due: nil, windowEnded: end.iso, repeatOf: nil, children: nil)
        }
        let aob = agenda.otherBusiness.enumerated().map { i, text in
            AgendaItemRecord(id: "aob-\(i + 1)", text: text, caseID: nil, victim: nil, due: nil, windowEnded: nil, repeatOf: nil, children: nil)
        }
        let id = m.id.description
        return [
            AgendaSectionRecord(id: "outstanding-actions", title: "1. Outstanding actions from earlier meetings", meeting: id, items: review),
            AgendaSectionRecord(id: "cases-with-children", title: "2. Cases with children in the household", meeting: id, items: withChildren),
            AgendaSectionRecord(id: "adult-only-cases", title: "3. Adult-only cases", meeting: id, items: adultOnly),
            AgendaSectionRecord(id: "lapsed-windows", title: "4. Repeat windows lapsed since the last meeting, for information", meeting: id, items: lapsed),
            AgendaSectionRecord(id: "other-business", title: "5. Any other business", meeting: id, items: aob),
        ]
    }

    public var flat: [[String: String]] {
        items.map { i in
            ["section": id, "meeting": meeting, "id": i.id, "text": i.text, "case": i.caseID ?? "", "victim": i.victim ?? "",
             "due": i.due ?? "", "window_ended": i.windowEnded ?? "", "repeat_of": i.repeatOf ?? "", "children": i.children.map(String.init) ?? ""]
        }
    }
}
