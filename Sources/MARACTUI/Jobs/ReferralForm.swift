import MARACCore

/// The referral form, one definition for entering a referral and for correcting one: every
/// field the SafeLives referral form and the quarterly return have (the victim's diversity,
/// language, safe contact, the police reference, every perpetrator and child). Correcting starts
/// from the record's values; what the form cannot show (incident dates, a transfer in, the
/// checklist's answers when kept) is carried over unchanged.
enum ReferralForm {
    static let genders = ["female", "male", "non-binary", "other", "not known"]
    static let ethnicities = ["white", "mixed", "asian", "black", "other", "not known"]
    static let relationships = ["partner", "ex-partner", "family member", "other"]
    static let riskChoices = ["DASH checklist", "DASH score only", "MeRIT score", "None"]

    /// Lines of the "further perpetrators" field: `name; date of birth; relationship`.
    static let perpetratorLineHint = "one a line: name; date of birth; relationship"
    /// Lines of the "children named" field: `name; date of birth; school`.
    static let childLineHint = "one a line: name; date of birth; school"

    /// The fields, empty for a new referral or at `d`'s values.
    static func fields(_ d: ReferralDetails?, agencies: [String], agencyName: String, today: Day, escalationMonths: Int = 12) -> [FormField] {
        let v = d?.victim
        let first = d?.perpetrators.first
        func answer(_ a: YesNoUnknown?) -> String {
            switch a {
            case .yes?: "yes"
            case .no?: "no"
            default: ""
            }
        }
        let tool = d?.assessment.map { $0.toolKey == RiskTool.merit.key ? "MeRIT score" : ($0.answers.isEmpty ? "DASH score only" : "DASH checklist") }
        let scoreOnly = d?.assessment.map { $0.answers.isEmpty } ?? false
        let contact = v?.contact
        return [
            FormField("reference", "Reference", value: d?.reference ?? "", required: true, hint: "the referrer's reference"),
            FormField("referral date", "Received", kind: .date, value: (d?.receivedOn ?? today).british, required: true),
            FormField("agency", "Referring agency", kind: .choice(agencies), value: agencyName, required: true),
            FormField("referrer", "Referrer name", value: d?.referrerName ?? ""),
            FormField("victim name", "Victim name", value: v?.name ?? "", required: true),
            FormField("aliases", "Also known as", value: v?.aliases.joined(separator: ", ") ?? "", hint: "other names, separated by commas"),
            FormField("victim date of birth", "Victim date of birth", kind: .birthDate, value: v?.dateOfBirth?.british ?? "", required: true),
            FormField("gender", "Victim gender", kind: .choice(genders), value: v.map { label($0.gender) } ?? "female"),
            FormField("pregnant", "Pregnant or baby <18m", kind: .answer, value: answer(d?.victimPregnant)),
            FormField("ethnicity", "Ethnic group", kind: .choice(ethnicities), value: v.map { label($0.diversity.ethnicity) } ?? "not known"),
            FormField("ethnicity detail", "Ethnicity in own words", value: v?.diversity.ethnicityDetail ?? ""),
            FormField("disability", "Disability", kind: .answer, value: answer(v?.diversity.disability)),
            FormField("lgbt", "LGBT+", kind: .answer, value: answer(v?.diversity.lgbt)),
            FormField("language", "Preferred language", value: v?.language ?? ""),
            FormField("interpreter", "Needs an interpreter", kind: .answer, value: v.map { $0.needsInterpreter ? "yes" : (d == nil ? "" : "no") } ?? ""),
            FormField("address", "Address", value: v?.address?.lines ?? ""),
            FormField("postcode", "Postcode", value: v?.address?.postcode ?? ""),
            FormField("phone", "Safe phone number", value: contact?.phone ?? ""),
            FormField("safe to call", "Safe to call", kind: .answer, value: answer(contact?.safeToCall)),
            FormField("safe times", "Safe times / via", value: contact?.safeTimes ?? "", hint: "when it is safe, or whom to go through"),
            FormField("perpetrator 1 name", "Perpetrator name", value: first?.person.name ?? ""),
            FormField("perpetrator 1 date of birth", "Perpetrator date of birth", kind: .birthDate, value: first?.person.dateOfBirth?.british ?? ""),
            FormField("relationship", "Relationship", kind: .choice(relationships), value: first.map { label($0.relationship) } ?? "ex-partner"),
            FormField("further perpetrators", "Further perpetrators", kind: .notes,
                      value: d?.perpetrators.dropFirst().map(perpetratorLine).joined(separator: "\n") ?? "", hint: perpetratorLineHint),
            FormField("children", "Children in household", kind: .number, value: d?.childrenKnown.map(String.init) ?? "",
                      hint: "leave empty if not known; 0 if none"),
            FormField("children named", "Children", kind: .notes, value: d?.children.map(childLine).joined(separator: "\n") ?? "", hint: childLineHint),
            FormField("risk tool", "Risk assessment", kind: .choice(riskChoices), value: tool ?? (d == nil ? riskChoices[0] : "None"),
                      hint: d == nil ? "the checklist follows this form" : (tool == "DASH checklist" ? "the checklist answers are kept unless you choose a score" : "")),
            FormField("risk score", "Score (if no checklist)", kind: .number, value: scoreOnly ? "\(d!.assessment!.score)" : ""),
            FormField("professional judgement", "Professional judgement", kind: .notes, value: d?.professionalJudgement ?? ""),
            FormField("escalation incidents", "Incidents, last \(escalationMonths) months", kind: .number, value: d?.incidents?.reportedCount.map(String.init) ?? "",
                      hint: "how many, if their dates are not known"),
            FormField("incident dates", "Incident dates", kind: .notes, value: d?.incidents?.incidentDates.map(\.british).joined(separator: "\n") ?? "",
                      hint: "one a line; those in the last \(escalationMonths) months count"),
            FormField("severity", "Escalating in severity", kind: .answer, value: d?.incidents?.escalatingInSeverity == true ? "yes" : ""),
            FormField("severity reason", "How it is more severe", value: d?.incidents?.severityReason ?? "", hint: "needed for severity to count"),
            FormField("aware", "Victim aware of referral", kind: .answer, value: answer(d?.victimAware)),
            FormField("not aware reason", "If not aware, why", value: d?.victimNotAwareReason ?? ""),
            FormField("consent", "Victim consents to sharing", kind: .answer, value: answer(d?.consent)),
            FormField("sharing without consent reason", "If not, why share", kind: .notes, value: d?.sharingWithoutConsentReason ?? ""),
            FormField("referrer contact", "Referrer contact", value: d?.referrerContact ?? "", hint: "phone or secure email"),
            FormField("police reference", "Police reference", value: d?.policeReference ?? "", hint: "crime or incident number"),
            FormField("bail and orders", "Bail and orders", kind: .notes, value: d?.bailAndOrders ?? ""),
            FormField("transferred in from", "Transferred in from", value: d?.transferredInFrom?.marac ?? "",
                      hint: "the MARAC that heard the case before, when it moved here; dated the day received"),
            FormField("summary", "Incident summary", kind: .notes, value: d?.summary ?? ""),
        ]
    }

