import MARACCore

/// The coordinator's job in the agenda: before the meeting (scheduling, freezing the case list,
/// research returns, the order of cases, other business) and the live meeting walked step by
/// step, whose screen takes the agenda's place while it runs (MeetingJob+Screen.swift).
final class MeetingJob: Job {
    unowned let app: App
    /// The live meeting being walked through, when there is one.
    var walk: MeetingWalk?

    init(app: App) { self.app = app }

    static let requests: Set<Request> = [.startMeeting, .endMeeting, .nextStep, .addOtherBusiness, .markPresent, .markApologiesSent,
                                         .markApologiesNotSent, .markAbsent, .addObserver, .shareInformation, .identifyRisk, .recordCrimeDisclosed, .recordOutcomeTeller, .agreeAction,
                                         .scheduleMeeting, .freezeCaseList, .researchReturn, .moveCaseUp, .moveCaseDown, .allOutstanding]

    var agenda: AgendaPane { app.agenda }

    func handle(_ request: Request, argument: String) -> PaneResponse {
        switch request {
        case .startMeeting: startMeeting(argument: argument)
        case .endMeeting: endMeeting()
        case .nextStep: nextStep()
        case .addOtherBusiness: addOtherBusiness(argument: argument)
        case .markPresent, .markApologiesSent, .markApologiesNotSent, .markAbsent: recordAttendance(request)
        case .addObserver: addObserver()
        case .shareInformation: shareInformation(argument: argument)
        case .identifyRisk: identifyRisk(argument: argument)
        case .recordCrimeDisclosed: recordCrimeDisclosed(argument: argument)
        case .recordOutcomeTeller: recordOutcomeTeller(argument: argument)
        case .agreeAction: agreeAction()
        case .scheduleMeeting: scheduleMeeting()
        case .freezeCaseList: freezeCaseList()
        case .researchReturn: researchReturn(argument: argument)
        case .moveCaseUp, .moveCaseDown: moveCase(request == .moveCaseUp ? -1 : 1)
        case .allOutstanding:
            guard let walk, walk.step == .outstanding else { say("Outstanding actions are the third step of a meeting (:outstanding).", alert: true); break }
            walk.allOutstanding.toggle()
            walk.list.select(0)
            say(walk.allOutstanding ? "Every open action from earlier meetings; a shows only those to review." : "Only the actions to review: due by this meeting, or on a case heard today; a shows every one.")
        default: return .ignored
        }
        return .handled
    }

    /// The meeting the agenda shows, or the one in progress.
    var agendaMeeting: Meeting? {
        if let walk, let m = state.meeting(walk.meeting) { return m }
        return agenda.meetingID.flatMap(state.meeting) ?? state.meetingInProgress ?? state.nextMeeting(onOrAfter: today)
    }

    /// Picks up a meeting in progress (on opening, or after another screen started it).
    func resumeMeetingIfInProgress() {
        // A meeting whose start was taken back (or ended elsewhere) is walked no more.
        if let w = walk, state.meeting(w.meeting)?.status != .inProgress { walk = nil }
        guard walk == nil, let m = state.meetingInProgress else { return }
        walk = MeetingWalk(meeting: m.id, step: MeetingWalk.resume(m, in: state))
        agenda.show(m.id)
    }

    // MARK: - Before the meeting

    func scheduleMeeting() {
        let profile = state.profile
        let last = state.meetings.filter { $0.status != .cancelled }.map(\.date).max()
        let pattern = profile.meetingPattern
        // The pattern's next date from today, counted on from the last meeting.
        let suggested = pattern.dates(from: last.map { max(today, $0.adding(days: 1)) } ?? today, through: today.adding(days: 400),
                                      holidays: profile.bankHolidays, after: last).first ?? today.adding(days: 14)
        let previous = state.meetingsByDate().first
        let form = Form(title: "Schedule a meeting", fields: [
            FormField("date", "Date", kind: .date, value: suggested.british, required: true),
            FormField("time", "Start time", value: pattern.time, required: true),
            FormField("venue", "Venue", value: profile.defaultVenue.isEmpty ? previous?.venue ?? "" : profile.defaultVenue, required: true),
            FormField("chair", "Chair", value: profile.defaultChair.isEmpty ? previous?.chair ?? "" : profile.defaultChair, required: true),
        ])
        present(form) { [unowned self] form in
            guard let day = form.day("date", today: self.today) else { return false }
            guard self.save(.scheduleMeeting(date: day, startTime: form["time"], venue: form["venue"], chair: form["chair"]),
                            from: &form, done: "Meeting scheduled for \(day.long).") else { return false }
            if let m = self.state.meetings.last { self.agenda.show(m.id) }
            self.show(.agenda)
            return true
        }
    }

