/// Folding what agencies send back: reports on their actions and research findings. Who
/// imported a report, and who decided it, is the change's stamp.
extension MARACState {
    mutating func applyAgencyReply(_ event: Event, stamp: Stamp) {
        switch event {
        case .actionReported(let id, var report):
            report.stamp = stamp
            updateAction(id) { $0.reports.append(report) }
        case .actionReportDecided(let id, let n, let decision):
            let stamped: ReportDecision = switch decision {
            case .pending: .pending
            case .confirmed(_, let before): .confirmed(stamp, statusBefore: before)
            case .rejected(_, let reason): .rejected(stamp, reason: reason)
            }
            updateAction(id) { a in if a.reports.indices.contains(n) { a.reports[n].decision = stamped } }
        case .researchReturned(let id, let r):
            updateCase(id) { c in
                c.researchReturns.removeAll { $0.agency == r.agency }
                c.researchReturns.append(r)
            }
        default:
            break
        }
    }
}
