import MARACCore

/// Meetings and action due dates as iCalendar (RFC 5545), for a coordinator's own calendar.
///
/// Calendars are synchronised to phones and mail servers, so the events carry identifiers,
/// agencies and venues only: no names and no action descriptions. Identifiers are stable, so
/// importing a newer export updates the events instead of doubling them; a cancelled meeting
/// is sent as cancelled.
public struct CalendarExport {
    public var state: MARACState
    public var now: Instant

    public init(state: MARACState, now: Instant) {
        self.state = state
        self.now = now
    }

    var domain: String {
        let slug = NameFolding.fold(state.profile.maracName)
        return (slug.isEmpty ? "marac" : slug) + ".marac.invalid"
    }

    public func render() -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//marac//MARAC coordinator//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + escape(state.profile.maracName)]
        let stamp = Self.utc(now)
        for m in state.meetings.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) {
            let (hour, minute) = Self.time(m.startTime)
            let start = Self.compact(m.date) + "T" + Day.pad(hour, 2) + Day.pad(minute, 2) + "00"
            lines += ["BEGIN:VEVENT", "UID:\(m.id.description.lowercased())@\(domain)", "DTSTAMP:\(stamp)",
                      "DTSTART:\(start)", "DURATION:PT3H",
                      "SUMMARY:" + escape("\(state.profile.maracName) meeting (\(m.listedCases.count) case\(m.listedCases.count == 1 ? "" : "s"))"),
                      "LOCATION:" + escape(m.venue), "DESCRIPTION:" + escape("Meeting \(m.id), chaired by \(m.chair)."),
                      "STATUS:" + (m.status == .cancelled ? "CANCELLED" : "CONFIRMED"), "END:VEVENT"]
            let cutoff = state.caseListCutoff(of: m)
            if m.status == .scheduled {
                lines += ["BEGIN:VEVENT", "UID:\(m.id.description.lowercased())-cutoff@\(domain)", "DTSTAMP:\(stamp)",
                          "DTSTART;VALUE=DATE:\(Self.compact(cutoff))", "DTEND;VALUE=DATE:\(Self.compact(cutoff.adding(days: 1)))",
                          "SUMMARY:" + escape("Case list cut-off for the meeting on \(m.date.british)"), "TRANSP:TRANSPARENT", "END:VEVENT"]
            }
        }
        for a in state.openActions().sorted(by: { ($0.due, $0.id) < ($1.due, $1.id) }) {
            let agency = state.agency(a.agency)?.name ?? a.agency.description
            lines += ["BEGIN:VEVENT", "UID:\(a.id.description.lowercased())@\(domain)", "DTSTAMP:\(stamp)",
                      "DTSTART;VALUE=DATE:\(Self.compact(a.due))", "DTEND;VALUE=DATE:\(Self.compact(a.due.adding(days: 1)))",
                      "SUMMARY:" + escape("Action \(a.id) due: \(agency) (case \(a.caseID))"), "TRANSP:TRANSPARENT", "END:VEVENT"]
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
