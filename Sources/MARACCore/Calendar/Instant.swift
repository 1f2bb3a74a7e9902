/// A moment in time, in milliseconds since 1970-01-01T00:00:00Z. Events are stamped with one, and
/// the meeting timer counts in them; the core never reads a clock itself, it is handed instants.
public struct Instant: Hashable, Comparable, Sendable, Codable {
    public let milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public static func < (a: Instant, b: Instant) -> Bool { a.milliseconds < b.milliseconds }

    /// The UTC calendar day of this instant.
    public var utcDay: Day {
        let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        return Day(ordinal: Int32(days))
    }

    public func adding(seconds: Int) -> Instant { Instant(milliseconds: milliseconds + Int64(seconds) * 1000) }

    public func seconds(until later: Instant) -> Int { Int((later.milliseconds - milliseconds) / 1000) }

    /// Midday UTC of a day: a stable instant for events generated for past days.
    public static func noon(of day: Day) -> Instant {
        Instant(milliseconds: Int64(day.ordinal) * 86_400_000 + 43_200_000)
    }

    /// `2026-03-01T14:05:09Z`: ISO 8601 in UTC to the second, for the store's own files
    /// (when it was created, when a user was added, who holds the lock since when).
    public var iso8601: String {
        let ms = milliseconds - Int64(utcDay.ordinal) * 86_400_000
        let seconds = Int(ms / 1000)
        return "\(utcDay.iso)T\(Day.pad(seconds / 3600, 2)):\(Day.pad(seconds / 60 % 60, 2)):\(Day.pad(seconds % 60, 2))Z"
    }

    /// `2026-03-01 14:05` in UTC, for audit listings.
    public var isoMinute: String {
        let ms = milliseconds - Int64(utcDay.ordinal) * 86_400_000
        let minutes = Int(ms / 60_000)
        return "\(utcDay.iso) \(Day.pad(minutes / 60, 2)):\(Day.pad(minutes % 60, 2))"
    }
}

/// Elapsed seconds as `12:05` (or `1:02:03` past the hour): the meeting timer's form.
public func formatElapsed(seconds: Int) -> String {
    let s = max(0, seconds)
    if s >= 3600 { return "\(s / 3600):\(Day.pad(s / 60 % 60, 2)):\(Day.pad(s % 60, 2))" }
    return "\(s / 60):\(Day.pad(s % 60, 2))"
}