    func freezeCaseList() {
        guard let m = agendaMeeting else { return say("No meeting to freeze.", alert: true) }
        confirm("Freeze the case list of \(m.id) (\(m.listedCases.count) cases)? New referrals will go to the next meeting.") { [unowned self] in
            self.perform(.freezeCaseList(m.id), done: "Case list of \(m.id) frozen. :export caselist writes it for circulation.")
        }
    }

    var selectedAgendaCase: CaseID? { agenda.selectedCase }

    func researchReturn(argument: String) {
        guard let caseID = selectedAgendaCase else {
            return say("Select a case in the agenda first.", alert: true)
        }
        let missing = state.researchReturns(for: caseID).filter { $0.receivedOn == nil }.map(\.agency.name)
        guard !missing.isEmpty else { return say("Every agency's research return for \(caseID) has arrived.") }
        if !argument.isEmpty, let agency = state.agencies(matching: argument).first {
            perform(.recordResearchReturn(caseID, agency.id, receivedOn: today), done: "\(agency.name)'s research return for \(caseID) ticked off.")
            return
        }
        let form = Form(title: "Research return for \(caseID)", fields: [
            FormField("agency", "From", kind: .choice(missing), value: missing[0], required: true, hint: "type to narrow"),
            FormField("on", "Received", kind: .date, value: today.british, required: true),
        ])
        present(form) { [unowned self] form in
            guard let agency = self.agencyID(named: form["agency"]), let day = form.day("on", today: self.today) else { return false }
            return self.save(.recordResearchReturn(caseID, agency, receivedOn: day), from: &form,
                             done: "\(form["agency"])'s research return for \(caseID) ticked off.")
        }
    }

    func moveCase(_ by: Int) {
        guard let m = agendaMeeting, let caseID = selectedAgendaCase else { return say("Select a case in the agenda first.", alert: true) }
        var order = state.orderedCases(of: m)
        guard order.count == m.listedCases.count else {
            return say("Cases heard or withdrawn keep their place; reorder before the meeting.", alert: true)
        }
        guard let at = order.firstIndex(of: caseID), order.indices.contains(at + by) else { return }
        order.swapAt(at, at + by)
        if perform(.reorderAgenda(m.id, order), done: "\(caseID) moved \(by < 0 ? "up" : "down"). u undoes.") {
            agenda.selectCase(caseID)
        }
    }

    func addOtherBusiness(argument: String) {
        guard let m = agendaMeeting else { return say("No meeting.", alert: true) }
        if !argument.isEmpty {
            perform(.addOtherBusiness(m.id, argument), done: "Added to any other business.")
            return
        }
        let form = Form(title: "Any other business for \(m.id)", fields: [FormField("other business", "Item", kind: .notes, required: true)])
        present(form) { [unowned self] form in
            self.save(.addOtherBusiness(m.id, form["other business"]), from: &form, done: "Added to any other business.")
        }
    }

    // MARK: - The meeting

    func startMeeting(argument: String) {
        if let running = state.meetingInProgress {
            resumeMeetingIfInProgress()
            agenda.show(running.id)
            show(.agenda)
            return say("\(running.id) is in progress; carrying on where it was.")
        }
        let chosen = MeetingID(parsing: argument.trimmingSpaces()).flatMap(state.meeting) ?? agendaMeeting
        guard let m = chosen, m.status == .scheduled else {
            return say("Choose a scheduled meeting in the agenda ([ and ] move between meetings).", alert: true)
        }
        // Starting is asked first: it cannot be undone once anything is recorded in it.
        var warnings: [String] = []
        if m.date != today { warnings.append("today is \(today.long), not its date") }
        if state.orderedCases(of: m).isEmpty { warnings.append("it has no cases") }
        if state.signedAgencies.isEmpty { warnings.append("no agency has signed the ISP, so there is no attendance to take (:agencies)") }
        let question = "Start \(m.id) (\(m.date.long), \(state.orderedCases(of: m).count) case\(state.orderedCases(of: m).count == 1 ? "" : "s"))?"
            + (warnings.isEmpty ? "" : " Note: " + warnings.joined(separator: "; ") + ".")
        confirm(question) { [unowned self] in
            guard self.perform(.startMeeting(m.id)) else { return }
            self.walk = MeetingWalk(meeting: m.id, step: .attendance)
            self.agenda.show(m.id)
            self.show(.agenda)
            self.say("\(m.id) started (u undoes, while nothing is recorded). Attendance: p present, a apologies (information sent), A apologies (none sent), x absent; n goes on.")
        }
    }

