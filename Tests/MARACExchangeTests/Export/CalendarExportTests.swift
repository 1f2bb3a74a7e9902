import Foundation
import MARACCore
import Testing
import TestSupport
@testable import MARACExchange

/// The calendar export (issue 20, 5): what a phone or mail server makes of it, read by two
/// parsers marac did not write.
@Suite struct CalendarExportTests {
    @Test func meetingsAndOpenActionsBecomeEventsThatNameNoOne() throws {
        let desk = Desk.demo()
        let ics = CalendarExport(state: desk.state, now: Instant.noon(of: desk.today)).render()
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        let lines = unfolded.components(separatedBy: "\r\n")
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == lines.filter { $0 == "END:VEVENT" }.count)
        #expect(lines.contains("DTSTAMP:\(desk.today.iso.replacingOccurrences(of: "-", with: ""))T120000Z"), "stamped in UTC")
        let since = desk.today.adding(days: -CalendarExport.defaultDaysBack)
        for m in desk.state.meetings {
            #expect(lines.contains { $0.hasPrefix("UID:\(m.id.description.lowercased())@") } == (m.date >= since),
                    "a meeting is in the calendar when it falls within its range")
        }
        for a in desk.state.openActions() {
            #expect(lines.contains("DTSTART;VALUE=DATE:\(a.due.iso.replacingOccurrences(of: "-", with: ""))"))
            #expect(lines.contains { $0.hasPrefix("UID:\(a.id.description.lowercased())@") })
        }
        // Professionals are named (owners, chairs); a victim never is. (The invented names can
        // give a victim a professional's name: those are left out of the check.)
        let professionals = Set(desk.state.actions.map(\.owner) + desk.state.meetings.map(\.chair)
                                + desk.state.agencies.flatMap { $0.representatives.map(\.name) })
        for r in desk.state.referrals where !professionals.contains(where: { $0.contains(r.details.victim.name) }) {
            #expect(!unfolded.contains(r.details.victim.name), "no victim's name in a calendar")
        }
        for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
    }

    /// The two validators' reading of a calendar: icalendar's and vobject's events, each with
    /// its UID, start in UTC, status and SEQUENCE.
    struct Reading: Decodable {
        struct Event: Decodable, Equatable {
            var uid: String
            var start: String
            var status: String
            var sequence: Int
        }
        var icalendar: [Event]
        var vobject: [Event]
    }

    static func validate(_ ics: String) throws -> Reading {
        let scratch = TemporaryFolder()
        let path = scratch.root + "/marac.ics"
        try Data(ics.utf8).write(to: URL(fileURLWithPath: path))
        let python = try #require(calendarValidator, "needs Python's icalendar and vobject: apt-get install python3-icalendar python3-vobject (scripts/install-deps.sh)")
        let result = runProcess([python, repositoryRoot + "/scripts/validate-calendar.py", path])
        #expect(result.status == 0, "the validators refused the file: \(result.error)")
        return try JSONDecoder().decode(Reading.self, from: Data(result.output.utf8))
    }

    /// A store with a summer and a winter meeting at 10:00, one moved, one cancelled, and
    /// actions closed and recorded in error since the last export.
    static func changedDesk() throws -> (Desk, summer: MeetingID, winter: MeetingID, cancelled: MeetingID, closed: ActionID, inError: ActionID, open: ActionID) {
        var desk = Desk.demo()
        func schedule(_ day: Day) throws -> MeetingID {
            guard case .meetingScheduled(let m)? = desk.must(.scheduleMeeting(date: day, startTime: "10:00", venue: "Room 1", chair: "DI Test")).first else {
                throw CancellationError()
            }
            return m.id
        }
        let summer = try schedule(Day(year: 2027, month: 7, day: 13)!)
        let winter = try schedule(Day(year: 2027, month: 1, day: 19)!)
        let cancelled = try schedule(Day(year: 2027, month: 2, day: 16)!)
        desk.must(.changeMeeting(summer, date: Day(year: 2027, month: 7, day: 14)!, startTime: "10:00", venue: "Room 2", chair: "DI Test"))
        desk.must(.cancelMeeting(cancelled, reason: "Venue unavailable"))
        let open = desk.state.openActions().sorted { $0.id < $1.id }
        let closed = open[0].id, inError = open[1].id
        desk.must(.updateActionStatus(closed, .done, note: "Done.", on: desk.today))
        desk.must(.markRecordedInError(.action(inError), reason: "Entered twice"))
        return (desk, summer, winter, cancelled, closed, inError, open[2].id)
    }

    @Test func meetingTimesAreLondonTimeMovedMeetingsBumpSequenceAndCancelledItemsAreSentAsCancelled() throws {
        let (desk, summer, winter, cancelled, closed, inError, open) = try Self.changedDesk()
        let ics = CalendarExport(state: desk.state, now: Instant.noon(of: desk.today)).render()
        #expect(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"))
        let reading = try Self.validate(ics)
        for (name, events) in [("icalendar", reading.icalendar), ("vobject", reading.vobject)] {
            func event(_ uid: String) -> Reading.Event? { events.first { $0.uid.hasPrefix(uid + "@") } }
            let moved = try #require(event(summer.description.lowercased()), "\(name) read the summer meeting")
            #expect(moved.start == "2027-07-14T09:00:00Z", "\(name): 10:00 in July is 09:00 UTC, not a floating 10:00")
            #expect(moved.sequence == 1, "\(name): moving it once bumped SEQUENCE")
            let january = try #require(event(winter.description.lowercased()))
            #expect(january.start == "2027-01-19T10:00:00Z" && january.sequence == 0 && january.status == "CONFIRMED", "\(name)")
            #expect(event(cancelled.description.lowercased())?.status == "CANCELLED", "\(name): the cancelled meeting is sent as cancelled")
            #expect(event(cancelled.description.lowercased() + "-cutoff")?.status == "CANCELLED", "\(name): and its cut-off")
            #expect(event(closed.description.lowercased())?.status == "CANCELLED", "\(name): a closed action is sent as cancelled")
            #expect((event(closed.description.lowercased())?.sequence ?? 0) >= 1)
            #expect(event(inError.description.lowercased())?.status == "CANCELLED", "\(name): an action recorded in error too")
            #expect(event(open.description.lowercased())?.status == "CONFIRMED", "\(name)")
            #expect(!events.contains { $0.start.hasPrefix("floating") }, "\(name): no floating times")
        }
        #expect(reading.icalendar == reading.vobject, "the two parsers read the same calendar")
    }

    @Test func itemsBeforeTheRangeAreLeftOutAndOpenActionsAlwaysGoIn() throws {
        let (desk, _, _, _, _, _, _) = try Self.changedDesk()
        let since = desk.today.adding(days: 10)
        let ics = CalendarExport(state: desk.state, now: Instant.noon(of: desk.today), since: since).render()
        let reading = try Self.validate(ics)
        let openIDs = Set(desk.state.openActions().map { $0.id.description.lowercased() })
        for e in reading.icalendar {
            let id = String(e.uid.prefix { $0 != "@" })
            if openIDs.contains(id) { continue }
            #expect(e.start >= since.iso, "\(e.uid) on \(e.start) is before the range")
        }
        for id in openIDs { #expect(reading.icalendar.contains { $0.uid.hasPrefix(id + "@") }, "open action \(id) is in") }
    }

    @Test func longLinesFoldWithoutSplittingACharacter() {
        let line = "SUMMARY:" + String(repeating: "Zoë 李 ", count: 20)
        let folded = CalendarExport.fold(line)
        let parts = folded.components(separatedBy: "\r\n ")
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts.joined() == line)
    }
}
