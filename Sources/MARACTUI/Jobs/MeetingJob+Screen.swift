import MARACCore

/// The live meeting on screen, in the agenda's place while it runs: where the meeting is in the
/// agenda's order, and the step at hand: attendance, the confidentiality statement,
/// outstanding actions one by one, a case with its timer, or any other business.
extension MeetingJob: Pane {
    var kind: PaneKind { .agenda }

    var keyContexts: [KeyContext] { walk?.contexts ?? [.agenda, .list, .global] }

    /// The meeting walked through, when it is the one the agenda shows and still in progress:
    /// then this screen, not the agenda's list, has the keys and the agenda's place.
    var liveMeeting: Meeting? {
        guard let walk, walk.meeting == agenda.meetingID, let m = state.meeting(walk.meeting), m.status == .inProgress else { return nil }
        return m
    }

    static let steps = ["Attendance", "Statement", "Outstanding actions", "Cases", "Other business"]

    func stepIndex(_ walk: MeetingWalk) -> Int {
        switch walk.step {
        case .attendance: 0
        case .statement: 1
        case .outstanding: 2
        case .case: 3
        case .otherBusiness: 4
        }
    }

    /// How many rows the step's list has (attendance, outstanding actions).
    func listCount(_ walk: MeetingWalk, _ meeting: Meeting) -> Int {
        switch walk.step {
        case .attendance: MeetingWalk.attendanceAgencies(meeting, in: state).count
        case .outstanding: MeetingWalk.outstanding(meeting, in: state, all: walk.allOutstanding).count
        default: 0
        }
    }

    /// The selected outstanding action, when the meeting is at that step.
    var selectedOutstandingAction: ActionID? {
        guard let walk, walk.step == .outstanding, let m = state.meeting(walk.meeting) else { return nil }
        let ids = MeetingWalk.outstanding(m, in: state, all: walk.allOutstanding)
        return walk.list.selected >= 0 && walk.list.selected < ids.count ? ids[walk.list.selected] : nil
    }

    func handle(_ request: Request, context: PaneContext) -> PaneResponse {
        guard let walk, let meeting = liveMeeting else { return .ignored }
        if case .case(let c) = walk.step {
            switch request {
            case .open: return .open(.case(c))
            case .moveDown: walk.caseTop += 1
            case .moveUp: walk.caseTop -= 1
            case .pageDown: walk.caseTop += walk.casePage
            case .pageUp: walk.caseTop -= walk.casePage
            case .top: walk.caseTop = 0
            case .bottom: walk.caseTop = Int.max / 2
            default: return .ignored
            }
            walk.keep = nil
            return .handled
        }
        walk.list.reset(count: listCount(walk, meeting), keep: walk.list.selected < 0 ? 0 : walk.list.selected)
        if walk.list.handle(request, page: 10) { return .handled }
        if request == .open, walk.step == .outstanding, let a = selectedOutstandingAction.flatMap(state.action) {
            return .open(.case(a.caseID))
        }
        return .ignored
    }

    /// The step's list, sized and scrolled for the region the screen will be drawn in.
    func layout(region: Region, context: PaneContext) {
        guard let walk, let meeting = liveMeeting else { return }
        walk.list.reset(count: listCount(walk, meeting), keep: walk.list.selected < 0 ? 0 : walk.list.selected)
        walk.list.scrollToSelection(visible: listRegion(walk, meeting, body: region.dropping(top: 3)).height)
        if case .case(let c) = walk.step {
            if walk.caseTopFor != c { walk.caseTop = 0; walk.caseTopFor = c }
            let body = region.dropping(top: 3)
            let lines = MeetingCaseStep(caseID: c, meeting: meeting, state: state, today: context.today).lines(width: body.width, glyphs: context.glyphs)
            let height = Self.caseLinesHeight(body)
            if let part = walk.keep {
                walk.caseTop = MeetingCaseStep.scroll(keeping: part, in: lines, top: walk.caseTop, height: height)
                walk.keep = nil
            }
            walk.caseTop = max(0, min(walk.caseTop, lines.count - height))
            walk.casePage = max(1, height - 1)
        }
    }

