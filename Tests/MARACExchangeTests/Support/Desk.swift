import Foundation
import MARACCore

/// A coordinator's desk: a state built command by command, as the screen or a script would
/// build it, with a day that can move on.
struct Desk {
    var state: MARACState
    var today: Day
    var actor = Actor(name: "coordinator", role: .coordinator)
    var minute = 9 * 60

    init(state: MARACState = MARACState(), today: Day) {
        self.state = state
        self.today = today
    }

    /// The seeded demo store as it stands on `today`.
    static func demo(cases: Int = 60, today: Day = Day(year: 2026, month: 11, day: 28)!) -> Desk {
        Desk(state: DemoGenerator(seed: 7, cases: cases, today: today).generate { _ in }, today: today)
    }

    /// A fresh area with the agencies a MARAC usually has.
    static func area(today: Day = Day(year: 2026, month: 3, day: 2)!) -> Desk {
        var desk = Desk(today: today)
        desk.must(.setAreaProfile(AreaProfile(maracName: "Testshire MARAC")))
        for (name, kind) in [("Testshire Police", AgencyKind.police), ("Testshire IDVA Service", .idvaService),
                             ("Testshire Homes", .housing), ("Children's Social Care", .childrensSocialCare)] {
            desk.must(.registerAgency(name: name, kind: kind, ispSignedOn: today.adding(days: -60),
                                      representatives: [Representative(name: "Rep \(kind.rawValue)")]))
        }
        return desk
    }

    var context: DecisionContext {
        DecisionContext(actor: actor, now: Instant(milliseconds: Int64(today.ordinal) * 86_400_000 + Int64(minute) * 60_000), today: today)
    }

    @discardableResult
    mutating func run(_ command: Command) throws(DomainError) -> [Event] {
        let change = try state.change(for: command, context: context)
        state.apply(change)
        minute += 1
        return change.events
    }

    /// Runs a command the test relies on succeeding.
    @discardableResult
    mutating func must(_ command: Command) -> [Event] {
        do { return try run(command) } catch { fatalError("\(command.kind.label) refused: \(error.message)") }
    }

    func agency(_ name: String) -> AgencyID { state.agency(named: name)!.id }
}

/// Invented names from a seeded generator, drawn from several scripts so that folding, width
/// and escaping are all exercised. None is a real person's.
struct FakeNames {
    var rng: SeededGenerator
    static let given = ["Zoë", "Aoife", "Bartłomiej", "Thị Lan", "李华", "Siân", "Oluwaseun", "Mårten", "Chloé", "Dáire", "Ngozi", "Ilse"]
    static let family = ["Łódź-Ashby", "Nguyễn", "O'Rourke", "Żmuda", "王", "Fenwick-Hale", "Ó Dálaigh", "Kessler", "Mbeki-Stone", "Varga"]

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    mutating func name() -> String { "\(rng.pick(Self.given)) \(rng.pick(Self.family))" }

    mutating func birth(age: ClosedRange<Int>, on day: Day) -> Day {
        day.adding(years: -rng.int(age)).adding(days: -rng.int(0...364))
    }
}
