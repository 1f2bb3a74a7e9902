/// Invented people for the demo store and tests: given and family names are drawn separately
/// from lists for many backgrounds and combined at random, so no record describes a real person.
/// Some names need accents or another script, so every screen is exercised with them.
struct NamePool {
    var ethnicity: EthnicGroup
    var femaleGiven: [String]
    var maleGiven: [String]
    var family: [String]
    /// Family names that change with gender (Polish -ska/-ski).
    var maleFamily: [String]?
    /// Names written family-first (Vietnamese, Chinese).
    var familyFirst: Bool = false
    var middle: [String] = []
    var language: String = ""

    func name(gender: Gender, rng: inout SeededGenerator, family fixed: String? = nil) -> String {
        let given = rng.pick(gender == .male ? maleGiven : femaleGiven)
        let surname: String
        if let fixed { surname = fixed } else if gender == .male, let mf = maleFamily {
            surname = rng.pick(mf)
        } else {
            surname = rng.pick(family)
        }
        if familyFirst {
            let mid = middle.isEmpty ? "" : (gender == .male ? "Văn " : rng.pick(middle) + " ")
            if surname.unicodeScalars.allSatisfy({ $0.value >= 0x3400 }) { return surname + given }
            return "\(surname) \(mid)\(given)"
        }
        return "\(given) \(surname)"
    }
}

enum FakePeople {
    static let pools: [(NamePool, weight: Int)] = [
        (NamePool(ethnicity: .white,
                  femaleGiven: ["Sarah", "Emma", "Laura", "Rachel", "Hannah", "Jessica", "Amy", "Charlotte", "Gemma",
                                "Kirsty", "Danielle", "Leanne", "Stacey", "Claire", "Nicola", "Joanne", "Kayleigh",
                                "Zoë", "Chloé", "Renée", "Siobhán", "Aoife", "Niamh", "Megan", "Bethany", "Lauren"],
                  maleGiven: ["James", "Daniel", "Lee", "Craig", "Ryan", "Jamie", "Darren", "Wayne", "Liam",
                              "Connor", "Jordan", "Kyle", "Dean", "Scott", "Gareth", "Seán", "Ciarán"],
                  family: ["Thornton", "Ashworth", "Pemberton", "Holloway", "Whitlock", "Radcliffe", "Beckett",
                           "Garside", "Marlow", "Fairclough", "Hartley", "Lindqvist", "Dunmore", "Kershaw",
                           "Ó Briain", "McAllister", "Brennan-Hughes", "O'Donnell", "Sutcliffe", "Trevelyan"]), 70),
        (NamePool(ethnicity: .otherWhite,
                  femaleGiven: ["Agnieszka", "Małgorzata", "Katarzyna", "Zofia", "Łucja", "Joanna", "Ewa", "Magdalena"],
                  maleGiven: ["Piotr", "Tomasz", "Paweł", "Łukasz", "Michał", "Krzysztof"],
                  family: ["Kowalska", "Wiśniewska", "Łukasiewicz", "Wójcik", "Zielińska", "Kamińska", "Dąbrowska"],
                  maleFamily: ["Kowalski", "Wiśniewski", "Łukasiewicz", "Wójcik", "Zieliński", "Kamiński", "Dąbrowski"],
                  language: "Polish"), 6),
        (NamePool(ethnicity: .otherWhite,
                  femaleGiven: ["Ioana", "Elena", "Olena", "Oksana", "Ayşe", "Fatma", "Leyla", "Dorota"],
                  maleGiven: ["Andrei", "Mihai", "Serhiy", "Mehmet", "Emre", "Bogdan"],
                  family: ["Popescu", "Ionescu", "Kovalenko", "Yılmaz", "Demir", "Şahin", "Bondarenko"],
                  language: "Romanian"), 4),
        (NamePool(ethnicity: .asian,
                  femaleGiven: ["Ayesha", "Fatima", "Priya", "Shazia", "Nasreen", "Harpreet", "Sunita", "Rukhsana", "Anjali"],
                  maleGiven: ["Imran", "Tariq", "Rajesh", "Amir", "Gurpreet", "Asif", "Sanjay"],
                  family: ["Khan", "Begum", "Patel", "Hussain", "Akhtar", "Kaur", "Iqbal", "Chaudhry", "Sharma", "Rahman"],
                  language: "Urdu"), 8),
        (NamePool(ethnicity: .black,
                  femaleGiven: ["Chidinma", "Abena", "Shanice", "Tanisha", "Amara", "Adaeze", "Kezia", "Folake"],
                  maleGiven: ["Kwame", "Tunde", "Marcus", "Jermaine", "Obinna", "Kofi"],
                  family: ["Okafor", "Mensah", "Campbell", "Okonkwo", "Adeyemi", "Asante", "Boateng", "Clarke-Williams"]), 5),
        (NamePool(ethnicity: .asian,
                  femaleGiven: ["Lan", "Mai", "Hà", "Hương", "Thảo", "Ngọc"],
                  maleGiven: ["Minh", "Tuấn", "Hùng", "Dũng"],
                  family: ["Nguyễn", "Trần", "Phạm", "Lê", "Hoàng", "Vũ"],
                  familyFirst: true, middle: ["Thị", "Thu", "Ngọc"], language: "Vietnamese"), 2),
        (NamePool(ethnicity: .asian,
                  femaleGiven: ["美玲", "芳", "静", "秀英", "丽华"],
                  maleGiven: ["伟", "强", "磊", "军"],
                  family: ["李", "王", "陈", "张", "刘"],
                  familyFirst: true, language: "Cantonese"), 1),
        (NamePool(ethnicity: .mixed,
                  femaleGiven: ["Jade", "Mya", "Tia", "Keisha", "Leah", "Imani"],
                  maleGiven: ["Tyrese", "Kai", "Reece", "Malik"],
                  family: ["Campbell", "Richards", "Morgan", "Francis", "Grant"]), 3),
        (NamePool(ethnicity: .other,
                  femaleGiven: ["Layla", "Noor", "Yasmin", "Mariam", "Zeynep"],
                  maleGiven: ["Omar", "Karim", "Yusuf", "Ali"],
                  family: ["Haddad", "Nasser", "Al-Amin", "Karimi", "Rostami"], language: "Arabic"), 1),
    ]

