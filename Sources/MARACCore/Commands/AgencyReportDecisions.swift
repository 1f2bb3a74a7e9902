/// The rules for an agency's reports on its actions, as they come back in its spreadsheet.
///
/// A report is the agency's word until the coordinator confirms it. It never overwrites a
/// newer status: a report dated before the action's last recorded change is refused, since
/// the MARAC already knows something later. Importing the same report twice adds nothing, and
/// an agency reports only on its own actions.
extension MARACState {
    func decideAgencyReply(_ command: Command, context: DecisionContext) throws(DomainError) -> [Event] {
        switch command {
        case .recordActionReports(let source, let lines):
            return try decideActionReports(source: source, lines: lines, today: context.today, stamp: context.stamp)
        case .confirmActionReport(let id, let n):
            return try decideConfirmReport(id, n, stamp: context.stamp)
        case .rejectActionReport(let id, let n, let reason):
            return try decideRejectReport(id, n, reason: reason, stamp: context.stamp)
        case .reopenActionReport(let id, let n):
            return try decideReopenReport(id, n, today: context.today)
        case .importResearch(let source, let agency, let lines):
            return try decideResearchReturns(source: source, agency: agency, lines: lines, today: context.today)
        default:
            return []
        }
    }

    func decideActionReports(source: String, lines: [ActionReportLine], today: Day, stamp: Stamp) throws(DomainError) -> [Event] {
        guard !lines.isEmpty else { throw .nothingToRecord("the file has no filled reported_status or reported_note") }
        var events: [Event] = []
        var seen: Set<ActionID> = []
        for line in lines {
            let report = try decideActionReport(line, source: source, today: today, stamp: stamp)
            guard seen.insert(line.action).inserted else {
                throw .invalid(field: "action", reason: "\(line.action) is reported twice in \(source); keep one row for it")
            }
            if let report { events.append(.actionReported(line.action, report)) }
        }
        guard !events.isEmpty else { throw .nothingToRecord("every report in \(source) is already recorded") }
        return events
    }

    /// The report a line makes, or nil when the action already has it (the same file again).
    func decideActionReport(_ line: ActionReportLine, source: String, today: Day, stamp: Stamp) throws(DomainError) -> AgencyReport? {
        let a = try requireAction(line.action)
        let agency = try requireAgency(line.agency)
        if a.inError != nil { throw .alreadyRecordedInError("Action \(a.id)") }
        guard a.agency == line.agency else {
            throw .invalid(field: "action", reason: "\(a.id) is \(self.agency(a.agency)?.name ?? "another agency")'s action, not \(agency.name)'s; an agency reports on its own actions only")
        }
        guard line.on <= today else { throw .invalid(field: "reported_on", reason: "\(line.on.british) is in the future") }
        let note = line.note.trimmingSpaces()
        // The same words from the same agency are the same report, whatever day the file came in.
        if a.reports.contains(where: { $0.status == line.status && $0.note == note && $0.agency == line.agency }) {
            return nil
        }
        if let last = a.latestUpdate, last.on > line.on {
            throw .invalid(field: "reported_on", reason: "\(a.id) was last recorded \(last.status.label) on \(last.on.british), after this report of \(line.on.british); a report never overwrites a newer status")
        }
        if line.status == a.status && note.isEmpty { return nil }
        if (line.status == .notPossible || line.status == .notDone) && note.isEmpty {
            throw .missing(field: "reported_note", what: "why \(a.id) was \(line.status == .notPossible ? "not possible" : "not done")")
        }
        return AgencyReport(status: line.status, note: note, on: line.on, agency: line.agency, source: source, stamp: stamp)
    }

    func requirePendingReport(_ id: ActionID, _ index: Int) throws(DomainError) -> (Action, AgencyReport) {
        let a = try requireAction(id)
        guard a.reports.indices.contains(index) else { throw .invalid(field: "report", reason: "\(id) has no report \(index + 1)") }
        let r = a.reports[index]
        guard r.isPending else {
            throw .invalid(field: "report", reason: "report \(index + 1) on \(id) was already \(r.decision.word)")
        }
        return (a, r)
    }

    /// Confirming makes the report the action's status (or, when the status is unchanged, a
    /// progress note), dated the day the agency reported it and naming the file it came in.
    func decideConfirmReport(_ id: ActionID, _ index: Int, stamp: Stamp) throws(DomainError) -> [Event] {
        let (a, r) = try requirePendingReport(id, index)
        if a.inError != nil { throw .alreadyRecordedInError("Action \(id)") }
        if let last = a.latestUpdate, last.on > r.on {
            throw .invalid(field: "report", reason: "\(id) was recorded \(last.status.label) on \(last.on.british), after this report of \(r.on.british); reject the report (it would overwrite a newer status)")
        }
        if a.status.isClosed && r.status.isClosed && a.status != r.status {
            throw .actionAlreadyClosed(id, status: a.status)
        }
        let who = agency(r.agency)?.name ?? "the agency"
        let note = "Reported by \(who) (\(r.source))" + (r.note.isEmpty ? "." : ": \(r.note)")
        var events: [Event] = [.actionReportDecided(id, index, .confirmed(stamp, statusBefore: a.status))]
        events.append(r.status == a.status ? .actionNoted(id, note: note, on: r.on) : .actionStatusChanged(id, r.status, note: note, on: r.on))
        return events
    }

    func decideRejectReport(_ id: ActionID, _ index: Int, reason: String, stamp: Stamp) throws(DomainError) -> [Event] {
        _ = try requirePendingReport(id, index)
        let why = try requireText(reason, field: "reason", what: "why the report is rejected")
        return [.actionReportDecided(id, index, .rejected(stamp, reason: why))]
    }

    /// Undo of a confirmation or rejection: the report waits again, and a confirmed status
    /// goes back to what it was (both stay in the history).
    func decideReopenReport(_ id: ActionID, _ index: Int, today: Day) throws(DomainError) -> [Event] {
        let a = try requireAction(id)
        guard a.reports.indices.contains(index) else { throw .invalid(field: "report", reason: "\(id) has no report \(index + 1)") }
        switch a.reports[index].decision {
        case .pending:
            throw .nothingToRecord("report \(index + 1) on \(id) is still waiting to be confirmed")
        case .rejected:
            return [.actionReportDecided(id, index, .pending)]
        case .confirmed(_, let before):
            var events: [Event] = [.actionReportDecided(id, index, .pending)]
            // Dated as the confirmation was, the day the agency reported, so that confirming
            // again is not taken for a report older than the action's status.
            if a.status != before { events.append(.actionStatusChanged(id, before, note: "Confirmation of the agency's report undone.", on: a.reports[index].on)) }
            return events
        }
    }
}

extension ReportDecision {
    /// "confirmed", "rejected", "to confirm".
    public var word: String {
        switch self {
        case .pending: "to confirm"
        case .confirmed: "confirmed"
        case .rejected: "rejected"
        }
    }
}