    /// Where the core's errors about people the form holds several of are shown.
    static let errorRoutes: [(prefix: String, field: String)] = [("perpetrator ", "further perpetrators"), ("child ", "children named")]

    /// A problem with what was typed, beside the field it concerns.
    struct Problem: Error {
        var field: String
        var message: String
    }

    /// The referral the form describes; `keeping` is the record being corrected, whose fields
    /// the form does not show are kept (and whose people keep what only an import gives them:
    /// a perpetrator's aliases or address, a child's relationships, matched by name).
    static func details(from form: Form, keeping old: ReferralDetails?, state: MARACState, today: Day) -> Result<ReferralDetails, Problem> {
        guard let received = form.day("referral date", today: today) else { return .failure(Problem(field: "referral date", message: "not a date")) }
        guard let agency = state.agency(named: form["agency"])?.id else {
            return .failure(Problem(field: "agency", message: "choose the referring agency from the list"))
        }
        var victim = old?.victim ?? Person(name: "")
        victim.name = form["victim name"]
        victim.aliases = form["aliases"].split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        victim.dateOfBirth = form.day("victim date of birth", today: today, kind: .birth)
        victim.gender = gender(form["gender"])
        victim.diversity = Diversity(ethnicity: ethnicity(form["ethnicity"]), ethnicityDetail: form["ethnicity detail"],
                                     disability: form.answer("disability"), lgbt: form.answer("lgbt"))
        victim.language = form["language"]
        victim.needsInterpreter = form.answer("interpreter") == .yes
        victim.address = form["address"].isEmpty && form["postcode"].isEmpty ? nil : Address(lines: form["address"], postcode: form["postcode"].uppercased())
        let contact = SafeContact(phone: form["phone"], safeToCall: form.answer("safe to call"), safeTimes: form["safe times"])
        victim.contact = contact == SafeContact() ? nil : contact

        var perpetrators: [Perpetrator] = []
        let oldPerpetrators = old?.perpetrators ?? []
        if !form["perpetrator 1 name"].isEmpty || form.day("perpetrator 1 date of birth", today: today, kind: .birth) != nil {
            var p = oldPerpetrators.first ?? Perpetrator(person: Person(name: ""), relationship: .exPartner)
            p.person.name = form["perpetrator 1 name"]
            p.person.dateOfBirth = form.day("perpetrator 1 date of birth", today: today, kind: .birth)
            let relationship = relationship(form["relationship"])
            if relationship != p.relationship { p.relationshipDetail = "" }
            p.relationship = relationship
            perpetrators.append(p)
        }
        switch furtherPerpetrators(form["further perpetrators"], keeping: Array(oldPerpetrators.dropFirst()), today: today) {
        case .success(let more): perpetrators += more
        case .failure(let p): return .failure(p)
        }
        let children: [Child]
        switch self.children(form["children named"], keeping: old?.children ?? [], today: today) {
        case .success(let c): children = c
        case .failure(let p): return .failure(p)
        }

        var d = old ?? ReferralDetails(reference: "", receivedOn: received, agency: agency, victim: victim)
        d.reference = form["reference"]
        d.receivedOn = received
        d.agency = agency
        d.referrerName = form["referrer"]
        d.referrerContact = form["referrer contact"]
        d.policeReference = form["police reference"]
        d.victim = victim
        d.victimPregnant = form.answer("pregnant")
        d.perpetrators = perpetrators
        d.children = children
        d.childrenCount = form.number("children")
        d.professionalJudgement = form["professional judgement"]
        // Escalation in frequency (a count, or the incidents' dates) or in severity (with why).
        var incidents = old?.incidents ?? IncidentHistory()
        incidents.reportedCount = form.number("escalation incidents")
        var dates: [Day] = []
        for line in form["incident dates"].split(separator: "\n").map({ $0.trimmingSpaces() }) where !line.isEmpty {
            guard let day = DayParsing.parse(line, today: today) else {
                return .failure(Problem(field: "incident dates", message: "\"\(line)\" is not a date (one date a line)"))
            }
            dates.append(day)
        }
        incidents.incidentDates = dates.sorted()
        incidents.escalatingInSeverity = form.answer("severity") == .yes
        incidents.severityReason = form["severity reason"]
        if incidents.escalatingInSeverity && incidents.severityReason.isEmpty {
            return .failure(Problem(field: "severity reason", message: "say how the abuse is more severe, for severity to count"))
        }
        d.incidents = incidents == IncidentHistory() ? nil : incidents
        d.victimAware = form.answer("aware")
        d.victimNotAwareReason = form["not aware reason"]
        d.consent = form.answer("consent")
        d.sharingWithoutConsentReason = form["sharing without consent reason"]
        d.bailAndOrders = form["bail and orders"]
        let from = form["transferred in from"]
        d.transferredInFrom = from.isEmpty ? nil : Transfer(marac: from, on: d.transferredInFrom?.on ?? received)
        d.summary = form["summary"]

        switch form["risk tool"] {
        case "DASH checklist":
            // The answers come from the checklist that follows the form (TriageJob opens it
            // unless a correction keeps the answers it has); a score typed here would be lost.
            if !form["risk score"].isEmpty {
                return .failure(Problem(field: "risk score", message: "the checklist gives the score: choose \"DASH score only\" (risk assessment) to type one, or clear this"))
            }
        case "DASH score only", "MeRIT score":
            guard let score = form.number("risk score") else {
                return .failure(Problem(field: "risk score", message: "give the score, or choose the DASH checklist"))
            }
            let key = form["risk tool"] == "MeRIT score" ? RiskTool.merit.key : RiskTool.dashRIC.key
            let tool = state.profile.riskTool(key) ?? (key == RiskTool.merit.key ? .merit : .dashRIC)
            d.assessment = .scored(tool, on: old?.assessment?.completedOn ?? received, score: score)
        default:
            d.assessment = nil
        }
        return .success(d)
    }