    static let streets = ["Alder Road", "Mill Lane", "Foundry Street", "Chapel Walk", "Orchard Close", "Canal Side",
                          "Weaver's Row", "Quarry Hill", "Beech Grove", "Station Approach", "Tannery Court",
                          "Kingfisher Way", "Hawthorn Avenue", "Ropewalk", "Bridge End", "Linden Crescent"]
    static let districts = ["Northbridge", "Eastfold", "Millbrook", "Harrow Green", "Castlegate", "Upper Wyke"]
    static let postcodeLetters = Array("ABDEFGHJLNPQRSTUWXYZ")
    static let schools = ["Millbrook Primary", "St Anne's C of E Primary", "Northbridge Academy", "Eastfold Infants",
                          "Castlegate High", "Harrow Green Nursery", "Upper Wyke Primary"]

    static func address(rng: inout SeededGenerator, areaPrefix: String = "NB") -> Address {
        let street = "\(rng.int(1...180)) \(rng.pick(streets)), \(rng.pick(districts))"
        let postcode = "\(areaPrefix)\(rng.int(1...9)) \(rng.int(1...9))\(rng.pick(postcodeLetters))\(rng.pick(postcodeLetters))"
        return Address(lines: street, postcode: postcode)
    }

    static func phone(rng: inout SeededGenerator) -> String {
        // 07700 900xxx is Ofcom's range reserved for drama: never a real number.
        "07700 900\(Day.pad(rng.int(0...999), 3))"
    }
}
