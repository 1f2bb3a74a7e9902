import Foundation
import MARACCore
import MARACTUI

extension WallClock {
    /// The machine's clock; "today" is the local calendar day, as a coordinator means it.
    static let system = WallClock(
        now: { Instant(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded())) },
        today: { localToday() })

    static func localToday() -> Day {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}
