import MARACCore

/// Find anyone from anywhere (Ctrl-F, `:find TEXT`): victims, perpetrators and children by name
/// in any order with one typo, by date of birth, reference or id, each shown with their role,
/// case, last referral and repeat window. Enter opens the record.
public struct FindView: Sendable {
    public var input = TextInput()
    var results: [FoundPerson] = []
    var list = SelectionList()
    /// The state's people, folded once for this view.
    let index: PeopleIndex

    init(index: PeopleIndex, text: String = "") {
        self.index = index
        input = TextInput(text)
    }

    enum Outcome { case editing, close, open(CaseSubject) }

    mutating func search(_ state: MARACState, today: Day) {
        results = state.find(input.text, in: index, today: today)
        list.reset(count: results.count, keep: 0)
    }

    mutating func handle(_ key: Key, state: MARACState, today: Day, page: Int) -> Outcome {
        switch key {
        case .escape: return .close
        case .enter:
            guard list.selected >= 0, list.selected < results.count else { return .editing }
            let f = results[list.selected]
            return .open(f.caseID.map(CaseSubject.case) ?? .referral(f.referral))
        case .down: list.move(by: 1)
        case .up: list.move(by: -1)
        case .pageDown: list.move(by: max(1, page - 1))
        case .pageUp: list.move(by: -max(1, page - 1))
        default:
            if input.handle(key) { search(state, today: today) }
        }
        return .editing
    }

    mutating func layout(region: Region) {
        input.fit(width: max(10, region.width - 34))
        list.scrollToSelection(visible: max(1, region.height - 4))
    }

    func render(_ canvas: inout Canvas, region: Region, today: Day) {
        canvas.clear(region)
        let g = canvas.glyphs
        canvas.put(String(repeating: g.horizontal, count: region.width), in: region, row: 0, role: .dim)
        canvas.put(" Find a person or case ", in: region, row: 0, column: 2, role: .title)
        canvas.put("Name, date of birth, reference or id:", in: region, row: 1, column: 1, role: .normal)
        input.draw(&canvas, row: region.row + 1, column: region.column + 39, width: max(10, region.width - 41), role: .input)
        let header = "Name".padded(toWidth: 28) + " Role         Born        Case    Referred    Repeat window"
        canvas.put(header, in: region, row: 3, column: 2, role: .header)
        let rows = region.dropping(top: 4).dropping(bottom: 1)
        if results.isEmpty {
            let note = input.text.trimmingSpaces().isEmpty ? "Type a name (any order, one letter out is fine), 21/11/1977, a reference or C-0081."
                : "No one matches \"\(input.text)\"."
            canvas.put(note, in: rows, row: 0, column: 2, role: .dim)
        }
        for r in 0..<rows.height {
            let i = list.top + r
            guard i < results.count else { break }
            let f = results[i]
            let window: String
            if let end = f.repeatWindowEnds { window = end >= today ? "open until \(end.british)" : "lapsed \(end.british)" } else { window = "" }
            let line = f.name.padded(toWidth: 28, ellipsis: g.ellipsis) + " " + f.role.rawValue.padded(toWidth: 12) + " "
                + (f.dateOfBirth?.british ?? "").padded(toWidth: 11) + " " + (f.caseID?.description ?? f.referral.description).padded(toWidth: 7) + " "
                + f.referredOn.british.padded(toWidth: 11) + " " + window
            let selected = i == list.selected
            if selected { canvas.put(g.selectionMarker, in: rows, row: r, role: .selected) }
            canvas.put(line, in: rows, row: r, column: 2, role: f.repeatWindowEnds.map { $0 >= today } == true ? .warning : .normal)
            if selected { canvas.paint(row: rows.row + r, column: rows.column, count: rows.width, role: .selected) }
        }
        let count = results.count == 100 ? "the first 100 matches" : "\(results.count) match\(results.count == 1 ? "" : "es")"
        canvas.put("\(count) · Up/Down choose · Enter opens · Esc closes", in: region, row: region.height - 1, column: 1, role: .dim)
    }
}