    /// Rows for the case's lines: below its title row, above the footer.
    static func caseLinesHeight(_ body: Region) -> Int { max(1, body.height - 2) }

    /// Where the step's list goes in the body of the screen.
    func listRegion(_ walk: MeetingWalk, _ meeting: Meeting, body: Region) -> Region {
        switch walk.step {
        case .attendance:
            let list = body.dropping(top: 2)
            let observerRows = meeting.observers.isEmpty ? 0 : meeting.observers.count + 2
            return Region(row: list.row, column: list.column, height: max(1, list.height - observerRows), width: list.width)
        default:
            return body.dropping(top: 2)
        }
    }

    func render(_ canvas: inout Canvas, region: Region, context: PaneContext) {
        guard let walk, let meeting = liveMeeting else { return }
        let g = canvas.glyphs
        let elapsed = meeting.startedAt.map { formatElapsed(seconds: $0.seconds(until: context.session.clock.now())) } ?? ""
        // The venue gives way to the chair's name on a narrow screen.
        var title = "\(meeting.id)  \(meeting.date.long)  in progress \(elapsed)  \(g.bullet)  \(meeting.venue)  \(g.bullet)  Chair: \(meeting.chair)"
        if TextWidth.of(title) > region.width { title = "\(meeting.id)  \(meeting.date.long)  in progress \(elapsed)  \(g.bullet)  Chair: \(meeting.chair)" }
        canvas.put(title, in: region, row: 0, role: .title)
        var col = 0
        let heard = meeting.discussions.filter { $0.startedAt != nil }.count
        let listed = state.orderedCases(of: meeting)
        let total = listed.count + meeting.discussions.filter { $0.startedAt != nil && !listed.contains($0.caseID) }.count
        let at = stepIndex(walk)
        for (i, name) in Self.steps.enumerated() {
            let label = i == 3 ? "\(name) (\(heard)/\(total))" : name
            let role: StyleRole = i == at ? .selected : (i < at ? .good : .dim)
            col += canvas.put(" \(i + 1). \(label) ", in: region, row: 1, column: col, role: role)
            if i < Self.steps.count - 1 { col += canvas.put(" \(g.arrow) ", in: region, row: 1, column: col, role: .dim) }
        }
        let body = region.dropping(top: 3)
        let screen = MeetingScreen(walk: walk, meeting: meeting, context: context, list: listRegion(walk, meeting, body: body))
        switch walk.step {
        case .attendance: screen.renderAttendance(&canvas, body)
        case .statement: screen.renderStatement(&canvas, body)
        case .outstanding: screen.renderOutstanding(&canvas, body)
        case .case(let c): screen.renderCase(c, &canvas, body)
        case .otherBusiness: screen.renderOtherBusiness(&canvas, body)
        }
    }
}

/// The drawing of each step of the live meeting, from the job's state: it reads, and changes
/// nothing.
struct MeetingScreen {
    let walk: MeetingWalk
    let meeting: Meeting
    let context: PaneContext
    /// Where the step's list goes (laid out by the job).
    let list: Region
    var state: MARACState { context.state }

    func renderList(_ lines: [(String, StyleRole)], _ canvas: inout Canvas, _ region: Region) {
        for r in 0..<region.height {
            let i = walk.list.top + r
            guard i < lines.count else { break }
            let selected = i == walk.list.selected
            if selected { canvas.put(canvas.glyphs.selectionMarker, in: region, row: r, role: .selected) }
            canvas.put(lines[i].0, in: region, row: r, column: 2, role: lines[i].1)
            if selected { canvas.paint(row: region.row + r, column: region.column, count: region.width, role: .selected) }
        }
    }

    /// A step's keys, above its list: on two rows when one is not enough.
    func putHint(_ text: String, _ canvas: inout Canvas, _ region: Region) {
        for (i, line) in wrap(text, width: region.width).prefix(2).enumerated() {
            canvas.put(line, in: region, row: i, role: .dim)
        }
    }

