import MARACCore
import MARACExchange

/// The jobs' requests routed to their handlers, and the `:` commands that take arguments
/// (`:accept M-0004`, `:link C-0042`, `:filter agency police`, `:export minutes`).
extension App {
    /// A request no pane handled: the triage, meeting and action jobs try it in turn.
    func handleJob(_ request: Request, argument: String = "") -> Bool {
        handleTriage(request, argument: argument) || handleMeeting(request, argument: argument) || handleActions(request, argument: argument)
    }

    func registerJobCommands() {
        let withArguments: [Request] = [.acceptReferral, .linkRepeat, .startMeeting, .addOtherBusiness, .identifyRisk, .researchReturn,
                                        .actionDone, .actionNotPossible, .actionNotDone, .actionReopen, .filterActions]
        for request in withArguments {
            guard let name = request.paletteName else { continue }
            register(PaletteCommand(name, request.help) { app, argument in
                if !app.handleJob(request, argument: argument) { app.dispatch(request) }
            })
        }
        let runs: [String: (App, String) -> Void] = [
            "attendance": { app, _ in app.goToStep(.attendance) },
            "statement": { app, _ in app.goToStep(.statement) },
            "outstanding": { app, _ in app.goToStep(.outstanding) },
            "hear": { app, argument in app.hear(argument) },
            "minutes": { app, argument in app.showMinutes(of: MeetingID(parsing: argument) ?? app.agendaMeeting?.id, unfinished: []) },
            "export minutes": { app, argument in app.export(.minutes, argument: argument) },
            "export caselist": { app, argument in app.export(.caseList, argument: argument) },
        ]
        for (name, help) in Self.jobCommandHelp {
            if let run = runs[name] { register(PaletteCommand(name, help, run: run)) }
        }
    }

    /// The `:` commands the jobs add beyond the requests' own names.
    static let jobCommandHelp: [(String, String)] = [
        ("attendance", "go back to taking attendance"),
        ("statement", "go to the confidentiality statement"),
        ("outstanding", "go to the outstanding actions"),
        ("hear", "hear a case now: :hear C-0042"),
        ("minutes", "show a meeting's minutes on screen: :minutes [M-0003]"),
        ("export minutes", "write a meeting's minutes to a file: :export minutes [M-0003] [FILE.md, .txt or .html]"),
        ("export caselist", "write a meeting's case list for circulation: :export caselist [M-0004] [FILE]"),
    ]

    /// Every `:` command and what it does, by name: for Docs/keys.md and the help screen.
    public static var commandCatalogue: [(name: String, help: String)] {
        var seen = Set<String>()
        let all = Request.allCases.compactMap { r in r.paletteName.map { ($0, r.help) } } + jobCommandHelp
        return all.filter { seen.insert($0.0).inserted }.sorted { $0.0 < $1.0 }.map { (name: $0.0, help: $0.1) }
    }

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
            let minutes = try Minutes(state: session.state, meeting: id, today: session.today)
            let text = minutes.document().rendered(as: .text)
            var footer = "Esc closes · :export minutes \(id) FILE writes them (restricted)"
            if !unfinished.isEmpty { footer = "Left unfinished: " + unfinished.joined(separator: "; ") + " · " + footer }
            overlay = .document(DocumentView(title: "Minutes of \(id)", text: text, footer: footer))
            say(unfinished.isEmpty ? "Meeting \(id) ended. Its minutes follow." : "Meeting \(id) ended with \(unfinished.joined(separator: "; ")).",
                alert: !unfinished.isEmpty)
        } catch {
            say(error.description, alert: true)
        }
    }

    enum ExportKind { case minutes, caseList }

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
        guard let id = meeting, let m = session.state.meeting(id) else { return say("Which meeting? :export minutes M-0003", alert: true) }
        let file = words.joined(separator: " ")
        let text: String, what: String, cases: [CaseID], name: String
        do {
            switch kind {
            case .minutes:
                let minutes = try Minutes(state: session.state, meeting: id, today: session.today)
                let format = DocumentFormat(fileName: file) ?? .markdown
                name = file.isEmpty ? "minutes-\(id)-\(m.date.iso).md" : file
                text = minutes.document().rendered(as: format)
                what = "minutes \(id)"
                cases = minutes.cases
            case .caseList:
                let list = try CaseList(state: session.state, meeting: id)
                name = file.isEmpty ? "caselist-\(id)-\(m.date.iso).md" : file
                text = name.lowercased().hasSuffix(".csv") ? list.csv() : list.document().rendered(as: DocumentFormat(fileName: name) ?? .markdown)
                what = "case list \(id)"
                cases = list.cases
            }
        } catch {
            return say(error.description, alert: true)
        }
        guard perform(.recordExport(what: what, cases: cases)) else { return }
        do {
            let path = try session.connection.writeExport(text, named: name)
            say("Wrote the \(what) to \(path), readable by you only. It holds personal data: send it only by secure email.")
        } catch {
            say("The \(what) could not be written: \(error)", alert: true)
        }
    }
}
