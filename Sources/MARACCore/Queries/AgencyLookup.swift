extension MARACState {
    /// Agencies that still sit at the MARAC (not retired), as forms offer them.
    public var activeAgencies: [Agency] { agencies.filter(\.isActive) }

    /// Agencies that sit at the MARAC and signed the information sharing protocol: whose
    /// attendance is taken, who share information and take actions.
    public var signedAgencies: [Agency] { agencies.filter { $0.isActive && $0.hasSignedISP } }

    /// Agencies a typed name could mean, best first: an exact match (ignoring case and accents)
    /// alone; else those whose name starts with it; else those with a word starting with it
    /// ("pol" finds "Northbridge Police"). Used by type-ahead and by `--agency` options.
    public func agencies(matching text: String) -> [Agency] {
        let key = NameFolding.fold(text)
        guard !key.isEmpty else { return [] }
        if let exact = agencies.first(where: { NameFolding.fold($0.name) == key }) { return [exact] }
        let prefixed = agencies.filter { NameFolding.fold($0.name).hasPrefix(key) }
        if !prefixed.isEmpty { return prefixed }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { NameFolding.fold(String($0)) }
        return agencies.filter { a in
            let names = a.name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { NameFolding.fold(String($0)) }
            return words.allSatisfy { w in names.contains { $0.hasPrefix(w) } }
        }
    }
}
