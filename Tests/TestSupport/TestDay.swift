import Foundation

/// The day every program these tests start believes it is (`MARAC_TODAY`), so no test depends
/// on the day it runs. A run can choose another (`MARAC_TODAY=2028-02-29 make test`) to try the
/// program on month ends, leap days and the days the clocks change; the tests read what they
/// expect from the store (`marac list ... --format json`), never from the calendar.
public let testToday: String = {
    if let pinned = ProcessInfo.processInfo.environment["MARAC_TODAY"], !pinned.isEmpty { return pinned }
    return "2026-11-28"
}()

/// The header's date as the screen shows it on the tests' day: "Sat 28 Nov 2026".
public func screenDate(_ iso: String = testToday) -> String {
    let parts = iso.split(separator: "-").compactMap { Int($0) }
    var c = DateComponents()
    (c.year, c.month, c.day, c.hour) = (parts[0], parts[1], parts[2], 12)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = calendar.timeZone
    formatter.dateFormat = "EEE d MMM yyyy"
    return formatter.string(from: calendar.date(from: c)!)
}
