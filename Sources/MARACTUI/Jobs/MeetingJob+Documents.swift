import MARACCore
import MARACExchange

/// Moving about a live meeting from the command line (`:attendance`, `:hear C-0042`), and a
/// meeting's documents: its minutes on screen, and the minutes and case list exported.
extension MeetingJob {
    /// `:attendance`, `:statement`, `:outstanding`: back (or on) to a step.
    func goToStep(_ step: MeetingWalk.Step) {
        guard let (walk, _) = requireWalk() else { return }
        walk.step = step
        walk.list = SelectionList()
        show(.agenda)
    }

    /// Hears a case out of order.
    func hear(_ argument: String) {
        guard let (walk, m) = requireWalk() else { return }
        guard let c = CaseID(parsing: argument.trimmingSpaces()) else { return say("Name the case: :hear C-0042.", alert: true) }
        guard perform(.startCaseDiscussion(m.id, c)) else { return }
        walk.step = .case(c)
        show(.agenda)
    }

    // MARK: - Minutes and exports

    func showMinutes(of meeting: MeetingID?, unfinished: [String]) {
        guard let id = meeting else { return say("Which meeting? :minutes M-0003", alert: true) }
        do {
            let minutes = try Minutes(state: state, meeting: id, today: today)
            let text = minutes.document().rendered(as: .text)
            var footer = "Esc closes · :export minutes \(id) FILE writes them (restricted)"
            if !unfinished.isEmpty { footer = "Left unfinished: " + unfinished.joined(separator: "; ") + " · " + footer }
            app.overlay = .document(DocumentView(title: "Minutes of \(id)", text: text, footer: footer))
            say(unfinished.isEmpty ? "Meeting \(id) ended. Its minutes follow." : "Meeting \(id) ended with \(unfinished.joined(separator: "; ")).",
                alert: !unfinished.isEmpty)
        } catch {
            say(error.description, alert: true)
        }
    }

    enum ExportKind { case minutes, caseList }

    /// Why a file name asks for a format the screen does not write (`minutes.pdf` would hold
    /// Markdown under a .pdf name), or nil. A name without an extension gets Markdown.
    static func unwritableExtension(_ file: String, kind: ExportKind, meeting: MeetingID) -> String? {
        let name = file.split(separator: "/").last.map(String.init) ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        let written = kind == .minutes ? ["md", "markdown", "txt", "text", "html", "htm"] : ["md", "markdown", "txt", "text", "html", "htm", "csv"]
        guard !written.contains(ext) else { return nil }
        let what = kind == .minutes ? "minutes" : "the case list"
        let formats = kind == .minutes ? ".md, .txt or .html" : ".md, .txt, .html or .csv"
        var hint = ""
        if ext == "pdf" && kind == .minutes { hint = " For a PDF, from the shell: marac export minutes \(meeting) -o minutes.pdf (it needs WeasyPrint)." }
        else if ext == "pdf" { hint = " For a PDF, write .html and print it from a browser." }
        else if ["docx", "doc", "odt"].contains(ext) { hint = " For Word or LibreOffice Writer, write .html and open it there." }
        else if ["xlsx", "xls", "ods"].contains(ext) { hint = kind == .caseList ? " For a spreadsheet, write .csv and open it there." : "" }
        return "The screen writes \(what) as \(formats); it would not put another format under a .\(ext) name.\(hint)"
    }

    /// `:export minutes [M-0003] [FILE]`: recorded in the audit trail, then written 0600 by the
    /// store connection (the screen itself touches no file).
    func export(_ kind: ExportKind, argument: String) {
        guard session.isWritable else { return say("This screen is read-only, and an export must be recorded: export from the screen that writes.", alert: true) }
        var words = argument.split(separator: " ").map(String.init)
        var meeting = agendaMeeting?.id
        if let first = words.first, let id = MeetingID(parsing: first) {
            meeting = id
            words.removeFirst()
        }
        guard let id = meeting, let m = state.meeting(id) else { return say("Which meeting? :export minutes M-0003", alert: true) }
        let file = words.joined(separator: " ")
        if let refusal = Self.unwritableExtension(file, kind: kind, meeting: id) { return say(refusal, alert: true) }
        let text: String, what: String, cases: [CaseID], name: String
        do {
            switch kind {
            case .minutes:
                let minutes = try Minutes(state: state, meeting: id, today: today)
                let format = DocumentFormat(fileName: file) ?? .markdown
                name = file.isEmpty ? "minutes-\(id)-\(m.date.iso).md" : file
                text = minutes.document().rendered(as: format)
                what = "minutes \(id)"
                cases = minutes.cases
            case .caseList:
                let list = try CaseList(state: state, meeting: id)
                name = file.isEmpty ? "caselist-\(id)-\(m.date.iso).md" : file
                text = name.lowercased().hasSuffix(".csv") ? list.csv() : list.document().rendered(as: DocumentFormat(fileName: name) ?? .markdown)
                what = "case list \(id)"
                cases = list.cases
            }
        } catch {
            return say(error.description, alert: true)
        }
        // Who may take it out is decided before anything is written.
        if let refusal = session.refusal(.recordExport(what: what, cases: cases)) { return say(refusal.description, alert: true) }
        struct NotRecorded: Error {}
        do {
            let path = try session.connection.writeExport(text, named: name) {
                guard perform(.recordExport(what: what, cases: cases)) else { throw NotRecorded() }
            }
            say("Wrote the \(what) to \(path), readable by you only. It holds personal data: send it only by secure email.")
        } catch is NotRecorded {
            say("The \(what) was not written: its export could not be recorded in the audit trail (\(app.message ?? "")), so the file "
                + "was removed again.", alert: true)
        } catch {
            _ = perform(.recordExportFailed(what: what, cases: cases, reason: "\(error)"))
            say("The \(what) could not be written: \(error). The attempt is in the audit trail.", alert: true)
        }
    }
}
