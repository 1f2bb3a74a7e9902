extension Command {
    /// The record a correction rewrites as a whole from a form (a referral's details, an
    /// action's owner and due date...): two people editing it at once must not overwrite each
    /// other unawares. Nil for commands that add to the record rather than rewrite it.
    public var rewrites: RecordKey? {
        switch self {
        case .updateReferral(let id, _): .referral(id)
        case .updateAgency(let id, _, _, _): .agency(id)
        case .changeMeeting(let id, _, _, _, _): .meeting(id)
        case .changeAction(let id, _, _, _), .extendActionDue(let id, _, _): .action(id)
        default: nil
        }
    }
}
