/// Lookups derived from the records, rebuilt when a snapshot is read and kept up by the fold.
/// They are built without an allocation per record (chains threaded through flat arrays
/// instead of a list per key), because a large store rebuilds them on every opening.
///
/// Entries are only ever added: a case later recorded in error or purged stays in the chains,
/// and the queries that use them skip such cases.
struct Indexes: Sendable {
    private(set) var referralByReference: [String: ReferralID] = [:]
    /// Date of birth (days) → the latest case whose victim was born that day.
    private var birthHead: [Int32: Int32] = [:]
    /// Per case (by index): the previous case with the same victim date of birth, or 0.
    private var birthNext: [Int32] = []
    /// Folded name → the latest node for it; nodes hold a case number and the next node.
    private var keyHead: [String: Int32] = [:]
    private var keyNodes: [(caseNumber: Int32, next: Int32)] = []
    /// Per case (by index): the first and last of its actions (numbers, 0 for none); per
    /// action (by index): the next action of the same case.
    private var firstAction: [Int32] = []
    private var lastAction: [Int32] = []
    private var nextAction: [Int32] = []
    var openActions: Set<ActionID> = []
    /// Referrals whose status is awaiting triage: the admin's queue, without a pass over them all.
    var awaitingTriage: Set<ReferralID> = []

    /// The form references are compared in: trimmed, upper case.
    static func referenceKey(_ reference: String) -> String {
        var bytes = Array(reference.utf8)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            while let f = bytes.first, f == 0x20 || f == 0x09 { bytes.removeFirst() }
            while let l = bytes.last, l == 0x20 || l == 0x09 || l == 0x0A || l == 0x0D { bytes.removeLast() }
            for i in bytes.indices where bytes[i] >= 0x61 && bytes[i] <= 0x7A { bytes[i] -= 0x20 }
            return String(decoding: bytes, as: UTF8.self)
        }
        return reference.trimmingSpaces().uppercased()
    }

    mutating func setReference(_ reference: String, _ id: ReferralID?) {
        referralByReference[Self.referenceKey(reference)] = id
    }

    func referral(forReference reference: String) -> ReferralID? {
        referralByReference[Self.referenceKey(reference)]
    }

    mutating func reserve(referrals: Int, cases: Int, actions: Int) {
        referralByReference.reserveCapacity(referrals)
        birthHead.reserveCapacity(cases)
        keyHead.reserveCapacity(cases)
        birthNext.reserveCapacity(cases)
        keyNodes.reserveCapacity(cases + cases / 4)
        firstAction.reserveCapacity(cases)
        lastAction.reserveCapacity(cases)
        nextAction.reserveCapacity(actions)
    }

    private static func grow(_ array: inout [Int32], to count: Int) {
        if array.count < count { array.append(contentsOf: repeatElement(0, count: count - array.count)) }
    }

    mutating func indexVictim(case number: Int32, birth: Int32?, keys: [String]) {
        let i = Int(number) - 1
        Self.grow(&birthNext, to: i + 1)
        if let birth {
            birthNext[i] = birthHead[birth] ?? 0
            birthHead[birth] = number
        }
        for key in keys {
            keyNodes.append((number, keyHead[key] ?? 0))
            keyHead[key] = Int32(keyNodes.count)
        }
    }

    /// Cases whose victim was born on the day, latest first.
    func cases(bornOn birth: Int32) -> [CaseID] {
        var out: [CaseID] = []
        var n = birthHead[birth] ?? 0
        while n > 0 {
            out.append(CaseID(n))
            n = Int(n) - 1 < birthNext.count ? birthNext[Int(n) - 1] : 0
        }
        return out
    }

    /// Cases whose victim has the folded name or alias, latest first.
    func cases(withKey key: String) -> [CaseID] {
        var out: [CaseID] = []
        var node = keyHead[key] ?? 0
        while node > 0 {
            let entry = keyNodes[Int(node) - 1]
            out.append(CaseID(entry.caseNumber))
            node = entry.next
        }
        return out
    }

    mutating func addAction(_ action: Int32, case caseNumber: Int32) {
        let c = Int(caseNumber) - 1, a = Int(action) - 1
        guard c >= 0, a >= 0 else { return }
        Self.grow(&firstAction, to: c + 1)
        Self.grow(&lastAction, to: c + 1)
        Self.grow(&nextAction, to: a + 1)
        if lastAction[c] == 0 {
            firstAction[c] = action
        } else {
            nextAction[Int(lastAction[c]) - 1] = action
        }
        lastAction[c] = action
    }

    /// A case's actions in the order they were agreed.
    func actions(of caseNumber: Int32) -> [ActionID] {
        let c = Int(caseNumber) - 1
        guard c >= 0, c < firstAction.count else { return [] }
        var out: [ActionID] = []
        var a = firstAction[c]
        while a > 0 {
            out.append(ActionID(a))
            a = nextAction[Int(a) - 1]
        }
        return out
    }
}
