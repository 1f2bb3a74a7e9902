import ArgumentParser
import Foundation
import MARACCore
import MARACStore

/// `marac meeting …`: meetings scheduled from the area's pattern, moved and cancelled.
struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Schedule meetings from the area's pattern, move them, cancel them.",
        subcommands: [Schedule.self, Move.self, Cancel.self])

    static func meeting(_ text: String, in state: MARACState) throws -> Meeting {
        if let id = MeetingID(parsing: text), let m = state.meeting(id) { return m }
        if let day = DayParsing.parse(text), let m = state.meetings.first(where: { $0.date == day && $0.status != .cancelled }) { return m }
        throw CommandFailure(message: "no meeting \"\(text)\": give its id (M-0003) or its date; marac list meetings lists them", code: 1)
    }

    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Propose the meetings the area's pattern gives for the months ahead, and schedule them.",
            discussion: "A date within three days of a meeting already scheduled, moved or cancelled is left out; a date on a bank holiday moves to the next working day (marac area set bank-holidays). Without --yes the dates are shown and nothing is saved.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .long, help: "How many months ahead.") var months: Int = 3
        @Option(name: .long, help: "The venue (default: the area's usual venue).") var venue: String?
        @Option(name: .long, help: "The chair (default: the area's usual chair).") var chair: String?
        @Flag(name: .long, help: "Schedule the dates shown.") var yes = false

        func validate() throws {
            guard (1...24).contains(months) else { throw ValidationError("--months must be from 1 to 24.") }
        }

        func run() throws {
            try reporting("meeting schedule") {
                let store = try yes ? storeOptions.openForWriting() : storeOptions.open(.readOnly)
                defer { store.close() }
                let state = store.state
                let profile = state.profile
                let today = ProgramClock.current.today()
                let dates = state.proposedMeetingDates(from: today, through: today.adding(months: months))
                let place = venue ?? profile.defaultVenue, who = chair ?? profile.defaultChair
                print("\(profile.maracName) meets \(profile.meetingPattern.description)" + (profile.bankHolidays == .none ? "" : "; bank holidays: \(profile.bankHolidays.label)") + ".")
                guard !dates.isEmpty else { return print("No new dates in the next \(months) month\(months == 1 ? "" : "s").") }
                for d in dates { print("  \(d.long)  \(profile.meetingPattern.time)  \(place.isEmpty ? "(venue not set)" : place)  \(who.isEmpty ? "(chair not set)" : who)") }
                guard yes else { return print("Nothing saved: add --yes to schedule these \(dates.count) meeting\(dates.count == 1 ? "" : "s").") }
                for d in dates {
                    try perform(.scheduleMeeting(date: d, startTime: profile.meetingPattern.time, venue: place, chair: who), in: store)
                }
                let made = store.state.meetings.suffix(dates.count).map(\.id.description)
                print("Scheduled \(dates.count) meeting\(dates.count == 1 ? "" : "s"): \(made.joined(separator: ", ")).")
            }
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a meeting to another date, time, venue or chair.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The meeting: M-0003, or its date.") var meeting: String
        @Option(name: .long, help: "The new date.") var date: String?
        @Option(name: .long, help: "The new start time, HH:MM.") var time: String?
        @Option(name: .long, help: "The new venue.") var venue: String?
        @Option(name: .long, help: "The new chair.") var chair: String?

        func run() throws {
            try reporting("meeting move") {
                let store = try storeOptions.openForWriting()
                defer { store.close() }
                let m = try MeetingCommand.meeting(meeting, in: store.state)
                let day = try date.map { text -> Day in
                    guard let d = DayParsing.parse(text, today: ProgramClock.current.today()) else {
                        throw CommandFailure(message: "--date \"\(text)\" is not a date", code: 1)
                    }
                    return d
                } ?? m.date
                try perform(.changeMeeting(m.id, date: day, startTime: time ?? m.startTime, venue: venue ?? m.venue, chair: chair ?? m.chair), in: store)
                let now = store.state.meeting(m.id)!
                print("\(m.id): \(now.date.long) \(now.startTime), \(now.venue), chaired by \(now.chair).")
            }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a meeting, with the reason (kept in the record).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The meeting: M-0003, or its date.") var meeting: String
        @Option(name: .long, help: "Why it is cancelled.") var reason: String

        func run() throws {
            try reporting("meeting cancel") {
                let store = try storeOptions.openForWriting()
                defer { store.close() }
                let m = try MeetingCommand.meeting(meeting, in: store.state)
                try perform(.cancelMeeting(m.id, reason: reason), in: store)
                print("Cancelled \(m.id) (\(m.date.long)): \(reason). Cases listed for it need moving to another meeting.")
            }
        }
    }
}
