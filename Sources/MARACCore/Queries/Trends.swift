/// How a figure of the return is charted: a count, a share of the cases discussed, or cases per
/// 10,000 adult women.
public enum FigureMeasure: String, Hashable, Sendable {
    case count, percent, rate
}

/// One quarter of one figure.
public struct TrendPoint: Hashable, Sendable {
    public var quarter: Quarter
    /// The figure's count (nil for the rate per 10,000).
    public var count: Int?
    /// The count as a share of the cases discussed; nil when none were discussed.
    public var percent: Double?
    /// What the chart draws and the range reads: the percent for a share, else the count or
    /// the rate.
    public var value: Double?
    /// Where the value lies against the figure's range; nil without a range or a value.
    public var position: ExpectedRange.Position?
}

/// One figure of the return over the quarters, with the range it is read against.
public struct FigureTrend: Sendable {
    public var key: String
    public var label: String
    public var definition: String
    public var measure: FigureMeasure
    public var points: [TrendPoint]
    public var range: ExpectedRange?
    /// Whose range it is: "SafeLives" or "area".
    public var rangeSource: String?
    /// SafeLives' national figure, in the figure's measure.
    public var national: Double?

    /// "%" for a share of the cases discussed; nothing for a count or a rate.
    public var unit: String { measure == .percent ? "%" : "" }

    /// A value in the figure's measure, as the screen and the report write it: "48", "31.2%",
    /// "38.9".
    public func text(_ v: Double) -> String {
        switch measure {
        case .count: String(Int(v))
        case .percent: FigureText.percent(v)
        case .rate: FigureText.oneDecimal(v)
        }
    }

    /// SafeLives' national figure in the same words, where it publishes one.
    public var nationalText: String? { national.map(text) }
}

/// One agency in one quarter: what the chair holds it to account for.
public struct AgencyQuarter: Hashable, Sendable {
    public var quarter: Quarter
    /// Referrals received in the quarter that the agency made.
    public var referralsMade = 0
    /// Meetings held in the quarter that the agency was expected at (it had signed the
    /// information sharing protocol and was not retired), and those it was present at.
    public var meetingsExpected = 0
    public var meetingsAttended = 0
    /// Actions agreed for the agency at meetings held in the quarter.
    public var actionsAgreed = 0
    /// Actions of the agency due in the quarter, by today.
    public var actionsDue = 0
    /// Of those, done on or before the due date.
    public var completedOnTime = 0
    /// Of those, not done by the due date: done late, not done, or still open. An action not
    /// possible because circumstances changed is not held against the agency.
    public var overdue = 0

    public init(quarter: Quarter) { self.quarter = quarter }

    public var attendanceRate: Double? { meetingsExpected == 0 ? nil : Double(meetingsAttended) * 100 / Double(meetingsExpected) }
    public var onTimeRate: Double? {
        let judged = completedOnTime + overdue
        return judged == 0 ? nil : Double(completedOnTime) * 100 / Double(judged)
    }
}

/// Whether an agency is doing better or worse than the quarter before.
public enum AgencyDirection: String, Hashable, Sendable {
    case improving, slipping, steady
    case tooFewToTell = "too few to tell"
}

/// One agency over the quarters.
public struct AgencyTrend: Sendable {
    public var agency: Agency
    public var quarters: [AgencyQuarter]
    public var direction: AgencyDirection
    /// Why, in words: "actions on time 80% to 55%".
    public var reason: String

    /// A change of this many percentage points, or more, between the two latest quarters with
    /// figures is called improving or slipping.
    public static let changeThreshold = 10.0
    /// A quarter's on-time rate counts toward the direction only when at least this many of the
    /// agency's actions fell due in it: a rate of two actions says nothing, and a report shows
    /// no rate of fewer than five (``SmallNumbers``).
    public static let smallestBase = SmallNumbers.smallestShown
}

/// The statistical releases' small-number rule, for anything that leaves marac as figures
/// (the trends report): a count of people or cases under five is shown as "fewer than 5", and
/// so is any share computed from one, since a small count can point to a person.
public enum SmallNumbers {
    public static let smallestShown = 5
    public static let words = "fewer than 5"

    public static func hides(_ count: Int) -> Bool { count < smallestShown }

    /// The count, or "fewer than 5".
    public static func text(_ count: Int) -> String { hides(count) ? words : String(count) }
}

