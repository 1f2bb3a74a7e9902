import MARACCore

/// Meetings and action due dates as iCalendar (RFC 5545), for a coordinator's own calendar.
///
/// Calendars are synchronised to phones and mail servers, so the events carry identifiers,
/// agencies, venues and chairs only: no victim, perpetrator or child, and no action's words.
///
/// A client keeps what it imported and updates it from a newer export by UID, so each event
/// says what changed and never just disappears:
/// - meeting times are local to the MARAC (`TZID=Europe/London`, with its VTIMEZONE), so a
///   10:00 meeting stays at 10:00 in summer;
/// - SEQUENCE counts the record's changes in the journal and LAST-MODIFIED says when the last
///   was, so a moved meeting or a new due date replaces the old one;
/// - a cancelled meeting, its cut-off, and an action closed or recorded in error are sent as
///   STATUS:CANCELLED for as long as their day is within the export's range (from `since`),
///   so a client removes them; before that day they are left out.
public struct CalendarExport {
    public var state: MARACState
    public var now: Instant
    /// The first day the export covers: events before it are left out (open actions, which
    /// are still owed, always go in).
    public var since: Day

    /// How far back an export reaches unless told: a quarter, long enough for a client that
    /// imports now and then to hear of every cancellation.
    public static let defaultDaysBack = 92

    public init(state: MARACState, now: Instant, since: Day? = nil) {
        self.state = state
        self.now = now
        self.since = since ?? now.utcDay.adding(days: -Self.defaultDaysBack)
    }

    var domain: String {
        let slug = NameFolding.fold(state.profile.maracName)
        return (slug.isEmpty ? "marac" : slug) + ".marac.invalid"
    }

    /// The time zone every MARAC marac serves meets in (England, Wales, Scotland and Northern
    /// Ireland), with the rules since 1996: BST from the last Sunday of March at 01:00 UTC to
    /// the last Sunday of October.
    static let timeZone = ["BEGIN:VTIMEZONE", "TZID:Europe/London",
                           "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST",
                           "DTSTART:19810329T010000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
                           "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT",
                           "DTSTART:19961027T020000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
                           "END:VTIMEZONE"]

    public func render() -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//marac//MARAC coordinator//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + escape(state.profile.maracName), "X-WR-TIMEZONE:Europe/London"]
        lines += Self.timeZone
        let stamp = Self.utc(now)
        let meetingRevisions = state.journal.meetingRevisions()
        let actionRevisions = state.journal.actionRevisions()
        let area = state.journal.areaRevision()
        func revision(_ r: ChangeJournal.Revision?, plus extra: ChangeJournal.Revision? = nil) -> [String] {
            let sequence = max(0, (r?.changes ?? 1) - 1) + (extra.map { max(0, $0.changes - 1) } ?? 0)
            let last = [r?.lastChanged, extra?.lastChanged].compactMap { $0 }.max { $0.milliseconds < $1.milliseconds }
            return ["SEQUENCE:\(sequence)"] + (last.map { ["LAST-MODIFIED:" + Self.utc($0)] } ?? [])
        }
        for m in state.meetings.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) {
            let cutoff = state.caseListCutoff(of: m)
            guard m.date >= since || cutoff >= since else { continue }
            let cancelled = m.status == .cancelled
            let r = meetingRevisions[m.id.number]
            if m.date >= since {
                let (hour, minute) = Self.time(m.startTime)
                let start = Self.compact(m.date) + "T" + Day.pad(hour, 2) + Day.pad(minute, 2) + "00"
                let cases = m.listedCases.count
                lines += ["BEGIN:VEVENT", "UID:\(m.id.description.lowercased())@\(domain)", "DTSTAMP:\(stamp)"] + revision(r)
                    + ["DTSTART;TZID=Europe/London:\(start)", "DURATION:PT3H",
                       "SUMMARY:" + escape("\(state.profile.maracName) meeting"),
                       "LOCATION:" + escape(m.venue),
                       "DESCRIPTION:" + escape("Meeting \(m.id), chaired by \(m.chair); \(cases) case\(cases == 1 ? "" : "s") listed when this calendar was written."
                                               + (cancelled ? " Cancelled: \(m.cancelledReason ?? "no reason given")." : "")),
                       "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"), "END:VEVENT"]
            }
            if cutoff >= since {
                lines += ["BEGIN:VEVENT", "UID:\(m.id.description.lowercased())-cutoff@\(domain)", "DTSTAMP:\(stamp)"] + revision(r, plus: area)
                    + ["DTSTART;VALUE=DATE:\(Self.compact(cutoff))", "DTEND;VALUE=DATE:\(Self.compact(cutoff.adding(days: 1)))",
                       "SUMMARY:" + escape("Case list cut-off for the meeting on \(m.date.british)"), "TRANSP:TRANSPARENT",
                       "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"), "END:VEVENT"]
            }
        }
        for a in state.actions.sorted(by: { ($0.due, $0.id) < ($1.due, $1.id) }) {
            let open = a.status == .open && a.inError == nil
            guard open || a.due >= since else { continue }
            let agency = state.agency(a.agency)?.name ?? a.agency.description
            lines += ["BEGIN:VEVENT", "UID:\(a.id.description.lowercased())@\(domain)", "DTSTAMP:\(stamp)"] + revision(actionRevisions[a.id.number])
                + ["DTSTART;VALUE=DATE:\(Self.compact(a.due))", "DTEND;VALUE=DATE:\(Self.compact(a.due.adding(days: 1)))",
                   "SUMMARY:" + escape("Action \(a.id) due: \(agency) (case \(a.caseID))"), "TRANSP:TRANSPARENT",
                   "STATUS:" + (open ? "CONFIRMED" : "CANCELLED"), "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Text values escape backslash, semicolon, comma and line breaks.
    func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// Lines longer than 75 octets are folded: CRLF and a space, never inside a character.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var count = 0
        for c in line {
            let n = String(c).utf8.count
            if count + n > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(c)
            count += n
        }
        return out
    }

    static func compact(_ day: Day) -> String { day.iso.filter { $0 != "-" } }

    static func utc(_ instant: Instant) -> String {
        let seconds = Int((instant.milliseconds - Int64(instant.utcDay.ordinal) * 86_400_000) / 1000)
        return compact(instant.utcDay) + "T" + Day.pad(seconds / 3600, 2) + Day.pad(seconds / 60 % 60, 2) + Day.pad(seconds % 60, 2) + "Z"
    }

    /// "10:00", "9.30", "14:00 " as hour and minute; midday when it cannot be read.
    static func time(_ text: String) -> (Int, Int) {
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == "." }).map { Int($0.trimmingSpaces()) }
        guard let h = parts.first ?? nil, (0..<24).contains(h) else { return (12, 0) }
        let m = parts.count > 1 ? (parts[1] ?? 0) : 0
        return (h, (0..<60).contains(m) ? m : 0)
    }
}
