/// A meeting pattern as people write it, for `marac area set meetings "…"` and the settings
/// screen, and back again.
extension MeetingPattern {
    /// The forms ``init(parsing:)`` takes, for messages and help.
    public static let forms = [
        "monthly first tuesday 10:00", "monthly last friday 14:00", "twice-monthly 1st,3rd thursday 09:30",
        "weekly wednesday 10:00", "fortnightly tuesday from 2026-01-06 10:00", "every 28 days from 2026-01-06 10:00",
    ]

    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let ordinals = ["first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 5]

    /// Reads a pattern, or says what is wrong with it and the forms that work.
    ///
    /// - Parameter text: `monthly first tuesday 10:00`, `twice-monthly 1st,3rd thursday 09:30`,
    ///   `every 28 days from 2026-01-06 10:00`, `weekly wednesday`, `fortnightly tuesday from
    ///   2026-01-06` (the time is optional: 10:00).
    public init?(parsing text: String) {
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else { return nil }
        var time = "10:00"
        if let last = words.last, let t = Self.time(last) {
            time = t
            words.removeLast()
        }
        var start: Day?
        if let i = words.firstIndex(of: "from"), i + 1 < words.count {
            guard let d = DayParsing.parse(words[i + 1]) else { return nil }
            start = d
            words.removeSubrange(i...(i + 1))
        }
        func weekday(_ w: String) -> Int? {
            guard w.count >= 3 else { return nil }
            return Self.weekdayNames.firstIndex { $0.hasPrefix(w) }.map { $0 + 1 }
        }
        switch words.first {
        case "weekly"?, "fortnightly"?:
            let days = words[0] == "weekly" ? 7 : 14
            let day = words.count > 1 ? weekday(words[1]) : start?.weekday
            guard let day, words.count <= 2 else { return nil }
            if let s = start, s.weekday != day { return nil }
            self.init(rule: .every(days: days, start: start, weekday: day), time: time)
        case "every"?:
            // every N days [on WEEKDAY]
            guard words.count >= 3, let n = Int(words[1]), n >= 7, n <= 92, words[2].hasPrefix("day") else { return nil }
            var day = start?.weekday
            if words.count >= 5, words[3] == "on" { day = weekday(words[4]) }
            guard let day else { return nil }
            self.init(rule: .every(days: n, start: start, weekday: day), time: time)
        case "monthly"?, "twice-monthly"?:
            guard words.count == 3, start == nil, let day = weekday(words[2]) else { return nil }
            let weeks = words[1].split(separator: ",").map { Self.ordinals[String($0)] }
            guard !weeks.isEmpty, weeks.allSatisfy({ $0 != nil }) else { return nil }
            let w = Array(Set(weeks.compactMap { $0 })).sorted()
            if words[0] == "twice-monthly" && w.count != 2 { return nil }
            self.init(rule: .monthly(weeks: w, weekday: day), time: time)
        default:
            return nil
        }
    }

    /// `HH:MM` (or `H:MM`), or nil.
    static func time(_ text: String) -> String? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m),
              parts[1].count == 2 else { return nil }
        return "\(Day.pad(h, 2)):\(Day.pad(m, 2))"
    }

    /// The pattern in the form ``init(parsing:)`` reads: `monthly first tuesday 10:00`.
    public var text: String {
        let day = Self.weekdayNames[weekday - 1]
        switch rule {
        case .every(let days, let start, _):
            let from = start.map { " from \($0.iso)" } ?? ""
            switch days {
            case 7 where start == nil: return "weekly \(day) \(time)"
            case 14: return "fortnightly \(day)\(from) \(time)"
            default: return "every \(days) days\(start == nil ? " on \(day)" : from) \(time)"
            }
        case .monthly(let weeks, _):
            let names = weeks.map { w in w >= 5 ? "last" : ["1st", "2nd", "3rd", "4th"][w - 1] }
            if weeks.count == 1 { return "monthly \(["first", "second", "third", "fourth", "last"][min(5, weeks[0]) - 1]) \(day) \(time)" }
            return "\(weeks.count == 2 ? "twice-monthly" : "monthly") \(names.joined(separator: ",")) \(day) \(time)"
        }
    }

    /// For people: "monthly, the first Tuesday, at 10:00".
    public var description: String {
        let day = Day.weekdayLongNames[weekday - 1]
        switch rule {
        case .every(let days, let start, _):
            let how = days == 7 ? "weekly" : days == 14 ? "fortnightly" : "every \(days) days"
            return start.map { "\(how) from \($0.long), at \(time)" } ?? "\(how), on \(day)s, at \(time)"
        case .monthly(let weeks, _):
            let names = weeks.map { w in w >= 5 ? "last" : ["first", "second", "third", "fourth"][w - 1] }
            let list = names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
            return "\(weeks.count == 2 ? "twice a month" : "monthly"), the \(list) \(day)\(weeks.count > 1 ? "s" : ""), at \(time)"
        }
    }
}
