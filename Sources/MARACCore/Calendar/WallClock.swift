/// Where "now" and "today" come from. The core never reads the time: it is handed instants
/// and days. The executable makes the one clock of a process (the machine's, or a day pinned
/// with `MARAC_TODAY`) and hands it to the store and the screen; tests hand them a fixed one,
/// so no test depends on the day it runs.
public struct WallClock: Sendable {
    public var now: @Sendable () -> Instant
    public var today: @Sendable () -> Day

    public init(now: @escaping @Sendable () -> Instant, today: @escaping @Sendable () -> Day) {
        self.now = now
        self.today = today
    }

    /// A clock stopped at `minutes` past midnight (UTC) of `day`.
    public static func fixed(_ day: Day, minutes: Int = 10 * 60) -> WallClock {
        let instant = Instant(milliseconds: Int64(day.ordinal) * 86_400_000 + Int64(minutes) * 60_000)
        return WallClock(now: { instant }, today: { day })
    }
}
