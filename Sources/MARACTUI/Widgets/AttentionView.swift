import MARACCore

/// The first screen: what needs the user's attention today, for the work their role does.
/// Any pane key (1–4) goes straight there; Enter or Esc goes to the pane the role starts in.
struct AttentionView {
    let state: MARACState
    let today: Day
    let actor: Actor

    /// The pane the role's work starts in.
    var startingPane: PaneKind {
        switch actor.role {
        case .admin: .referrals
        case .chair: .actions
        default: state.meetingInProgress != nil ? .agenda : .referrals
        }
    }

    func lines(bullet: String) -> [(String, StyleRole)] {
        let a = state.attention(on: today)
        var out: [(String, StyleRole)] = [("Needs your attention, \(actor.name) (\(actor.role.rawValue)): \(today.long)", .title), ("", .normal)]
        let setup = state.setupSteps
        if !setup.isEmpty && (actor.role == .coordinator || actor.role == .admin) {
            out.append(("Setting up \(state.profile.maracName): press the letter to open each.", .header))
            for step in setup {
                let (key, text) = Self.setupLine(step, state: state)
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
        if let next = a.nextMeeting, let m = state.meeting(next) {
            let cutoff = a.nextMeetingCutoff.map { cut -> String in
                let days = today.days(until: cut)
                if m.caseListFrozenAt != nil { return "case list frozen" }
                return days < 0 ? "case list cut-off passed \(cut.british): freeze it (F in the agenda)"
                    : days == 0 ? "case list cut-off today" : "case list cut-off \(cut.long) (in \(days) day\(days == 1 ? "" : "s"))"
            } ?? ""
            out.append(("\(bullet) Next meeting \(next) on \(m.date.long): \(a.casesOnNextMeeting) case\(a.casesOnNextMeeting == 1 ? "" : "s"); \(cutoff) (3)",
                        .normal))
            out.append(("\(bullet) \(a.missingResearchReturns) research return\(a.missingResearchReturns == 1 ? "" : "s") still missing for it",
                        a.missingResearchReturns > 0 ? .warning : .good))
        } else {
            out.append(("\(bullet) No meeting is scheduled: :schedule proposes them from the area's pattern; S in the agenda schedules one (3)", .warning))
        }
        out.append(("\(bullet) \(a.overdueActions) overdue action\(a.overdueActions == 1 ? "" : "s") across \(a.overdueAgencies) agenc\(a.overdueAgencies == 1 ? "y" : "ies") (4)",
                    a.overdueActions > 0 ? .danger : .good))
        if actor.role == .chair || actor.role == .coordinator {
            for (agency, list) in state.overdueActionsByAgency(on: today).sorted(by: { $0.actions.count > $1.actions.count }).prefix(5) {
                out.append(("    \(agency.name): \(list.count) overdue, oldest due \(list.first!.due.british)", .dim))
            }
        }
        let reported = a.reportsToConfirm.reduce(0) { $0 + $1.count }
        if reported > 0 {
            let who = a.reportsToConfirm.prefix(3).map { "\(Describe.agencyName($0.agency, in: state)) \($0.count)" }.joined(separator: ", ")
                + (a.reportsToConfirm.count > 3 ? ", …" : "")
            out.append(("\(bullet) \(reported) action\(reported == 1 ? "" : "s") reported by agencies, to confirm: \(who) (4, then f to \"reported\")", .warning))
        }
        out.append(("", .normal))
        out.append(("Enter goes to the \(startingPane.title.lowercased()); 1–4 to any pane; A shows this again; ? lists every key.", .dim))
        return out
    }

    /// The key that opens a setup step on this screen, and what the step is.
    static func setupLine(_ step: SetupStep, state: MARACState) -> (Character, String) {
        switch step {
        case .areaSettings: return ("s", "area settings: risk tool and threshold, meetings, cut-off, bank holidays, population (:area)")
        case .agencies: return ("g", "agencies: add each one (:agency add), or import a list with marac agency import FILE.csv")
        case .agencyDetails:
            let missing = state.activeAgencies.filter { !$0.hasSignedISP || $0.representatives.isEmpty }.map(\.name)
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
