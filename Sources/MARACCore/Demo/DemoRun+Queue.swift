/// The queue the admin finds on the demo's today: referrals still to triage, one a likely
/// repeat with a typing slip in the name.
extension DemoRun {
    func fillQueue() {
        let day = g.today
        let queued = max(2, min(8, g.cases / 12))
        for i in 0..<queued {
            let received = day.adding(days: -(queued - i))
            var (d, _) = makeReferral(on: received)
            switch i {
            case 0:
                // A repeat the admin should spot: a recent case's victim, her name mistyped.
                if let earlier = known.last(where: { $0.referredOn.adding(months: 11) >= received }) {
                    d = referralDetails(on: received, victim: earlier.person, perpetrator: earlier.perpetrator,
                                        children: earlier.children, previous: nil)
                    d.victim.name = mistyped(d.victim.name)
                }
            case 1:
                d.victim.dateOfBirth = Day(year: received.year - 16, month: received.month, day: 1)?.adding(months: 2)
            case 2:
                d.victim.address = FakePeople.address(rng: &rng, areaPrefix: "SV")
            case 3:
                if let hub = state.agencies.first(where: { !$0.hasSignedISP }) { d.agency = hub.id }
            default:
                break
            }
            run(.receiveReferral(d), as: admin, on: day, minute: 8 * 60 + i)
        }
    }

    /// The name with two neighbouring letters of the family name swapped.
    func mistyped(_ name: String) -> String {
        var chars = Array(name)
        guard chars.count > 4 else { return name }
        let i = chars.count - 3
        chars.swapAt(i, i + 1)
        return String(chars)
    }
}
