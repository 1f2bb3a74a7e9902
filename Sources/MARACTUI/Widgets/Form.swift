import MARACCore

/// One field of a form: what it asks, how it is edited, and what is wrong with it.
public struct FormField: Sendable {
    public enum Kind: Sendable, Equatable {
        case text
        /// Notes: several lines, wrapped; Enter starts a new line.
        case notes
        /// A day: 28/11/2026, 2026-11-28, today, +7d, +2w.
        case date
        /// A date of birth: a two-digit year is the nearest past one (`1/3/90` is 1990).
        case birthDate
        case number
        /// One of a list (agencies, meetings): typing narrows it, Left and Right move between the
        /// matches, the value must be one of them.
        case choice([String])
        /// Yes / No / Don't know, answered with y, n or d.
        case answer
    }

    /// The name the core's errors use for the field ("victim date of birth").
    public var key: String
    public var label: String
    public var kind: Kind
    public var input: TextInput
    public var required: Bool
    public var error: String?
    public var hint: String
    /// For choices: what was typed, which the matches are drawn from while Left and Right move
    /// through them.
    var filter: String?
    /// Just arrived at and not yet edited: as a selected field in any form, the first printable
    /// key replaces the value (arrows, Home and End keep it), and a choice offers all its options.
    public internal(set) var fresh = true

    /// Whether a first printable key replaces the value. Notes keep theirs (a long note is not
    /// lost to one key); answers are set by y, n, d.
    var replacesOnTyping: Bool {
        switch kind {
        case .notes, .answer: false
        default: true
        }
    }

    public init(_ key: String, _ label: String? = nil, kind: Kind = .text, value: String = "", required: Bool = false,
                hint: String = "") {
        self.key = key
        self.label = label ?? key.prefix(1).uppercased() + key.dropFirst()
        self.kind = kind
        self.input = TextInput(value)
        self.required = required
        self.hint = hint
    }

    public var value: String { input.text.trimmingSpaces() }

    /// The choices that begin with what has been typed, then those with a word that does
    /// ("idva" is Northbridge IDVA Service), then those that contain it anywhere.
    public var matches: [String] {
        guard case .choice(let options) = kind else { return [] }
        let typed = fresh ? "" : NameFolding.fold(filter ?? input.text)
        if typed.isEmpty { return options }
        func rank(_ option: String) -> Int? {
            let folded = NameFolding.fold(option)
            if folded.hasPrefix(typed) { return 0 }
            if option.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "(" }).contains(where: { NameFolding.fold(String($0)).hasPrefix(typed) }) { return 1 }
            return folded.contains(typed) ? 2 : nil
        }
        let ranked = options.compactMap { o in rank(o).map { (o, $0) } }
        return (0...2).flatMap { r in ranked.filter { $0.1 == r }.map(\.0) }
    }

    var rows: Int { if case .notes = kind { 3 } else { 1 } }
}

/// A form in a modal frame: fields edited in turn, errors shown beside the field they concern,
/// and nothing lost by an accidental Esc (it asks first when there are changes).
public struct Form: Sendable {
    public var title: String
    public var fields: [FormField]
    /// The field being edited; arriving at one makes it fresh (see ``FormField/fresh``).
    public var focus = 0 {
        didSet { if fields.indices.contains(focus) { fields[focus].fresh = true; fields[focus].filter = nil } }
    }
    /// An error not about one field.
    public var message: String?
    public private(set) var confirmingCancel = false
    /// Where an error about a field the form does not have by that name is shown: one field that
    /// holds several ("perpetrator 2 name" belongs to "further perpetrators"), by the name's
    /// beginning (the core's message names which one it is about).
    public var errorRoutes: [(prefix: String, field: String)] = []
    private let initial: [String]
    private var notesLines: [Int: [String]] = [:]

    public enum Outcome: Equatable {
        case editing
        case submit
        case cancelled
    }

    public init(title: String, fields: [FormField]) {
        self.title = title
        self.fields = fields
        self.initial = fields.map(\.input.text)
    }

    public var isDirty: Bool { fields.map(\.input.text) != initial }

    public subscript(key: String) -> String {
        get { fields.first { $0.key == key }?.value ?? "" }
        set {
            if let i = fields.firstIndex(where: { $0.key == key }) { fields[i].input.text = newValue }
        }
    }

    public func field(_ key: String) -> FormField? { fields.first { $0.key == key } }

    /// Puts an error beside a field (or, when no field has that name, at the top of the form) and
    /// moves to it.
    public mutating func show(error: String, field key: String?) {
        clearErrors()
        if let key, let i = fields.firstIndex(where: { $0.key == key }) {
            fields[i].error = error
            focus = i
        } else if let key, let route = errorRoutes.first(where: { key.hasPrefix($0.prefix) }),
                  let i = fields.firstIndex(where: { $0.key == route.field }) {
            fields[i].error = error
            focus = i
        } else {
            message = error
        }
    }

    public mutating func clearErrors() {
        for i in fields.indices { fields[i].error = nil }
        message = nil
    }

