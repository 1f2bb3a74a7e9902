import MARACCore

/// A command the `:` line knows: its name, what it does, and how to run it with what follows
/// the name.
public struct PaletteCommand {
    public var name: String
    public var help: String
    public var run: (App, String) -> Void

    public init(_ name: String, _ help: String, run: @escaping (App, String) -> Void) {
        self.name = name
        self.help = help
        self.run = run
    }
}

/// The `:` line: every request by its name, taking the same route as its key with what
/// follows the name as its argument (`:accept M-0004`, `:link C-0042`, `:filter agency
/// police`), and the commands that have no key (`:hear C-0042`, `:export minutes`).
extension App {
    /// Adds a command to the `:` line.
    public func register(_ command: PaletteCommand) {
        commands.removeAll { $0.name == command.name }
        commands.append(command)
    }

    func registerCommands() {
        for request in Request.allCases {
            guard let name = request.paletteName else { continue }
            register(PaletteCommand(name, request.help) { app, argument in app.route(request, argument: argument) })
        }
        let runs: [String: (App, String) -> Void] = [
            "attendance": { app, _ in app.meeting.goToStep(.attendance) },
            "statement": { app, _ in app.meeting.goToStep(.statement) },
            "outstanding": { app, _ in app.meeting.goToStep(.outstanding) },
            "hear": { app, argument in app.meeting.hear(argument) },
            "minutes": { app, argument in app.meeting.showMinutes(of: MeetingID(parsing: argument) ?? app.meeting.agendaMeeting?.id, unfinished: []) },
            "export minutes": { app, argument in app.meeting.export(.minutes, argument: argument) },
            "export caselist": { app, argument in app.meeting.export(.caseList, argument: argument) },
            "area": { app, _ in app.setup.editArea() },
            "referral": { app, argument in app.openRecord(argument) },
            "agencies": { app, _ in app.setup.listAgencies() },
            "agency add": { app, argument in app.setup.addAgency(argument) },
            "agency edit": { app, argument in app.setup.editAgency(argument) },
            "agency retire": { app, argument in app.setup.retireAgency(argument) },
            "schedule": { app, argument in app.setup.scheduleFromPattern(argument) },
            "meeting move": { app, argument in app.setup.moveMeeting(argument) },
            "reopen referral": { app, argument in app.corrections.reopen(argument) },
            "withdraw": { app, argument in app.corrections.withdraw(argument) },
            "move case": { app, argument in app.corrections.moveCase(argument) },
            "transfer case": { app, argument in app.corrections.transferCase(argument) },
            "sign off": { app, argument in app.corrections.signOff(argument) },
            "addendum": { app, argument in app.corrections.addendum(argument) },
            "meeting cancel": { app, argument in app.setup.cancelMeeting(argument) },
            "meeting share": { app, argument in app.meeting.letOthersAdd(true, argument: argument) },
            "meeting unshare": { app, argument in app.meeting.letOthersAdd(false, argument: argument) },
            "messages": { app, _ in app.showMessages() },
        ]
        for (name, help) in Self.commandsWithoutKeys {
            if let run = runs[name] { register(PaletteCommand(name, help, run: run)) }
        }
    }

    /// The `:` commands beyond the requests' own names.
    static let commandsWithoutKeys: [(String, String)] = [
        ("attendance", "go back to taking attendance"),
        ("statement", "go to the confidentiality statement"),
        ("outstanding", "go to the outstanding actions"),
        ("hear", "hear a case now: :hear C-0042"),
        ("minutes", "show a meeting's minutes on screen: :minutes [M-0003]"),
        ("export minutes", "write a meeting's minutes to a file: :export minutes [M-0003] [FILE.md, .txt or .html]"),
        ("export caselist", "write a meeting's case list for circulation: :export caselist [M-0004] [FILE]"),
        ("referral", "open a referral by its id or reference: :referral R-0042"),
        ("area", "the area's settings: risk tool, threshold, meetings, cut-off, bank holidays, population…"),
        ("agencies", "the agencies, their ISP dates and representatives"),
        ("agency add", "add an agency: :agency add [NAME]"),
        ("agency edit", "change an agency, its ISP date and representatives: :agency edit NAME"),
        ("agency retire", "retire an agency (kept in the history): :agency retire NAME"),
        ("schedule", "schedule the meetings the area's pattern gives: :schedule [MONTHS]"),
        ("meeting move", "move a meeting's date, time, venue or chair: :meeting move [M-0003]"),
        ("meeting cancel", "cancel a meeting, with the reason: :meeting cancel [M-0003]"),
        ("meeting share", "let other screens add information, risks and crimes to the meeting in progress: :meeting share [M-0003]"),
        ("meeting unshare", "keep recording in the meeting in progress to the screen running it: :meeting unshare [M-0003]"),
        ("reopen referral", "put a returned or declined referral back in the queue: :reopen referral [R-0042] [REASON]"),
        ("withdraw", "withdraw a referral's acceptance: :withdraw [R-0042] [REASON]"),
        ("move case", "move a case to another meeting: :move case [C-0042] [M-0005]"),
        ("transfer case", "transfer a case to another MARAC: :transfer case [C-0042]"),
        ("sign off", "sign off a meeting's minutes: :sign off [M-0003]"),
        ("addendum", "add a dated correction to signed-off minutes: :addendum [M-0003] [TEXT]"),
        ("messages", "every message of this session, whole"),
    ]

