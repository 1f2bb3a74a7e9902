import MARACCore

/// Setting the MARAC up and keeping it so, on screen: the area's settings (`:area`), the
/// agencies with their ISP dates and representatives (`:agencies`, `:agency add`, `:agency
/// edit`, `:agency retire`), and meetings proposed from the area's pattern (`:schedule`). The
/// same rules as `marac area`, `marac agency` and `marac meeting schedule`; every change a
/// command in the log and the audit trail, and `u` undoes it.
final class SetupJob: Job {
    unowned let app: App

    init(app: App) { self.app = app }

    /// Its work is reached from the command line only.
    static let requests: Set<Request> = []

    func handle(_ request: Request, argument: String) -> PaneResponse { .ignored }

    var isCoordinator: Bool { session.actor.role == .coordinator }

    // MARK: - Area settings

    /// A form with every setting at its current value; saving changes those that were changed,
    /// as one change of the area profile.
    func editArea() {
        guard isCoordinator else { return say("The area's settings are changed by a coordinator; you are \(session.actor.role.rawValue).", alert: true) }
        let profile = state.profile
        let fields = AreaSettings.all.map { s -> FormField in
            let value = s.value(profile, state)
            switch s.name {
            case "confidentiality-statement": return FormField(s.name, s.name, kind: .notes, value: value, hint: s.meaning)
            case "risk-tool": return FormField(s.name, s.name, kind: .choice(["dash", "merit"]), value: value, hint: s.meaning)
            case "repeat-anchor": return FormField(s.name, s.name, kind: .choice(RepeatAnchor.allCases.map(\.rawValue)), value: value, hint: s.meaning)
            case "bank-holidays": return FormField(s.name, s.name, kind: .choice(BankHolidayRegion.allCases.map(\.rawValue)), value: value, hint: s.meaning)
            case "idva-agency":
                let idva = state.activeAgencies.filter { $0.kind == .idvaService }.map(\.name)
                return FormField(s.name, s.name, kind: .choice(["none"] + idva), value: value, hint: s.meaning)
            default: return FormField(s.name, s.name, value: value, hint: s.accepts)
            }
        }
        present(Form(title: "Area settings of \(profile.maracName)", fields: fields)) { [unowned self] form in
            // Only what was changed on the form: the others keep their values, even those that
            // follow another (a new risk tool brings its own threshold and bands).
            var p = self.state.profile
            var changed: [String] = []
            for s in AreaSettings.all where form[s.name] != s.value(profile, self.state) {
                do throws(DomainError) {
                    p = try AreaSettings.set(s, to: form[s.name], in: p, state: self.state)
                    changed.append(s.name)
                } catch {
                    form.show(error: error.message, field: s.name)
                    return false
                }
            }
            guard !changed.isEmpty else {
                self.say("Nothing was changed.")
                return true
            }
            return self.save(.setAreaProfile(p), from: &form, done: "Changed \(changed.joined(separator: ", ")). u undoes.")
        }
    }

    // MARK: - Agencies

    /// Every agency with its kind, ISP date and representatives, on screen.
    func listAgencies() {
        var lines: [String] = []
        let agencies = state.agencies
        if agencies.isEmpty { lines.append("No agencies yet. :agency add adds one; marac agency import FILE.csv brings in a list.") }
        for a in agencies {
            var head = "\(a.id)  \(a.name)  (\(a.kind.label))"
            head += a.ispSignedOn.map { "  ISP signed \($0.british)" } ?? "  ISP NOT SIGNED: not offered attendance or actions"
            if let retired = a.retiredOn { head += "  retired \(retired.british)" }
            lines.append(head)
            for r in a.representatives {
                lines.append("      \(r.name)" + (r.jobTitle.isEmpty ? "" : ", \(r.jobTitle)") + (r.contact.isEmpty ? "" : " · \(r.contact)"))
            }
            if a.representatives.isEmpty { lines.append("      no representative named") }
        }
        app.overlay = .document(DocumentView(title: "Agencies (\(state.activeAgencies.count) sitting, \(state.signedAgencies.count) signed the ISP)",
                                             text: lines.joined(separator: "\n"),
                                             footer: "Esc closes · :agency add · :agency edit NAME · :agency retire NAME"))
    }