/// The return's figures over the last quarters, and the agencies' records over the same
/// quarters: the steering group's quarterly review.
public struct Trends: Sendable {
    public var quarters: [Quarter]
    /// The data return of each quarter, as `marac report quarterly` gives it: the trends are
    /// read from these, so a trend's last point always equals the return.
    public var returns: [DataReturn]
    public var figures: [FigureTrend]
    public var agencies: [AgencyTrend]

    public func figure(_ key: String) -> FigureTrend? { figures.first { $0.key == key } }
}

extension Quarter {
    public var next: Quarter { number == 4 ? Quarter(year: year + 1, number: 1)! : Quarter(year: year, number: number + 1)! }
}

extension MARACState {
    /// The quarters a trend covers: `count` ending with `last`, starting no earlier than the
    /// quarter of the first meeting held (a store of one year shows four).
    public func trendQuarters(through last: Quarter, count: Int) -> [Quarter] {
        let held = meetings.indices.lazy.filter { meetings[$0].startedAt != nil && meetings[$0].status != .cancelled }.map { meetings[$0].date }.min()
        let first = held.map(Quarter.init(containing:)).map { min($0, last) } ?? last
        var quarters = [last]
        while quarters.count < max(1, count), let q = quarters.first, q > first { quarters.insert(q.previous, at: 0) }
        return quarters
    }

    /// - Parameter withAgencies: false leaves ``Trends/agencies`` empty: every action of the
    ///   store is read for them, and the screen shows them only when asked (`a`).
    public func trends(through last: Quarter, quarters count: Int = 8, today: Day, withAgencies: Bool = true) -> Trends {
        let quarters = trendQuarters(through: last, count: count)
        let returns = quarters.map(dataReturn(for:))
        var figures: [FigureTrend] = returns.first.map { first in
            first.figures.map { f in
                let measure: FigureMeasure = DataReturn.shareKeys.contains(f.key) ? .percent : .count
                return figureTrend(key: f.key, label: f.label, definition: f.definition, measure: measure, returns: returns) { r in
                    let g = r.figures.first { $0.key == f.key }
                    return (g?.value, g?.percent)
                }
            }
        } ?? []
        if profile.adultFemalePopulation > 0 {
            let rate = DataReturn.casesPer10k
            figures.append(figureTrend(key: rate.key, label: rate.label, definition: rate.definition,
                                       measure: .rate, returns: returns) { r in (nil, r.casesPer10kAdultFemales) })
        }
        return Trends(quarters: quarters, returns: returns, figures: figures,
                      agencies: withAgencies ? agencyTrends(quarters: quarters, today: today) : [])
    }

    func figureTrend(key: String, label: String, definition: String, measure: FigureMeasure, returns: [DataReturn],
                     read: (DataReturn) -> (count: Int?, share: Double?)) -> FigureTrend {
        let expected = profile.expectedRange(for: key)
        let points = returns.map { r -> TrendPoint in
            let (count, share) = read(r)
            let value: Double? = switch measure {
            case .count: count.map(Double.init)
            case .percent, .rate: share
            }
            return TrendPoint(quarter: r.quarter, count: count, percent: measure == .rate ? nil : share, value: value,
                              position: value.flatMap { v in expected?.range.position(of: v) })
        }
        let national = measure == .rate ? DataReturn.nationalCasesPer10k : DataReturn.nationalPercent[key]
        return FigureTrend(key: key, label: label, definition: definition, measure: measure, points: points,
                           range: expected?.range, rangeSource: expected?.source, national: national)
    }

    /// The cases counted in one figure's bar for a quarter, once per meeting that heard them:
    /// what a chair opens from the trends screen.
    public func casesBehind(figure key: String, in quarter: Quarter) -> [(meeting: Meeting, caseID: CaseID)] {
        casesDiscussed(from: quarter.firstDay, through: quarter.lastDay).filter { _, caseID in
            returnContribution(of: caseID)?.counts(in: key) == true
        }
    }