    /// Every `:` command and what it does, by name: for Docs/keys.md and the help screen.
    public static var commandCatalogue: [(name: String, help: String)] {
        var seen = Set<String>()
        let all = Request.allCases.compactMap { r in r.paletteName.map { ($0, r.help) } } + commandsWithoutKeys
        return all.filter { seen.insert($0.0).inserted }.sorted { $0.0 < $1.0 }.map { (name: $0.0, help: $0.1) }
    }

    /// The command a line typed at `:` runs: the longest name it starts with, so `:reopen
    /// referral R-0042` is not taken for `:reopen` (an action) with "referral R-0042" after it.
    func command(for line: String) -> PaletteCommand? {
        let lower = line.trimmingSpaces().lowercased()
        return commands.filter { lower == $0.name || lower.hasPrefix($0.name + " ") }.max { $0.name.count < $1.name.count }
    }

    /// Runs a line typed at `:`: the longest command name it starts with, and the rest as its
    /// arguments.
    public func run(_ line: String) {
        let text = line.trimmingSpaces()
        let lower = text.lowercased()
        guard let command = command(for: text) else {
            let near = commands.filter { $0.name.hasPrefix(lower.split(separator: " ").first.map(String.init) ?? lower) }.map(\.name)
            say("No command \"\(text)\"" + (near.isEmpty ? "; press : then Tab for the list." : "; did you mean \(near.prefix(3).joined(separator: ", "))?"),
                alert: true)
            return
        }
        command.run(self, String(text.dropFirst(command.name.count)).trimmingSpaces())
    }
}

/// Where each command of the core is made on the screen: the key or `:` command that makes it.
/// A test checks that every command kind is here (but those only the system or the command
/// line makes) and that every `:` command named exists.
extension App {
    static let commandReach: [CommandKind: String] = [
        .setAreaProfile: ":area", .registerAgency: ":agency add", .updateAgency: ":agency edit",
        .recordISPSigned: ":agency edit", .retireAgency: ":agency retire", .reinstateAgency: "u after :agency retire",
        .receiveReferral: "n in the queue (:referral new)", .updateReferral: "e in the queue or case view (:edit)",
        .linkRepeat: "l in the queue (:link)", .addToCase: "+ in the queue (:add to case)", .acceptReferral: "a in the queue (:accept)", .returnReferral: "r in the queue (:return)",
        .declineReferral: "x in the queue (:decline)", .transferReferralOut: "t in the queue (:transfer)",
        .transferCaseOut: ":transfer case", .moveCase: ":move case", .withdrawAcceptance: ":withdraw",
        .reopenTriage: ":reopen referral", .scheduleMeeting: "S in the agenda, :schedule", .changeMeeting: ":meeting move",
        .cancelMeeting: ":meeting cancel", .freezeCaseList: "F in the agenda (:freeze)", .unfreezeCaseList: "u after F",
        .recordResearchReturn: "R in the agenda (:research)", .reorderAgenda: "K and J in the agenda (:move up)",
        .addOtherBusiness: "o in the agenda or meeting (:aob)", .startMeeting: "M in the agenda (:meeting start)",
        .withdrawMeetingStart: "u after M", .recordAttendance: "p a A x at attendance", .recordObserver: "O at attendance (:observer)",
        .recordStatementRead: "n at the statement (:next)", .startCaseDiscussion: "n in the meeting (:hear)",
        .shareInformation: "i on a case (:info)", .identifyRisk: "r on a case (:risk)",
        .recordCrimeDisclosed: "c on a case (:crime)", .recordOutcomeTeller: "t on a case (:tells)", .endCaseDiscussion: "n on a case (:next)",
        .endMeeting: "E in the meeting (:meeting end)", .letOthersAdd: ":meeting share, :meeting unshare", .signOffMinutes: ":sign off", .addMinutesAddendum: ":addendum",
        .agreeAction: "a on a case (:action)", .updateActionStatus: "d p x o in the tracker (:done)",
        .changeAction: "e in the tracker (:edit action)", .extendActionDue: "e in the tracker (:edit action)",
        .noteAction: "c in the tracker (:note)", .markRecordedInError: ":error", .recordCaseViewed: "Enter on a case",
        .recordExport: ":export minutes", .recordExportFailed: ":export minutes (when the file cannot be written)",
        .confirmActionReport: "y in the tracker (:confirm)", .rejectActionReport: "r in the tracker (:reject)",
        .reopenActionReport: "u after y or r",
    ]

    /// Made only by the command line or the system: `marac import referrals`, `marac import
    /// action-updates`, `marac import research`, `marac purge`, and the store's own record of a
    /// change of access (`marac user`, `marac passwd`).
    static let commandsOffScreen: Set<CommandKind> = [.importReferrals, .recordActionReports, .importResearch, .purgeCase, .changeAccess]
}
