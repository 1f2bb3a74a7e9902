/// Words for the demo's free text: what agencies share, the risks the chair sums up, and the
/// actions agencies volunteer, by the kind of agency, as real minutes read.
enum DemoTexts {
    static func information(for kind: AgencyKind, rng: inout SeededGenerator) -> String {
        let options: [String]
        switch kind {
        case .police:
            options = ["\(rng.int(2...9)) call-outs to the address in the last 12 months; last on a weekend night.",
                       "Perpetrator on police bail with a condition not to contact the victim.",
                       "Perpetrator has previous convictions for violence against a former partner.",
                       "Crime recorded for the latest incident; file with CPS for a charging decision.",
                       "Non-fatal strangulation reported at the latest incident; photographs taken."]
        case .probation:
            options = ["Perpetrator is on licence until next year; reporting weekly.",
                       "Perpetrator known to probation; completed a perpetrator programme two years ago.",
                       "No current involvement; historic order for assault ended."]
        case .health:
            options = ["GP records anxiety and low mood; missed last two appointments.",
                       "Attended A&E with a wrist injury last month; explanation inconsistent.",
                       "Booked with maternity at 20 weeks; midwife aware of the abuse.",
                       "Health visitor in contact with the family; youngest child on track."]
        case .childrensSocialCare:
            options = ["Children open to social care under a child in need plan.",
                       "Strategy discussion held; section 47 enquiry under way.",
                       "No current involvement; a referral was closed after assessment last year."]
        case .adultSocialCare:
            options = ["Victim has care and support needs; a safeguarding enquiry is open.",
                       "No involvement with adult social care."]
        case .housing:
            options = ["Victim is a tenant; rent arrears since the perpetrator left.",
                       "Joint tenancy; the victim has asked about a transfer.",
                       "Homelessness application made last month; in temporary accommodation."]
        case .education:
            options = ["School reports the eldest child's attendance has dropped to 80%.",
                       "Designated safeguarding lead aware; child disclosed arguments at home.",
                       "Nursery reports the child is withdrawn on Monday mornings."]
        case .substanceMisuse:
            options = ["Perpetrator engaged with alcohol treatment but missed recent appointments.",
                       "No involvement with either party."]
        case .mentalHealth:
            options = ["Victim under the community mental health team; care coordinator aware.",
                       "Perpetrator seen by the crisis team after threats of suicide."]
        case .idvaService:
            options = ["IDVA has spoken to the victim, who wants the perpetrator to stay away and to stay in the home.",
                       "Victim engaging with the IDVA; safety plan started; wants a non-molestation order.",
                       "Victim not yet contactable safely; IDVA will try through the health visitor."]
        case .specialistDAService:
            options = ["Victim attended the Freedom Programme last year.",
                       "Refuge space offered; victim declined for now."]
        case .fireAndRescue:
            options = ["No previous home fire safety visit; arson threat reported."]
        case .youthOffending:
            options = ["Eldest son known to the youth offending service; on a referral order."]
        case .other:
            options = ["No records held."]
        }
        return rng.pick(options)
    }

    static let risks = [
        "Non-fatal strangulation at the latest incident.",
        "Separation within the last month; perpetrator not accepting it.",
        "Threats to kill the victim and the children.",
        "Perpetrator due for release from custody.",
        "Stalking: perpetrator turning up at the victim's work.",
        "Child contact handovers used to harass the victim.",
        "Victim pregnant; abuse escalating in frequency.",
        "Perpetrator has access to weapons through work.",
        "Financial control; victim has no access to money.",
        "Victim isolated from family; limited English.",
        "Perpetrator's alcohol use escalating; incidents when drunk.",
        "Threats of suicide by the perpetrator if the victim leaves.",
    ]

    static func action(for kind: AgencyKind, rng: inout SeededGenerator) -> String {
        let options: [String]
        switch kind {
        case .police:
            options = ["Place a flag on the address for an urgent response.",
                       "Review bail conditions and the breach history with the officer in the case.",
                       "Consider a Domestic Violence Protection Notice at the next incident.",
                       "Complete a Clare's Law right-to-know disclosure."]
        case .probation:
            options = ["Share the MARAC risks with the offender manager and review licence conditions.",
                       "Add the victim's address to the exclusion zone."]
        case .health:
            options = ["Add a MARAC flag to the GP record.", "Midwife to see the victim alone at the next appointment.",
                       "Health visitor to complete a home visit within two weeks."]
        case .childrensSocialCare:
            options = ["Complete a child and family assessment.", "Convene a strategy discussion about the children.",
                       "Update the child protection plan with the MARAC risks."]
        case .adultSocialCare:
            options = ["Open a safeguarding enquiry and allocate a worker."]
        case .housing:
            options = ["Consider the sanctuary scheme and change the locks.", "Assess for a management transfer.",
                       "Flag the tenancy so no information is given to the perpetrator."]
        case .education:
            options = ["Inform the designated safeguarding lead at the children's school.",
                       "School to monitor attendance and report concerns to social care."]
        case .substanceMisuse:
            options = ["Offer the perpetrator an appointment and share attendance with probation."]
        case .mentalHealth:
            options = ["Care coordinator to review the crisis plan with the MARAC risks."]
        case .idvaService:
            options = ["Complete a safety plan with the victim and update the MARAC.",
                       "Support the victim to apply for a non-molestation order.",
                       "Tell the victim the outcome of the MARAC safely."]
        case .specialistDAService:
            options = ["Offer a place on the recovery programme.", "Offer outreach support to the victim."]
        case .fireAndRescue:
            options = ["Home fire safety visit with a letterbox arson guard."]
        case .youthOffending:
            options = ["Share the MARAC risks with the young person's case manager."]
        case .other:
            options = ["Check records and report back to the coordinator."]
        }
        return rng.pick(options)
    }

    static let incidents = [
        "perpetrator attended the address in breach of bail and kicked the door in",
        "victim was strangled during an argument about child contact",
        "perpetrator sent over 60 messages in a night threatening to kill the victim",
        "victim was assaulted in front of the children and her phone was smashed",
        "perpetrator followed the victim from work and threatened her with a knife",
        "victim reported being locked in the house and kept from her family",
        "perpetrator threatened to burn the house down with the victim inside",
    ]

    static let judgementReasons = [
        "Victim minimises the abuse; referrer has seen injuries on two visits and the perpetrator's control is escalating.",
        "Limited English and isolated from family; the DASH score understates the risk the referrer observed.",
        "Perpetrator recently released from prison for violence against a former partner; victim very frightened.",
        "Victim disclosed strangulation but would not complete the rest of the checklist.",
    ]
}