    /// `:meeting share` / `:meeting unshare`: whether other screens may add information,
    /// risks, crimes disclosed and who tells the victim to the meeting in progress. The meeting
    /// named, else the one in progress.
    func letOthersAdd(_ allowed: Bool, argument: String) {
        let named = MeetingID(parsing: argument.trimmingSpaces())
        guard let id = named ?? walk?.meeting ?? state.meetings.first(where: { $0.status == .inProgress })?.id else {
            return say("No meeting is in progress: start it with M in the agenda first.", alert: true)
        }
        perform(.letOthersAdd(id, allowed: allowed),
                done: allowed ? "Other screens can now add information, risks, crimes and who tells the victim to \(id); only this screen moves it along. :meeting unshare stops them."
                              : "Only the screen running \(id) records in it now.")
    }

    func requireWalk() -> (MeetingWalk, Meeting)? {
        resumeMeetingIfInProgress()
        guard let walk, let m = state.meeting(walk.meeting), m.status == .inProgress else {
            say("No meeting is in progress: M in the agenda (or :meeting start) starts one.", alert: true)
            return nil
        }
        return (walk, m)
    }

    func nextStep() {
        guard let (walk, m) = requireWalk() else { return }
        switch walk.step {
        case .attendance:
            walk.step = .statement
            walk.list = SelectionList()
            say("The chair reads the confidentiality statement; n records it read and goes on.")
        case .statement:
            if m.statementReadAt == nil, !perform(.recordStatementRead(m.id)) { return }
            if MeetingWalk.outstanding(m, in: state).isEmpty {
                say("Statement read. No actions outstanding from earlier meetings.")
                startNextCase(walk, m, after: nil)
            } else {
                walk.step = .outstanding
                walk.list = SelectionList()
                say("Statement read. Outstanding actions: d done, p not possible, x not done; n goes on to the cases.")
            }
        case .outstanding:
            startNextCase(walk, m, after: nil)
        case .case(let current):
            startNextCase(walk, m, after: current)
        case .otherBusiness:
            if MeetingWalk.nextCase(m, after: nil, in: state) != nil {
                startNextCase(walk, m, after: nil)
            } else {
                say("Every case has been heard. o adds other business; E ends the meeting.")
            }
        }
    }

    func startNextCase(_ walk: MeetingWalk, _ m: Meeting, after current: CaseID?) {
        if let next = MeetingWalk.nextCase(m, after: current, in: state) {
            guard perform(.startCaseDiscussion(m.id, next)) else { return }
            walk.step = .case(next)
            let name = state.case(next).flatMap(state.referral(of:))?.details.victim.name ?? ""
            say("\(next) \(name): i information, r risk, a action; n next case.")
        } else {
            if let current, m.currentCase == current { perform(.endCaseDiscussion(m.id, current)) }
            walk.step = .otherBusiness
            say("All cases heard. Any other business: o adds an item; E ends the meeting.")
        }
    }

    func recordAttendance(_ request: Request) {
        guard let (walk, m) = requireWalk() else { return }
        guard walk.step == .attendance else { return say("Attendance is the first step; :attendance goes back to it.") }
        let agencies = MeetingWalk.attendanceAgencies(m, in: state)
        guard walk.list.selected >= 0, walk.list.selected < agencies.count else { return }
        let agency = agencies[walk.list.selected]
        let advance = { walk.list.select(min(agencies.count - 1, walk.list.selected + 1)) }
        switch request {
        case .markPresent:
            let known = agency.representatives.map(\.name)
            let current: String
            if case .present(let rep)? = m.attendance(of: agency.id) { current = rep } else { current = known.first ?? "" }
            let form = Form(title: "\(agency.name): present", fields: [
                FormField("representative", "Representative", value: current, required: true,
                          hint: known.count > 1 ? "also: " + known.dropFirst().joined(separator: ", ") : ""),
            ])
            present(form) { [unowned self] form in
                guard self.save(.recordAttendance(m.id, agency.id, .present(representative: form["representative"])), from: &form,
                                done: "\(agency.name) present (\(form["representative"])).") else { return false }
                advance()
                return true
            }
        case .markApologiesSent, .markApologiesNotSent:
            let sent = request == .markApologiesSent
            // From the agency's first representative; the information as received on the day of
            // its last research return for the meeting's cases, else today (:edit attendance
            // corrects either).
            let from = agency.representatives.first?.name ?? ""
            let returned = state.orderedCases(of: m).compactMap { state.case($0)?.researchReturn(from: agency.id)?.receivedOn }.max()
            if perform(.recordAttendance(m.id, agency.id, .apologies(informationSent: sent, from: from, informationReceivedOn: sent ? (returned ?? today) : nil)),
                       done: "\(agency.name): apologies\(from.isEmpty ? "" : " from \(from)"), \(sent ? "information sent" : "no information sent"); :edit attendance corrects.") { advance() }
        default:
            if perform(.recordAttendance(m.id, agency.id, .absent), done: "\(agency.name): absent.") { advance() }
        }
    }