    /// Each agency's record over the quarters, with its direction.
    public func agencyTrends(quarters: [Quarter], today: Day) -> [AgencyTrend] {
        guard let first = quarters.first, let last = quarters.last else { return [] }
        let from = first.firstDay, through = last.lastDay
        // One row of quarters per agency, by its place in the list.
        var rows: [[AgencyQuarter]?] = Array(repeating: nil, count: agencies.count)
        // A day's quarter by comparing with the quarters' first days: this runs for every action
        // of the store, and turning each day into a calendar date would cost more than the rest.
        let starts = quarters.map(\.firstDay)
        func bump(_ agency: AgencyID, _ day: Day, _ change: (inout AgencyQuarter) -> Void) {
            guard day >= from, day <= through, rows.indices.contains(agency.index), let i = starts.lastIndex(where: { $0 <= day }) else { return }
            if rows[agency.index] == nil { rows[agency.index] = quarters.map(AgencyQuarter.init) }
            change(&rows[agency.index]![i])
        }
        // Every referral and action of the store is walked: fields are read in place, never
        // through a copy of the record.
        for r in referrals.indices where referrals[r].details.receivedOn >= from && referrals[r].details.receivedOn <= through {
            if case .recordedInError = referrals[r].status { continue }
            bump(referrals[r].details.agency, referrals[r].details.receivedOn) { $0.referralsMade += 1 }
        }
        for m in meetings where m.date >= from && m.date <= through && m.startedAt != nil && m.status != .cancelled {
            for a in agencies {
                guard let signed = a.ispSignedOn, signed <= m.date, a.retiredOn.map({ $0 > m.date }) ?? true else { continue }
                bump(a.id, m.date) {
                    $0.meetingsExpected += 1
                    if m.attendance(of: a.id)?.isPresent == true { $0.meetingsAttended += 1 }
                }
            }
        }
        // Meeting dates by number, read once: looking each action's meeting up would copy the
        // whole meeting, for every action of the store.
        let meetingDates = meetings.map(\.date)
        for a in actions.indices where actions[a].inError == nil {
            let agency = actions[a].agency, due = actions[a].due, meeting = actions[a].meeting.index
            if meetingDates.indices.contains(meeting) { bump(agency, meetingDates[meeting]) { $0.actionsAgreed += 1 } }
            guard due <= today, due >= from, due <= through else { continue }
            let status = actions[a].status
            // The day it was done: its latest entry that stands, read in place.
            let doneOn = status == .done ? actions[a].history.lastIndex(where: { $0.inError == nil }).map { actions[a].history[$0].on } : nil
            bump(agency, due) { q in
                q.actionsDue += 1
                if let doneOn, doneOn <= due { q.completedOnTime += 1 } else if status != .notPossible { q.overdue += 1 }
            }
        }
        return agencies.compactMap { agency in
            guard let quarters = rows[agency.id.index] ?? (agency.isActive ? quarters.map(AgencyQuarter.init) : nil) else { return nil }
            let (direction, reason) = Self.direction(of: quarters.filter { $0.quarter.lastDay < today })
            return AgencyTrend(agency: agency, quarters: quarters, direction: direction, reason: reason)
        }
    }

    /// Compares the two latest complete quarters that have a figure, for actions on time and for
    /// attendance: slipping when either fell by the threshold or more, improving when one rose
    /// by it and neither fell.
    static func direction(of quarters: [AgencyQuarter]) -> (AgencyDirection, String) {
        func change(_ name: String, _ rate: (AgencyQuarter) -> Double?) -> (Double, String)? {
            let rated = quarters.compactMap { q in rate(q).map { (q.quarter, $0) } }
            guard rated.count >= 2 else { return nil }
            let (q0, before) = rated[rated.count - 2], (q1, after) = rated[rated.count - 1]
            return (after - before, "\(name) \(Int(before.rounded()))% in \(q0) to \(Int(after.rounded()))% in \(q1)")
        }
        let onTime: (AgencyQuarter) -> Double? = { $0.completedOnTime + $0.overdue >= AgencyTrend.smallestBase ? $0.onTimeRate : nil }
        let changes = [change("actions on time", onTime), change("attendance", \.attendanceRate)].compactMap { $0 }
        guard !changes.isEmpty else { return (.tooFewToTell, "fewer than two quarters with five or more actions due or a meeting held") }
        let t = AgencyTrend.changeThreshold
        let fell = changes.filter { $0.0 <= -t }, rose = changes.filter { $0.0 >= t }
        if !fell.isEmpty { return (.slipping, fell.map(\.1).joined(separator: "; ")) }
        if !rose.isEmpty { return (.improving, rose.map(\.1).joined(separator: "; ")) }
        return (.steady, changes.map(\.1).joined(separator: "; "))
    }
}
