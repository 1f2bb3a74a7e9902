import Foundation

/// The day every program these tests start believes it is (`MARAC_TODAY`), so no test depends
/// on the day it runs. A run can choose another (`MARAC_TODAY=2028-02-29 make test`) to try the
/// program on month ends, leap days and the days the clocks change; the tests read what they
/// expect from the store (`marac list ... --format json`), never from the calendar.
let testToday: String = {
    if let pinned = ProcessInfo.processInfo.environment["MARAC_TODAY"], !pinned.isEmpty { return pinned }
    return "2026-11-28"
}()