    // MARK: - Lines of people

    static func perpetratorLine(_ p: Perpetrator) -> String {
        [p.person.name, p.person.dateOfBirth?.british ?? "", label(p.relationship)].joined(separator: "; ")
    }

    static func childLine(_ c: Child) -> String {
        var parts = [c.name, c.dateOfBirth?.british ?? "", c.school]
        while parts.count > 1, parts.last!.isEmpty { parts.removeLast() }
        return parts.joined(separator: "; ")
    }

    /// `name; date of birth; relationship` a line; the date and relationship may be left out.
    static func furtherPerpetrators(_ text: String, keeping old: [Perpetrator], today: Day) -> Result<[Perpetrator], Problem> {
        var out: [Perpetrator] = []
        for (n, line) in lines(text).enumerated() {
            let parts = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
            let name = parts[0]
            guard !name.isEmpty else { return .failure(Problem(field: "further perpetrators", message: "line \(n + 1): give the name first, then ; date of birth; relationship")) }
            var birth: Day?
            if parts.count > 1, !parts[1].isEmpty {
                guard let b = DayParsing.parse(parts[1], today: today, kind: .birth) else {
                    return .failure(Problem(field: "further perpetrators", message: "line \(n + 1): \"\(parts[1])\" is not a date; write 21/11/1977"))
                }
                birth = b
            }
            var relationship = Relationship.exPartner
            if parts.count > 2, !parts[2].isEmpty {
                guard let r = relationshipNamed(parts[2]) else {
                    return .failure(Problem(field: "further perpetrators", message: "line \(n + 1): \"\(parts[2])\" is not partner, ex-partner, family member or other"))
                }
                relationship = r
            }
            var p = old.first { NameFolding.fold($0.person.name) == NameFolding.fold(name) } ?? Perpetrator(person: Person(name: name), relationship: relationship)
            p.person.name = name
            p.person.dateOfBirth = birth
            if p.relationship != relationship { p.relationshipDetail = "" }
            p.relationship = relationship
            out.append(p)
        }
        return .success(out)
    }

