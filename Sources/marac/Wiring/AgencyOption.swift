import MARACCore

/// Reads an `--agency NAME` option: one agency, or a failure listing what it could mean.
func resolveAgency(_ text: String?, in state: MARACState) throws -> AgencyID? {
    guard let text else { return nil }
    let found = state.agencies(matching: text)
    switch found.count {
    case 1: return found[0].id
    case 0:
        throw CommandFailure(message: "no agency matches \"\(text)\"; the agencies are: \(state.agencies.map(\.name).sorted().joined(separator: ", "))", code: 1)
    default:
        throw CommandFailure(message: "\"\(text)\" could be \(found.map(\.name).sorted().joined(separator: ", ")); give more of the name", code: 1)
    }
}