    func renderAttendance(_ canvas: inout Canvas, _ region: Region) {
        let agencies = MeetingWalk.attendanceAgencies(meeting, in: state)
        let recorded = agencies.filter { meeting.attendance(of: $0.id) != nil }.count
        let b = canvas.glyphs.bullet
        putHint("Attendance: \(recorded) of \(agencies.count) recorded. p present \(b) a apologies (info sent) \(b) A apologies (none) \(b) x absent \(b) O observer \(b) n next",
                &canvas, region)
        let lines: [(String, StyleRole)] = agencies.map { a in
            let status = meeting.attendance(of: a.id)
            let role: StyleRole = switch status {
            case .present?: .good
            case .apologies?: .warning
            case .absent?: .danger
            case nil: .dim
            }
            let wrong = meeting.attendance.first { $0.agency == a.id && $0.inError != nil }
                .map { "not recorded (\($0.attendance.label) was recorded in error: \($0.inError!))" }
            return (a.name.padded(toWidth: 32) + "  " + (status?.label ?? wrong ?? "not recorded"), role)
        }
        let listRegion = region.dropping(top: 2)
        let observerRows = meeting.observers.isEmpty ? 0 : meeting.observers.count + 2
        renderList(lines, &canvas, list)
        if !meeting.observers.isEmpty {
            let top = listRegion.height - observerRows + 1
            canvas.put("Observers", in: listRegion, row: top, column: 2, role: .header)
            // Numbered, as :error observer N takes them.
            for (i, o) in meeting.observers.enumerated() {
                if let why = o.inError {
                    canvas.put("\(i + 1). [recorded in error: \(why)] \(o.name), \(o.organisation)", in: listRegion, row: top + 1 + i, column: 4, role: .dim)
                    continue
                }
                canvas.put("\(i + 1). \(o.name), \(o.organisation): confidentiality statement \(o.confidentialitySigned ? "signed" : "NOT signed")",
                           in: listRegion, row: top + 1 + i, column: 4, role: o.confidentialitySigned ? .normal : .danger)
            }
        }
    }

    func renderStatement(_ canvas: inout Canvas, _ region: Region) {
        canvas.put("The confidentiality statement, read by the chair and signed by all present:", in: region, row: 0, role: .header)
        var row = 2
        for line in wrap(state.profile.confidentialityStatement, width: min(region.width - 6, 96)) {
            canvas.put(line, in: region, row: row, column: 4, role: .normal)
            row += 1
        }
        row += 1
        if let read = meeting.statementReadAt {
            canvas.put("Recorded as read at \(read.isoMinute.suffix(5)) UTC. n goes on.", in: region, row: row, column: 2, role: .good)
        } else {
            canvas.put("n records it read and goes on to the outstanding actions.", in: region, row: row, column: 2, role: .accent)
        }
        let unsigned = meeting.recordedObservers.filter { !$0.confidentialitySigned }
        if !unsigned.isEmpty {
            canvas.put("Observers who have not signed: \(unsigned.map(\.name).joined(separator: ", "))", in: region, row: row + 2, column: 2, role: .danger)
        }
    }

    func renderOutstanding(_ canvas: inout Canvas, _ region: Region) {
        let ids = MeetingWalk.outstanding(meeting, in: state, all: walk.allOutstanding)
        let all = walk.allOutstanding ? ids.count : MeetingWalk.outstanding(meeting, in: state, all: true).count
        let scope = walk.allOutstanding ? "all \(ids.count) open (a: only those to review)"
            : "\(ids.count) to review of \(all) open (a: all)"
        let b = canvas.glyphs.bullet
        putHint("Outstanding actions from earlier meetings: \(scope). d done \(b) p not possible \(b) x not done \(b) f carry \(b) n on to the cases",
                &canvas, region)
        let lines: [(String, StyleRole)] = ids.compactMap(state.action).map { a in
            let late = a.isOverdue(on: context.today)
            let agency = Describe.agencyName(a.agency, in: state)
            // What the agency reported in its returned sheet leads: the room confirms it (y) or not (r).
            if let r = a.pendingReports.last?.report {
                return ("\(a.id)  \(a.caseID)  \(agency.padded(toWidth: 24))  reported \(r.statusWords) on \(r.on.british), to confirm (y/r)  \(a.description)",
                        .warning)
            }
            return ("\(a.id)  \(a.caseID)  \(agency.padded(toWidth: 24))  due \(a.due.british)\(late ? " (overdue)" : "")  \(a.description)",
                    late ? .danger : .normal)
        }
        if lines.isEmpty {
            canvas.put("None are outstanding. n goes on to the cases.", in: region, row: 2, column: 2, role: .good)
            return
        }
        renderList(lines, &canvas, list)
    }

