import MARACCore

/// Agencies' reports on their actions, imported from the spreadsheets they send back
/// (`marac import action-updates`): each waits as "reported by <agency>, to confirm" until
/// the coordinator confirms it (`y`: it becomes the status, dated the day the agency reported
/// it) or rejects it (`r`, with the reason). Tagged actions are decided together; `u` undoes.
extension ActionFollowUp {
    /// The actions named, tagged or selected that have a report waiting, with its position.
    func reportTargets(argument: String) -> (found: [(ActionID, Int)], asked: Int) {
        var targets = actionTargets()
        if let given = ActionID(parsing: argument.split(separator: " ").first.map(String.init) ?? "") { targets = [given] }
        let state = session.state
        let found = targets.compactMap { id in state.action(id)?.pendingReports.first.map { (id, $0.index) } }
        return (found, targets.count)
    }

    func confirmReports(argument: String) {
        guard app.requireWritable() else { return }
        let (found, asked) = reportTargets(argument: argument)
        guard !found.isEmpty else { return say(noReport(asked: asked), alert: true) }
        var saved = 0
        for (id, n) in found {
            do {
                try session.perform(.confirmActionReport(id, report: n))
                saved += 1
            } catch {
                let done = saved > 0 ? "\(saved) confirmed; " : ""
                return say("\(done)\(id): \(error)", alert: true)
            }
        }
        actions.clearTags()
        actions.invalidate()
        let what = found.count == 1 ? "\(found[0].0)'s report" : "\(found.count) reports"
        say("\(what) confirmed. u undoes.")
    }

    func rejectReports(argument: String) {
        guard app.requireWritable() else { return }
        let (found, asked) = reportTargets(argument: argument)
        guard !found.isEmpty else { return say(noReport(asked: asked), alert: true) }
        let given = argument.split(separator: " ").dropFirst(ActionID(parsing: argument.split(separator: " ").first.map(String.init) ?? "") == nil ? 0 : 1)
            .joined(separator: " ")
        let what = found.count == 1 ? "\(found[0].0)'s report" : "\(found.count) reports"
        let form = Form(title: "Reject \(what)", fields: [
            FormField("reason", "Why", kind: .notes, value: given, required: true, hint: "for the agency and the record"),
        ])
        present(form) { [unowned self] form in
            var saved = 0
            for (id, n) in found {
                guard self.save(.rejectActionReport(id, report: n, reason: form["reason"]), from: &form, done: "") else {
                    if saved > 0 { self.say("\(saved) of \(found.count) rejected; \(id) was refused.", alert: true) }
                    return false
                }
                saved += 1
            }
            self.actions.clearTags()
            self.actions.invalidate()
            self.say("\(what) rejected; the status stays. u undoes.")
            return true
        }
    }

    private func noReport(asked: Int) -> String {
        let waiting = session.state.actionsWithReportsWaiting
        let hint = waiting == 0 ? "none is waiting (reports come in with marac import action-updates)"
            : "\(waiting) action\(waiting == 1 ? " has one" : "s have one"): f shows them (\"reported\")"
        return asked == 0 ? "Select an action with a report to confirm; \(hint)." : "No report waits on \(asked == 1 ? "that action" : "those actions"); \(hint)."
    }
}
