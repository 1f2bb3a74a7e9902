import MARACCore

/// One agency's research findings as a line: "Haven Housing (known; last contact 20/02/2026):
/// two call-outs in 2025. Risks: perpetrator has a knife. [housing-research.csv, 06/03/2026]".
enum ResearchFindings {
    static func line(_ r: ResearchReturn, in state: MARACState) -> String {
        var facts: [String] = []
        switch r.known {
        case .yes: facts.append("known")
        case .no: facts.append("not known")
        case .notKnown: break
        }
        if let d = r.lastContact { facts.append("last contact \(d.british)") }
        var text = Describe.agencyName(r.agency, in: state) + (facts.isEmpty ? "" : " (\(facts.joined(separator: "; ")))")
        text += ": " + (r.information.isEmpty ? "nothing to share" : r.information)
        if !r.risks.isEmpty { text += ". Risks: \(r.risks)" }
        text += "  [\(r.source.isEmpty ? "" : r.source + ", ")\(r.receivedOn.british)]"
        return text
    }
}