    static let kindChoices = AgencyKind.allCases.map(\.rawValue)

    /// A form for a new agency, with its first representative.
    func addAgency(_ argument: String) {
        guard session.isWritable else { return say("This screen is read-only.", alert: true) }
        let form = Form(title: "Add an agency", fields: [
            FormField("agency name", "Name", value: argument, required: true),
            FormField("kind", "Kind", kind: .choice(Self.kindChoices), required: true, hint: "what the quarterly return counts it as"),
            FormField("isp", "ISP signed on", kind: .date, hint: "leave empty until it signs"),
            FormField("representative", "Representative"),
            FormField("role", "Their role"),
            FormField("email", "Their secure e-mail"),
        ])
        present(form) { [unowned self] form in
            guard let kind = AgencyKind(rawValue: form["kind"]) else {
                form.show(error: "choose a kind from the list", field: "kind")
                return false
            }
            let reps = form["representative"].isEmpty ? [] : [Representative(name: form["representative"], jobTitle: form["role"], contact: form["email"])]
            let signed = form.day("isp", today: self.today)
            if let signed, signed > self.today {
                form.show(error: "\(signed.british) is in the future", field: "isp")
                return false
            }
            return self.save(.registerAgency(name: form["agency name"], kind: kind, ispSignedOn: signed, representatives: reps), from: &form,
                             done: "Added \(form["agency name"])" + (signed == nil ? "; it is offered attendance and actions once its ISP date is recorded (:agency edit)." : ". u undoes."))
        }
    }

    /// The agency a command names, or a message listing what it could mean.
    func agency(named text: String) -> Agency? {
        let found = state.agencies(matching: text)
        guard found.count == 1 else {
            say(text.isEmpty ? "Name the agency: :agency edit police."
                : found.isEmpty ? "No agency matches \"\(text)\"; :agencies lists them."
                : "\"\(text)\" could be \(found.map(\.name).joined(separator: ", ")).", alert: true)
            return nil
        }
        return found[0]
    }

    /// A form with an agency's name, kind, ISP date and representatives (one a line:
    /// name; role; e-mail).
    func editAgency(_ argument: String) {
        guard session.isWritable else { return say("This screen is read-only.", alert: true) }
        guard let a = agency(named: argument) else { return }
        let reps = a.representatives.map { [$0.name, $0.jobTitle, $0.contact].joined(separator: "; ") }.joined(separator: "\n")
        let form = Form(title: "Change \(a.name)", fields: [
            FormField("agency name", "Name", value: a.name, required: true),
            FormField("kind", "Kind", kind: .choice(Self.kindChoices), value: a.kind.rawValue, required: true),
            FormField("ISP signed", "ISP signed on", kind: .date, value: a.ispSignedOn?.british ?? ""),
            FormField("representatives", "Representatives", kind: .notes, value: reps, hint: "one a line: name; role; e-mail"),
        ])
        present(form) { [unowned self] form in
            guard let kind = AgencyKind(rawValue: form["kind"]) else {
                form.show(error: "choose a kind from the list", field: "kind")
                return false
            }
            var people: [Representative] = []
            for line in form["representatives"].split(whereSeparator: \.isNewline) where !line.trimmingSpaces().isEmpty {
                let parts = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
                let email = parts.count > 2 ? parts[2] : ""
                if !email.isEmpty && !(email.contains("@") && !email.contains(" ")) {
                    form.show(error: "\"\(email)\" is not an e-mail address", field: "representatives")
                    return false
                }
                people.append(Representative(name: parts[0], jobTitle: parts.count > 1 ? parts[1] : "", contact: email))
            }
            guard self.save(.updateAgency(a.id, name: form["agency name"], kind: kind, representatives: people), from: &form, done: "") else { return false }
            if let signed = form.day("ISP signed", today: self.today), signed != a.ispSignedOn {
                guard self.save(.recordISPSigned(a.id, on: signed), from: &form, done: "") else { return false }
            }
            self.say("\(form["agency name"]) changed. u undoes.")
            return true
        }
    }

