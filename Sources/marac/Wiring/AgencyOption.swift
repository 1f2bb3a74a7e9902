import MARACCore
import MARACExchange

/// Reads an `--agency NAME` option: one agency, or a failure listing what it could mean.
func resolveAgency(_ text: String?, in state: MARACState) throws -> AgencyID? {
    guard let text else { return nil }
    let found = state.agencies(matching: text)
    switch found.count {
    case 1: return found[0].id
    case 0:
        let names = state.agencies.map(\.name)
        if let near = ReferralImporter.nearestNames(to: text, among: names) {
            throw CommandFailure(message: "no agency matches \"\(text)\"; did you mean \(near)?", code: 1)
        }
        throw CommandFailure(message: "no agency matches \"\(text)\"; " + (names.isEmpty ? "this store has no agencies yet (marac agency add)"
            : "marac agency list names the \(names.count) there are"), code: 1)
    default:
        throw CommandFailure(message: "\"\(text)\" could be \(found.map(\.name).sorted().joined(separator: ", ")); give more of the name", code: 1)
    }
}
