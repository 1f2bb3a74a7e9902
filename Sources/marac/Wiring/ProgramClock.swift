import Foundation
import MARACCore

/// The one clock of this process, made before any subcommand runs and handed to the store and
/// the screen. Nothing else in marac reads the system time.
///
/// `MARAC_TODAY=YYYY-MM-DD` pins today for every subcommand and the screen, so a demo store,
/// the listings and the tests come out the same whatever day they run. The time of day still
/// runs: it is the machine's local time of day, set on the pinned day, so the meeting timer
/// counts and two processes started one after the other stamp their changes in order.
enum ProgramClock {
    /// Set once by `Marac.main` before parsing; read by the subcommands.
    nonisolated(unsafe) private(set) static var current = WallClock.system

    struct BadToday: Error, CustomStringConvertible {
        let value: String
        var description: String {
            "MARAC_TODAY=\(value) is not a day: write it as YYYY-MM-DD, for example MARAC_TODAY=2026-12-03, or unset it to use the machine's date."
        }
    }

    /// The clock the environment asks for: the machine's, or one pinned to `MARAC_TODAY`.
    static func make(environment: [String: String]) throws(BadToday) -> WallClock {
        guard let value = environment["MARAC_TODAY"], !value.isEmpty else { return .system }
        guard let day = parseISODay(value) else { throw BadToday(value: value) }
        return .pinned(to: day)
    }

    static func install(_ clock: WallClock) { current = clock }

    /// Exactly `YYYY-MM-DD`, a real day: a pinned date is for scripts, so no other spelling.
    static func parseISODay(_ text: String) -> Day? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}

extension WallClock {
    /// The machine's clock; "today" is the local calendar day, as a coordinator means it.
    static let system = WallClock(
        now: { Instant(date: Date()) },
        today: {
            let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
            return Day(year: c.year!, month: c.month!, day: c.day!)!
        })

    /// Today pinned to `day` for the life of the process; now is the machine's local time of
    /// day on that day (on a day the clocks change, a time that does not exist moves on).
    static func pinned(to day: Day) -> WallClock {
        WallClock(
            now: {
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone.current
                let real = Date()
                var c = calendar.dateComponents([.hour, .minute, .second, .nanosecond], from: real)
                c.year = day.year
                c.month = day.month
                c.day = day.dayOfMonth
                let moved = calendar.date(from: c) ?? real
                return Instant(date: moved)
            },
            today: { day })
    }
}

extension Instant {
    init(date: Date) {
        self.init(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }
}