    func retireAgency(_ argument: String) {
        guard session.isWritable else { return say("This screen is read-only.", alert: true) }
        guard let a = agency(named: argument) else { return }
        confirm("Retire \(a.name)? Its referrals, attendance and actions stay; it is no longer offered.") { [unowned self] in
            self.perform(.retireAgency(a.id), done: "Retired \(a.name). u undoes.")
        }
    }

    // MARK: - Moving and cancelling a meeting

    /// The meeting a command names (`M-0003` or its date), else the one the agenda shows.
    func meeting(named text: String) -> Meeting? {
        let t = text.trimmingSpaces()
        if let id = MeetingID(parsing: t), let m = state.meeting(id) { return m }
        if let d = DayParsing.parse(t, today: today), let m = state.meetings.first(where: { $0.date == d && $0.status != .cancelled }) { return m }
        if t.isEmpty, let m = app.meeting.agendaMeeting { return m }
        say("No meeting \"\(t)\": give its id (M-0003) or its date, or choose it in the agenda.", alert: true)
        return nil
    }

    /// `:meeting move [M-0003]`: its date, time, venue and chair in a form.
    func moveMeeting(_ argument: String) {
        guard session.isWritable, let m = meeting(named: argument) else { return }
        guard m.status == .scheduled else { return say("\(m.id) is \(m.status.rawValue); only a scheduled meeting moves.", alert: true) }
        let form = Form(title: "Move \(m.id)", fields: [
            FormField("date", "Date", kind: .date, value: m.date.british, required: true),
            FormField("time", "Start time", value: m.startTime, required: true),
            FormField("venue", "Venue", value: m.venue),
            FormField("chair", "Chair", value: m.chair),
        ])
        present(form) { [unowned self] form in
            guard let day = form.day("date", today: self.today) else { return false }
            return self.save(.changeMeeting(m.id, date: day, startTime: form["time"], venue: form["venue"], chair: form["chair"]), from: &form,
                             done: "\(m.id) is now on \(day.long) at \(form["time"]). u undoes.")
        }
    }

    /// `:meeting cancel [M-0003]`: with the reason, kept in the record.
    func cancelMeeting(_ argument: String) {
        guard session.isWritable, let m = meeting(named: argument) else { return }
        let form = Form(title: "Cancel \(m.id) (\(m.date.long), \(m.listedCases.count) cases)", fields: [
            FormField("reason", "Why", kind: .notes, required: true),
        ])
        present(form) { [unowned self] form in
            self.save(.cancelMeeting(m.id, reason: form["reason"]), from: &form,
                      done: "Cancelled \(m.id)." + (m.listedCases.isEmpty ? "" : " Its cases need moving to another meeting."))
        }
    }

    // MARK: - Meetings from the pattern

    /// The meetings the pattern gives for the months ahead (3 unless the argument says), to
    /// confirm and schedule.
    func scheduleFromPattern(_ argument: String) {
        guard session.isWritable else { return say("This screen is read-only.", alert: true) }
        let months = Int(argument.trimmingSpaces()) ?? 3
        guard (1...24).contains(months) else { return say("Schedule 1 to 24 months ahead: :schedule 6.", alert: true) }
        let profile = state.profile
        let dates = state.proposedMeetingDates(from: today, through: today.adding(months: months))
        guard !dates.isEmpty else {
            return say("No new dates in the next \(months) month\(months == 1 ? "" : "s") (meetings \(profile.meetingPattern.description)).")
        }
        let list = dates.prefix(6).map(\.long).joined(separator: ", ") + (dates.count > 6 ? " and \(dates.count - 6) more" : "")
        confirm("Schedule \(dates.count) meeting\(dates.count == 1 ? "" : "s") at \(profile.meetingPattern.time): \(list)?") { [unowned self] in
            var made = 0
            for d in dates {
                guard self.perform(.scheduleMeeting(date: d, startTime: profile.meetingPattern.time, venue: profile.defaultVenue, chair: profile.defaultChair)) else { break }
                made += 1
            }
            if made > 0 {
                if let first = self.state.meetings.dropLast(made - 1).last { self.app.agenda.show(first.id) }
                self.show(.agenda)
                self.say("Scheduled \(made) meeting\(made == 1 ? "" : "s")" + (profile.defaultVenue.isEmpty ? "; set the venue with :area." : "."))
            }
        }
    }
}