    func renderCase(_ caseID: CaseID, _ canvas: inout Canvas, _ region: Region) {
        guard let c = state.case(caseID), let r = state.referral(c.referral) else { return }
        let d = r.details
        let discussion = meeting.discussion(of: caseID)
        let seconds = discussion?.startedAt.map { $0.seconds(until: discussion?.endedAt ?? context.session.clock.now()) } ?? 0
        let target = state.profile.targetMinutesPerCase
        let over = seconds > target * 60
        let age = d.victim.age(on: context.today).map { ", \($0)" } ?? ""
        let timer = "\(formatElapsed(seconds: seconds)) of \(target):00"
        canvas.put("\(caseID)  \(d.victim.name)\(age)".truncated(toWidth: max(1, region.width - TextWidth.of(timer) - 2), ellipsis: canvas.glyphs.ellipsis),
                   in: region, row: 0, role: .title)
        canvas.put(timer, in: region, row: 0, column: max(0, region.width - TextWidth.of(timer) - 1), role: over ? .danger : .accent)

        let lines = MeetingCaseStep(caseID: caseID, meeting: meeting, state: state, today: context.today).lines(width: region.width, glyphs: canvas.glyphs)
        let height = MeetingJob.caseLinesHeight(region)
        let top = max(0, min(walk.caseTop, lines.count - height))
        for (i, line) in lines.dropFirst(top).prefix(height).enumerated() {
            canvas.put(line.text, in: region, row: 1 + i, column: line.indent, role: line.role)
        }
        // Where the room is in the case, then where n goes.
        let above = top, below = max(0, lines.count - top - height)
        var footer: [String] = []
        if above > 0 { footer.append("\(above) above (k, PgUp)") }
        if below > 0 { footer.append("\(below) more below (j, PgDn)") }
        let next = MeetingWalk.nextCase(meeting, after: caseID, in: state)
        footer.append(next.map { "n goes on to \($0)" } ?? "n ends this case (it is the last)")
        footer.append("Enter opens the case, 3 comes back")
        canvas.put(footer.joined(separator: " \(canvas.glyphs.bullet) "), in: region, row: region.height - 1,
                   role: below > 0 ? .accent : .dim)
    }

    func renderOtherBusiness(_ canvas: inout Canvas, _ region: Region) {
        canvas.put("Any other business (o adds an item)", in: region, row: 0, role: .header)
        let items = meeting.otherBusiness.filter { $0.inError == nil }
        if items.isEmpty { canvas.put("None.", in: region, row: 1, column: 2, role: .dim) }
        for (i, item) in items.enumerated() where i + 1 < region.height - 3 {
            canvas.put("\(canvas.glyphs.bullet) \(item.text)", in: region, row: 1 + i, column: 2, role: .normal)
        }
        let unheard = state.orderedCases(of: meeting).filter { meeting.discussion(of: $0)?.startedAt == nil }
        let note = unheard.isEmpty ? "Every case has been heard. E ends the meeting and shows the minutes."
            : "\(unheard.count) case\(unheard.count == 1 ? "" : "s") not heard yet: n hears the next. E ends the meeting."
        canvas.put(note, in: region, row: region.height - 1, role: unheard.isEmpty ? .accent : .warning)
    }
}
