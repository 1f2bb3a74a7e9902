import MARACCore

/// Corrections to a meeting's own record: which numbered line of a case's discussion a
/// command means, which meeting and which agency's attendance, and attendance corrected after
/// the meeting until its minutes are signed off.
extension CorrectionsJob {
    /// The numbered information, risk or other business line of the case being heard (in a live
    /// meeting), else of the case shown at its latest meeting.
    func meetingLine(_ kind: String, number n: Int) -> RecordReference? {
        if kind == "aob" {
            guard let m = app.meeting.agendaMeeting else { say("Show the meeting in the agenda first.", alert: true); return nil }
            return .otherBusiness(m.id, index: n - 1)
        }
        var found: (MeetingID, CaseID)?
        if let walk = app.meeting.walk, case .case(let c) = walk.step { found = (walk.meeting, c) }
        if found == nil, case .case(let c)? = app.caseView.subject,
           let m = state.meetings.filter({ $0.discussion(of: c) != nil }).max(by: { $0.date < $1.date }) {
            found = (m.id, c)
        }
        guard let (m, c) = found else {
            say("Open the case (or hear it in the meeting) first; its lines are numbered there.", alert: true)
            return nil
        }
        switch kind {
        case "risk": return .risk(m, c, index: n - 1)
        case "crime": return .crime(m, c, index: n - 1)
        default: return .information(m, c, index: n - 1)
        }
    }

    /// The meeting named first (M-0005, taken off the words), else the one being run, else the
    /// one the agenda shows.
    func meetingNamed(_ words: inout [String]) -> Meeting? {
        if let first = words.first, first.uppercased().hasPrefix("M-"), let id = MeetingID(parsing: first) {
            words.removeFirst()
            guard let m = state.meeting(id) else { say("There is no meeting \(id).", alert: true); return nil }
            return m
        }
        if let walk = app.meeting.walk, let m = state.meeting(walk.meeting) { return m }
        if let m = app.meeting.agendaMeeting { return m }
        say("Show the meeting in the agenda (3) first, or name it: M-0005.", alert: true)
        return nil
    }

    /// The agency whose attendance at `m` the first words name (the longest start of the words
    /// that names one agency with an attendance line); the words after it are the rest.
    func attendingAgency(_ words: inout [String], at m: Meeting) -> (Agency, rest: String)? {
        let lines = m.attendance.compactMap { state.agency($0.agency) }
        guard !words.isEmpty else {
            say("Say which agency: :error attendance police (its attendance at \(m.id) is then marked).", alert: true)
            return nil
        }
        for k in stride(from: words.count, through: 1, by: -1) {
            let typed = words.prefix(k).joined(separator: " ")
            let matches = state.agencies(matching: typed).filter { a in lines.contains { $0.id == a.id } }
            if matches.count == 1 { return (matches[0], words.dropFirst(k).joined(separator: " ")) }
            if matches.count > 1 && k == 1 {
                say("\(matches.prefix(3).map(\.name).joined(separator: ", ")) all match \"\(typed)\": type more of the name.", alert: true)
                return nil
            }
        }
        say("No agency's attendance at \(m.id) matches \"\(words[0])\"; recorded: \(lines.map(\.name).joined(separator: ", ")).", alert: true)
        return nil
    }

    /// `:edit attendance [M-0005] [AGENCY]`: an agency's attendance corrected, until the minutes
    /// are signed off (the meeting may have ended).
    func editAttendance(_ argument: String) {
        var words = argument.split(separator: " ").map(String.init)
        if words.first?.lowercased() == "attendance" { words.removeFirst() }
        guard let m = meetingNamed(&words) else { return }
        let agencies = MeetingWalk.attendanceAgencies(m, in: state)
        guard !agencies.isEmpty else { return say("No agency has signed the ISP, so there is no attendance to take (:agencies).", alert: true) }
        let chosen = state.agencies(matching: words.joined(separator: " ")).first { a in agencies.contains { $0.id == a.id } }
        let choices = ["present", "apologies, information sent", "apologies, no information sent", "absent"]
        let current = chosen.flatMap { m.attendance(of: $0.id) }
        let form = Form(title: "Correct attendance at \(m.id) (\(m.date.long))", fields: [
            FormField("agency", "Agency", kind: .choice(agencies.map(\.name)), value: chosen?.name ?? "", required: true),
            FormField("attendance", "Attendance", kind: .choice(choices), value: current.map { c in
                switch c {
                case .present: choices[0]
                case .apologies(let sent, _, _): sent ? choices[1] : choices[2]
                case .absent: choices[3]
                }
            } ?? "", required: true),
            FormField("representative", "Representative", value: {
                switch current {
                case .present(let rep)?: rep
                case .apologies(_, let from, _)? where !from.isEmpty: from
                default: chosen?.representatives.first?.name ?? ""
                }
            }(), hint: "present, or who sent the apologies"),
            FormField("received", "Information received on", kind: .date,
                      value: { if case .apologies(_, _, let on?)? = current { on.british } else { "" } }(), hint: "with apologies, information sent"),
        ])
        present(form) { [unowned self] form in
            guard let agency = agencies.first(where: { $0.name == form["agency"] }) else { return false }
            let attendance: Attendance = switch form["attendance"] {
            case choices[0]: .present(representative: form["representative"])
            case choices[1]: .apologies(informationSent: true, from: form["representative"], informationReceivedOn: form.day("received", today: self.today))
            case choices[2]: .apologies(informationSent: false, from: form["representative"])
            default: .absent
            }
            return self.save(.recordAttendance(m.id, agency.id, attendance), from: &form,
                             done: "\(agency.name) at \(m.id): \(attendance.label). u undoes.")
        }
    }
}
