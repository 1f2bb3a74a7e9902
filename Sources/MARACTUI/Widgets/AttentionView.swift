import MARACCore

/// The first screen: what needs the user's attention today, for the work their role does.
/// Any pane key (1–4) goes straight there; Enter or Esc goes to the pane the role starts in.
struct AttentionView {
    /// What the screen says: from the whole state once it is read, or from the summary the
    /// store keeps beside it while it is being read. The same lines either way.
    let summary: OpeningSummary
    let today: Day
    let actor: Actor

    init(summary: OpeningSummary, today: Day, actor: Actor) {
        self.summary = summary
        self.today = today
        self.actor = actor
    }

    init(state: MARACState, today: Day, actor: Actor) {
        self.init(summary: state.openingSummary(on: today), today: today, actor: actor)
    }

    /// The pane the role's work starts in.
    var startingPane: PaneKind {
        switch actor.role {
        case .admin: .referrals
        case .chair: .actions
        default: summary.meetingInProgress != nil ? .agenda : .referrals
        }
    }

    func lines(bullet: String) -> [(String, StyleRole)] {
        let a = summary.attention(on: today)
        var out: [(String, StyleRole)] = [("Needs your attention, \(actor.name) (\(actor.role.rawValue)): \(today.long)", .title), ("", .normal)]
        let setup = summary.setupSteps
        if !setup.isEmpty && (actor.role == .coordinator || actor.role == .admin) {
            out.append(("Setting up \(summary.maracName): press the letter to open each.", .header))
            for step in setup {
                let (key, text) = Self.setupLine(step, missingDetails: summary.agenciesMissingDetails)
                out.append(("  \(key)  \(text)", step == setup.first ? .warning : .normal))
            }
            out.append(("", .normal))
        }
        if let running = a.meetingInProgress {
            out.append(("\(bullet) Meeting \(running) is in progress: 3 carries on where it was.", .danger))
        }
        let triageRole: StyleRole = a.awaitingTriage > 0 ? .warning : .good
        var triage = "\(bullet) \(a.awaitingTriage) referral\(a.awaitingTriage == 1 ? "" : "s") awaiting triage"
        if a.possibleRepeats > 0 { triage += ", \(a.possibleRepeats) possibly repeat\(a.possibleRepeats == 1 ? "" : "s")" }
        out.append((triage + " (1)", triageRole))
        if let m = summary.nextMeeting(onOrAfter: today) {
            let days = today.days(until: m.cutoff)
            let cutoff = m.frozen ? "case list frozen"
                : days < 0 ? "case list cut-off passed \(m.cutoff.british): freeze it (F in the agenda)"
                : days == 0 ? "case list cut-off today" : "case list cut-off \(m.cutoff.long) (in \(days) day\(days == 1 ? "" : "s"))"
            out.append(("\(bullet) Next meeting \(m.id) on \(m.date.long): \(m.cases) case\(m.cases == 1 ? "" : "s"); \(cutoff) (3)", .normal))
            out.append(("\(bullet) \(m.missingResearchReturns) research return\(m.missingResearchReturns == 1 ? "" : "s") still missing for it",
                        m.missingResearchReturns > 0 ? .warning : .good))
        } else {
            out.append(("\(bullet) No meeting is scheduled: :schedule proposes them from the area's pattern; S in the agenda schedules one (3)", .warning))
        }
        out.append(("\(bullet) \(a.overdueActions) overdue action\(a.overdueActions == 1 ? "" : "s") across \(a.overdueAgencies) agenc\(a.overdueAgencies == 1 ? "y" : "ies") (4)",
                    a.overdueActions > 0 ? .danger : .good))
        if actor.role == .chair || actor.role == .coordinator {
            for agency in summary.overdue(on: today).prefix(5) {
                out.append(("    \(agency.name): \(agency.count) overdue, oldest due \(agency.oldestDue.british)", .dim))
            }
        }
        let reported = a.reportsToConfirm.reduce(0) { $0 + $1.count }
        if reported > 0 {
            let who = a.reportsToConfirm.prefix(3).map { "\(summary.agencyName($0.agency)) \($0.count)" }.joined(separator: ", ")
                + (a.reportsToConfirm.count > 3 ? ", …" : "")
            out.append(("\(bullet) \(reported) action\(reported == 1 ? "" : "s") reported by agencies, to confirm: \(who) (4, then f to \"reported\")", .warning))
        }
        out.append(("", .normal))
        out.append(("Enter goes to the \(startingPane.title.lowercased()); 1–4 to any pane; A shows this again; ? lists every key.", .dim))
        return out
    }

    /// The key that opens a setup step on this screen, and what the step is.
    static func setupLine(_ step: SetupStep, missingDetails missing: [String]) -> (Character, String) {
        switch step {
        case .areaSettings: return ("s", "area settings: risk tool and threshold, meetings, cut-off, bank holidays, population (:area)")
        case .agencies: return ("g", "agencies: add each one (:agency add), or import a list with marac agency import FILE.csv")
        case .agencyDetails:
            return ("d", "ISP dates and representatives still missing for \(missing.prefix(3).joined(separator: ", "))\(missing.count > 3 ? " and \(missing.count - 3) more" : "") (:agencies)")
        case .meetings: return ("m", "meetings: schedule them from the area's pattern (:schedule)")
        }
    }

    static let setupKeys: [Character: SetupStep] = ["s": .areaSettings, "g": .agencies, "d": .agencyDetails, "m": .meetings]

    func render(_ canvas: inout Canvas, region: Region) {
        canvas.clear(region)
        // Long lines wrap under themselves: at 80 columns nothing is cut off.
        let wrapped = lines(bullet: canvas.glyphs.bullet).flatMap { line in
            wrapHanging(line.0, width: max(10, region.width - 3)).map { ($0, line.1) }
        }
        for (i, line) in wrapped.enumerated() where i + 1 < region.height {
            canvas.put(line.0, in: region, row: i + 1, column: 2, role: line.1)
        }
    }
}