    func addObserver() {
        guard let (_, m) = requireWalk() else { return }
        let form = Form(title: "Observer at \(m.id)", fields: [
            FormField("observer name", "Name", required: true),
            FormField("organisation", "Organisation / role"),
            FormField("signed", "Signed the confidentiality statement", kind: .answer, value: "yes", required: true),
        ])
        present(form) { [unowned self] form in
            self.save(.recordObserver(m.id, Observer(name: form["observer name"], organisation: form["organisation"],
                                                      confidentialitySigned: form.answer("signed") == .yes)),
                      from: &form, done: "Observer \(form["observer name"]) recorded.")
        }
    }

    /// The case under discussion, for information, risks and actions.
    func currentDiscussion() -> (Meeting, CaseID)? {
        guard let (walk, m) = requireWalk() else { return nil }
        guard case .case(let c) = walk.step else {
            say("No case is being discussed: n goes on to the next case.", alert: true)
            return nil
        }
        return (m, c)
    }

    func shareInformation(argument: String) {
        guard let (m, c) = currentDiscussion() else { return }
        // Agencies present first; one that sent apologies may still have sent information.
        let here = m.attendance.filter { $0.attendance.isPresent }.compactMap { state.agency($0.agency)?.name }
        let names = here + state.signedAgencies.map(\.name).filter { !here.contains($0) }
        let form = Form(title: "Information shared on \(c)", fields: [
            FormField("agency", "Agency", kind: .choice(names), required: true, hint: "type to narrow"),
            FormField("information", "Information", kind: .notes, required: true),
        ])
        present(form) { [unowned self] form in
            guard let agency = self.agencyID(named: form["agency"]) else { return false }
            self.walk?.keep = .information
            return self.save(.shareInformation(m.id, c, agency, form["information"]), from: &form, done: "Information from \(form["agency"]) recorded.")
        }
    }

    func identifyRisk(argument: String) {
        guard let (m, c) = currentDiscussion() else { return }
        if !argument.isEmpty {
            if perform(.identifyRisk(m.id, c, argument), done: "Risk recorded.") { walk?.keep = .risks }
            return
        }
        let form = Form(title: "Risk on \(c)", fields: [FormField("risk", "Risk", kind: .notes, required: true)])
        present(form) { [unowned self] form in
            self.walk?.keep = .risks
            return self.save(.identifyRisk(m.id, c, form["risk"]), from: &form, done: "Risk recorded.")
        }
    }

    func agreeAction() {
        guard let (m, c) = currentDiscussion() else { return }
        let signed = state.signedAgencies.map(\.name).sorted()
        let form = Form(title: "Action on \(c)", fields: [
            FormField("agency", "Agency", kind: .choice(signed), required: true, hint: "type to narrow"),
            FormField("owner", "Owner", hint: "the agency's representative unless you say"),
            FormField("description", "Action", kind: .notes, required: true),
            FormField("due", "Due", kind: .date, value: "+14d", required: true),
        ])
        present(form) { [unowned self] form in
            guard let agency = self.state.agency(named: form["agency"]), let due = form.day("due", today: self.today) else { return false }
            var owner = form["owner"]
            if owner.isEmpty {
                if case .present(let rep)? = m.attendance(of: agency.id), !rep.isEmpty { owner = rep } else { owner = agency.representatives.first?.name ?? "" }
            }
            self.walk?.keep = .actions
            return self.save(.agreeAction(caseID: c, meeting: m.id, agency: agency.id, owner: owner, description: form["description"], due: due),
                             from: &form, done: "Action for \(agency.name) due \(due.british) agreed.")
        }
    }

    func endMeeting() {
        guard let (_, m) = requireWalk() else { return }
        var unfinished: [String] = []
        let missing = MeetingWalk.attendanceAgencies(m, in: state).filter { m.attendance(of: $0.id) == nil }
        if !missing.isEmpty { unfinished.append("attendance not taken for \(missing.count) agenc\(missing.count == 1 ? "y" : "ies")") }
        if m.statementReadAt == nil { unfinished.append("the confidentiality statement not recorded as read") }
        let unheard = state.orderedCases(of: m).filter { m.discussion(of: $0)?.startedAt == nil }
        if !unheard.isEmpty { unfinished.append("\(unheard.count) case\(unheard.count == 1 ? "" : "s") not heard (\(unheard.prefix(4).map(\.description).joined(separator: ", "))\(unheard.count > 4 ? ", …" : ""))") }
        let question = unfinished.isEmpty ? "End \(m.id)?" : "End \(m.id) with \(unfinished.joined(separator: "; "))?"
        confirm(question) { [unowned self] in
            guard self.perform(.endMeeting(m.id)) else { return }
            self.walk = nil
            self.showMinutes(of: m.id, unfinished: unfinished)
        }
    }
}
