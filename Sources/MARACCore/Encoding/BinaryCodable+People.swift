extension Representative: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(name); w.write(jobTitle); w.write(contact) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(name: try r.read(), jobTitle: try r.read(), contact: try r.read())
    }
}

extension Agency: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(id); w.write(name); w.write(kind); w.write(ispSignedOn); w.write(representatives)
        w.write(retiredOn)  // level 2
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(id: try r.read(), name: try r.read(), kind: try r.read(), ispSignedOn: try r.read(),
                  representatives: try r.read(), retiredOn: r.version >= 2 ? try r.read() : nil)
    }
}

extension Diversity: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(ethnicity); w.write(ethnicityDetail); w.write(disability); w.write(lgbt)
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(ethnicity: try r.read(), ethnicityDetail: try r.read(), disability: try r.read(), lgbt: try r.read())
    }
}

extension Address: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(lines); w.write(postcode) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(lines: try r.read(), postcode: try r.read())
    }
}

extension SafeContact: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(phone); w.write(safeToCall); w.write(safeTimes) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(phone: try r.read(), safeToCall: try r.read(), safeTimes: try r.read())
    }
}

extension Person: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(name); w.write(aliases); w.write(dateOfBirth); w.write(gender); w.write(address)
        w.write(contact); w.write(language); w.write(needsInterpreter); w.write(diversity)
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(name: try r.read(), aliases: try r.read(), dateOfBirth: try r.read(), gender: try r.read(),
                  address: try r.read(), contact: try r.read(), language: try r.read(),
                  needsInterpreter: try r.read(), diversity: try r.read())
    }
}

extension Perpetrator: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(person); w.write(relationship); w.write(relationshipDetail) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(person: try r.read(), relationship: try r.read(), relationshipDetail: try r.read())
    }
}

extension Child: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(name); w.write(dateOfBirth); w.write(relationshipToVictim); w.write(relationshipToPerpetrator)
        w.write(school)
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(name: try r.read(), dateOfBirth: try r.read(), relationshipToVictim: try r.read(),
                  relationshipToPerpetrator: try r.read(), school: try r.read())
    }
}

extension Stamp: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(actor); w.write(at) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(actor: try r.read(), at: try r.read())
    }
}

extension Actor: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(name); w.write(role) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(name: try r.read(), role: try r.read())
    }
}