    /// Checks what the form itself can: required fields present, days and numbers readable,
    /// choices one of their options. True when all is well.
    public mutating func validate(today: Day) -> Bool {
        clearErrors()
        for (i, f) in fields.enumerated() {
            let v = f.value
            if v.isEmpty {
                if f.required { fields[i].error = "required" }
                continue
            }
            switch f.kind {
            case .date, .birthDate:
                if DayParsing.parse(v, today: today, kind: f.kind == .birthDate ? .birth : .event) == nil {
                    fields[i].error = "not a date: type 28/11/2026, 2026-11-28, today or +7d"
                }
            case .number:
                if Int(v) == nil { fields[i].error = "not a whole number" }
            case .choice(let options):
                if !options.contains(v) { fields[i].error = "choose one of the list (Left/Right)" }
            case .answer:
                if !["yes", "no", "don't know"].contains(v) { fields[i].error = "y, n or d" }
            default:
                break
            }
        }
        if let first = fields.firstIndex(where: { $0.error != nil }) {
            focus = first
            return false
        }
        return true
    }

    public func day(_ key: String, today: Day, kind: DayParsing.Kind = .event) -> Day? { DayParsing.parse(self[key], today: today, kind: kind) }
    public func number(_ key: String) -> Int? { Int(self[key]) }

    public func answer(_ key: String) -> YesNoUnknown {
        switch self[key] {
        case "yes": .yes
        case "no": .no
        default: .notKnown
        }
    }

    // MARK: - Keys

    /// Leaving a choice with part of a name typed takes the best match: "pol" becomes
    /// "Northbridge Police".
    mutating func completeChoice() {
        guard fields.indices.contains(focus), case .choice(let options) = fields[focus].kind else { return }
        let value = fields[focus].value
        guard !value.isEmpty, !options.contains(value), let first = fields[focus].matches.first else { return }
        fields[focus].input.text = first
        fields[focus].filter = nil
    }

    public mutating func handle(_ key: Key) -> Outcome {
        if confirmingCancel {
            switch key {
            case .character("y"), .character("Y"): return .cancelled
            default:
                confirmingCancel = false
                return .editing
            }
        }
        guard fields.indices.contains(focus) else { return key == .escape ? .cancelled : .editing }
        switch key {
        case .escape:
            if isDirty {
                confirmingCancel = true
                return .editing
            }
            return .cancelled
        case .tab, .down:
            completeChoice()
            focus = (focus + 1) % fields.count
            return .editing
        case .backTab, .up:
            completeChoice()
            focus = (focus + fields.count - 1) % fields.count
            return .editing
        case .control("s"), .function(2):
            completeChoice()
            return .submit
        case .enter:
            if case .notes = fields[focus].kind {
                fields[focus].input.insertLineBreak()
                return .editing
            }
            completeChoice()
            if focus == fields.count - 1 { return .submit }
            focus += 1
            return .editing
        default:
            break
        }
        let wasFresh = fields[focus].fresh
        if wasFresh {
            fields[focus].fresh = false
            if case .character = key, fields[focus].replacesOnTyping, !fields[focus].input.text.isEmpty {
                let choiceCycle: Bool = if case .choice = fields[focus].kind { key == .character(" ") } else { false }
                if !choiceCycle { fields[focus].input = TextInput("") }
            }
        }
        switch fields[focus].kind {
        case .answer:
            switch key {
            case .character("y"), .character("Y"): fields[focus].input.text = "yes"
            case .character("n"), .character("N"): fields[focus].input.text = "no"
            case .character("d"), .character("D"), .character("?"): fields[focus].input.text = "don't know"
            case .character(" "):
                let order = ["yes", "no", "don't know"]
                let next = ((order.firstIndex(of: fields[focus].value) ?? -1) + 1) % order.count
                fields[focus].input.text = order[next]
            case .backspace, .delete, .control("u"): fields[focus].input.text = ""
            default: break
            }
        case .choice:
            var matches = fields[focus].matches
            if wasFresh, case .choice(let options) = fields[focus].kind { matches = options }
            // Space goes on to the next choice unless a name is being typed ("northbridge p").
            let cycles = key == .left || key == .right || (key == .character(" ") && (fields[focus].value.isEmpty || matches.contains(fields[focus].value)))
            if cycles, !matches.isEmpty {
                let at = matches.firstIndex(of: fields[focus].value)
                let next = key == .left ? ((at ?? 0) + matches.count - 1) % matches.count : ((at ?? -1) + 1) % matches.count
                fields[focus].input.text = matches[next]
                if wasFresh { fields[focus].filter = "" }
            } else if fields[focus].input.handle(key) {
                fields[focus].filter = fields[focus].input.text
            }
        default:
            _ = fields[focus].input.handle(key)
        }
        fields[focus].error = nil
        return .editing
    }

    // MARK: - Drawing

    /// Keeps the focused field's text scrolled to its cursor for the width it is drawn in.
    public mutating func layout(region: Region) {
        guard fields.indices.contains(focus) else { return }
        fields[focus].input.fit(width: valueWidth(in: region))
    }

    func labelWidth() -> Int { min(28, max(12, fields.map { TextWidth.of($0.label) }.max() ?? 12) + 2) }