    /// `name; date of birth; school` a line; the date and school may be left out.
    static func children(_ text: String, keeping old: [Child], today: Day) -> Result<[Child], Problem> {
        var out: [Child] = []
        for (n, line) in lines(text).enumerated() {
            let parts = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
            var birth: Day?
            if parts.count > 1, !parts[1].isEmpty {
                guard let b = DayParsing.parse(parts[1], today: today, kind: .birth) else {
                    return .failure(Problem(field: "children named", message: "line \(n + 1): \"\(parts[1])\" is not a date; write 03/09/2015"))
                }
                birth = b
            }
            let name = parts[0]
            var child = old.first { !name.isEmpty && NameFolding.fold($0.name) == NameFolding.fold(name) } ?? Child(name: name)
            child.name = name
            child.dateOfBirth = birth
            child.school = parts.count > 2 ? parts[2...].joined(separator: "; ") : ""
            out.append(child)
        }
        return .success(out)
    }

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    // MARK: - Choices

    static func label(_ g: Gender) -> String { g == .notKnown ? "not known" : g.rawValue }

    static func gender(_ text: String) -> Gender {
        text == "not known" ? .notKnown : Gender(rawValue: text) ?? .female
    }

    /// "other White", "Gypsy or Irish Traveller": the groups as the census words them.
    static func label(_ e: EthnicGroup) -> String {
        switch e {
        case .notKnown: "not known"
        case .gypsyOrIrishTraveller: "Gypsy or Irish Traveller"
        case .roma: "Roma"
        case .otherWhite: "other White"
        default: e.rawValue
        }
    }

    static func ethnicity(_ text: String) -> EthnicGroup {
        EthnicGroup.allCases.first { label($0) == text } ?? EthnicGroup(rawValue: text) ?? .notKnown
    }

    static func label(_ r: Relationship) -> String { r == .family ? "family member" : r.rawValue }

    static func relationship(_ text: String) -> Relationship { relationshipNamed(text) ?? .exPartner }

    static func relationshipNamed(_ text: String) -> Relationship? {
        switch NameFolding.fold(text) {
        case "partner": .partner
        case "expartner", "ex": .exPartner
        case "familymember", "family": .family
        case "other": .other
        default: nil
        }
    }
}