    func valueWidth(in region: Region) -> Int { max(10, min(60, region.width - labelWidth() - 4)) }

    /// Draws the form in a frame filling `region`.
    public func draw(_ canvas: inout Canvas, region: Region, today: Day) {
        let frame = region
        canvas.clear(frame)
        let g = canvas.glyphs
        canvas.put(String(repeating: g.horizontal, count: frame.width), in: frame, row: 0, role: .dim)
        canvas.put(" \(title) ", in: frame, row: 0, column: 2, role: .title)
        let labelWidth = labelWidth()
        let valueWidth = valueWidth(in: frame)
        var row = 2
        if let message {
            for line in wrap(message, width: frame.width - 4) {
                canvas.put(line, in: frame, row: row, column: 2, role: .danger)
                row += 1
            }
            row += 1
        }
        // Keep the focused field on screen.
        let heights = fields.map { $0.rows + ($0.error != nil ? 1 : 0) }
        let available = frame.height - row - 3
        var first = 0
        while first < focus && heights[first...focus].reduce(0, +) > available { first += 1 }
        for i in first..<fields.count {
            let f = fields[i]
            guard row + f.rows <= frame.height - 3 else { break }
            let focused = i == focus
            let label = (f.required ? "* " : "  ") + f.label
            canvas.put(label.padded(toWidth: labelWidth, ellipsis: g.ellipsis), in: frame, row: row, column: 1,
                       role: focused ? .accent : .normal)
            let column = frame.column + labelWidth + 2
            if case .notes = f.kind {
                let lines = wrap(f.input.text, width: valueWidth - 1)
                for r in 0..<f.rows {
                    canvas.fill(row: frame.row + row + r, column: column, count: valueWidth, role: .input)
                    if r < lines.count {
                        let shown = lines.count > f.rows ? lines[lines.count - f.rows + r] : lines[r]
                        canvas.put(shown, row: frame.row + row + r, column: column, role: .input, limit: valueWidth)
                    }
                }
                if focused { canvas.paint(row: frame.row + row + min(f.rows, max(1, lines.count)) - 1, column: column + min(valueWidth - 1, TextWidth.of(lines.last ?? "")), count: 1, role: .selected) }
            } else if focused {
                let selectedValue = f.fresh && f.replacesOnTyping && !f.input.text.isEmpty
                f.input.draw(&canvas, row: frame.row + row, column: column, width: valueWidth, role: selectedValue ? .selected : .input)
            } else {
                canvas.fill(row: frame.row + row, column: column, count: valueWidth, role: .input)
                canvas.put(f.input.text.singleLine, row: frame.row + row, column: column, role: .input, limit: valueWidth)
            }
            var note = ""
            if focused {
                switch f.kind {
                case .choice(let options):
                    let m = f.matches
                    if f.fresh {
                        note = options.count <= 4 ? options.joined(separator: " / ") + " (Space, Left/Right)"
                            : "\(options.count) choices: Space or Left/Right, or type to narrow"
                    } else {
                        note = m.isEmpty ? "no match" : (m.contains(f.value) ? "" : "\(g.arrow) \(m.first!)") + (m.count > 1 ? "  (\(m.count) matches, Left/Right)" : "")
                    }
                case .notes:
                    note = f.hint.isEmpty ? "Enter adds a line" : f.hint
                case .date, .birthDate:
                    if let d = DayParsing.parse(f.value, today: today, kind: f.kind == .birthDate ? .birth : .event) { note = d.long }
                case .answer:
                    note = "y / n / d"
                default:
                    note = f.hint
                }
            }
            let noteColumn = labelWidth + 3 + valueWidth
            if !note.isEmpty, noteColumn + min(TextWidth.of(note), 24) <= frame.width {
                canvas.put(note, in: frame, row: row, column: noteColumn, role: .dim)
            } else if !note.isEmpty {
                // No room beside the field (80 columns): above the footer instead, where it
                // is still read with the field.
                canvas.put("\(f.label): \(note)", in: frame, row: frame.height - 2, column: 1, role: .dim)
            }
            row += f.rows
            if let error = f.error {
                canvas.put("\(g.arrow) \(error)", in: frame, row: row, column: labelWidth + 2, role: .danger)
                row += 1
            }
        }
        let footer = confirmingCancel
            ? "Discard your changes? y discards, any other key goes back to the form."
            : fields.indices.contains(focus) && { if case .notes = fields[focus].kind { true } else { false } }()
                ? "Tab / Shift-Tab move \(g.bullet) Enter adds a line \(g.bullet) Ctrl-S save \(g.bullet) Esc cancel"
                : "Tab / Shift-Tab move \(g.bullet) Enter next (last: saves) \(g.bullet) Ctrl-S save \(g.bullet) Esc cancel"
        canvas.put(footer, in: frame, row: frame.height - 1, column: 1, role: confirmingCancel ? .warning : .dim)
    }
}

extension TextInput {
    /// For notes: a line break at the cursor.
    mutating func insertLineBreak() {
        var chars = characters
        chars.insert("\n", at: cursor)
        let position = cursor + 1
        self = TextInput(String(chars))
        while cursor > position { _ = handle(.left) }
    }
}
