import MARACCore

/// The route of a key, taken once (Docs/architecture.md, "The route of a key"):
///
/// 1. A locked screen takes every key for the passphrase.
/// 2. What is over the panes (a form, the command line, a search, help, a question) takes the
///    key as it is.
/// 3. Otherwise the keymap turns the key into a request, in the contexts of the focused view:
///    the current pane, or the job screen it hosts (the live meeting in the agenda).
/// 4. The focused view handles what it owns (moving, sorting, opening, scrolling).
/// 5. The job behind that view (triage behind the queue, the meeting behind the agenda, follow-up
///    behind the tracker) handles its requests with the view's selection.
/// 6. The app handles what is left: panes, help, the command line, search, undo, presentation;
///    and a job's request made from a view that does not host it (`:done A-0042` in the queue)
///    goes to that job.
///
/// The `:` line enters at step 4 with the request its name gives and what followed the name.
extension App {
    /// Handles one event; false when the user asked to quit.
    public func handle(_ event: TerminalEvent, size: TerminalSize) -> Bool {
        lastSize = size
        if locked {
            switch event {
            case .hangup: return false
            case .key(let key): handleLocked(key)
            default: break
            }
            return true
        }
        switch event {
        case .hangup:
            return false
        case .resize:
            return true
        case .click(let row, _):
            guard overlay == nil, !isTooSmall(size), row > 0 else { return true }
            respond(focusedView.click(row: row, context: context))
            return true
        case .scroll(let down):
            if case .help? = overlay { helpScroll = max(0, helpScroll + (down ? 3 : -3)) } else if overlay == nil { focusedView.scroll(down: down) }
            return true
        case .key(let key):
            if isTooSmall(size) { return key != .character("q") }
            if overlay != nil { return handleOverlay(key) && !quitRequested }
            return handle(key)
        }
    }

    /// The view that has the keys when nothing is over the panes: the current pane, or the
    /// live meeting's screen in the agenda's place.
    var focusedView: Pane {
        if current == .agenda, meeting.liveMeeting != nil { return meeting }
        return pane(current)
    }

    /// The job whose requests the focused view passes on.
    func job(behind view: Pane) -> Job? {
        if view === meeting { return meeting }
        switch view.kind {
        case .referrals: return triage
        case .agenda: return meeting
        case .actions: return followUp
        case .caseView: return nil
        }
    }

    /// Step 3: a key becomes a request in the focused view's contexts.
    func handle(_ key: Key) -> Bool {
        guard let request = keymap.request(for: key, in: focusedView.keyContexts) else {
            say("\(key) does nothing here; press ? for the keys or : for commands.")
            return true
        }
        route(request)
        return !quitRequested
    }

    /// Steps 4 to 6: the focused view, the job behind it, then the app; each asked once.
    public func route(_ request: Request, argument: String = "") {
        // `:open C-0081`, `:case C-0081`: straight to the record named.
        if !argument.isEmpty, request == .open || request == .showCase { return openRecord(argument) }
        if request == .find { return openFind(argument) }
        let view = focusedView
        var response = view.handle(request, context: context)
        if response != .ignored {
            message = nil
            return respond(response)
        }
        let behind = job(behind: view)
        if let behind {
            response = behind.handle(request, argument: argument)
            if response != .ignored { return respond(response) }
        }
        if handleApp(request) { return }
        if let owner = jobs.first(where: { type(of: $0).requests.contains(request) }), owner !== behind {
            response = owner.handle(request, argument: argument)
            if response != .ignored { return respond(response) }
        }
        say("\(request.help.prefix(1).uppercased() + request.help.dropFirst()) is not available in the \(current.title.lowercased()).")
    }

    func respond(_ response: PaneResponse) {
        switch response {
        case .handled, .ignored: break
        case .message(let text): say(text)
        case .open(let subject): open(subject)
        case .reviewOutstanding(let meeting):
            actions.showOutstanding(at: meeting)
            show(.actions)
        }
    }

    /// A case, referral or action by id, or a referral by its reference; else the find screen
    /// on what was typed.
    func openRecord(_ text: String) {
        let state = session.state
        let t = text.trimmingSpaces()
        if let id = CaseID(parsing: t), state.case(id) != nil { return open(.case(id)) }
        if let id = ReferralID(parsing: t), let r = state.referral(id) {
            if case .accepted(let c) = r.status { return open(.case(c)) }
            return open(.referral(id))
        }
        if let id = ActionID(parsing: t), let a = state.action(id) { return open(.case(a.caseID)) }
        if let r = state.referral(withReference: t) {
            if case .accepted(let c) = r.status { return open(.case(c)) }
            return open(.referral(r.id))
        }
        openFind(t)
    }

    func open(_ subject: CaseSubject) {
        let before = caseView.subject
        caseView.show(subject)
        show(.caseView)
        guard before != subject else { return }
        // Opening a case is recorded in the audit trail (a read-only screen cannot write it).
        var caseID: CaseID?
        switch subject {
        case .case(let c): caseID = c
        case .referral(let r):
            if case .accepted(let c)? = session.state.referral(r)?.status { caseID = c }
        }
        guard let caseID, session.isWritable else { return }
        do {
            try session.perform(.recordCaseViewed(caseID), undoable: false)
            revision += 1
        } catch {
            // The case is shown; that its viewing went unrecorded is said, not hidden.
            say("\(caseID) is open, but the viewing could not be recorded in the audit trail: \(error)", alert: true)
        }
    }

    /// Step 6: the requests that belong to no pane; false for the others.
    func handleApp(_ request: Request) -> Bool {
        switch request {
        case .quit:
            quitRequested = true
        case .help:
            overlay = .help
            helpScroll = 0
        case .showReferrals: show(.referrals)
        case .showCase: show(.caseView)
        case .showAgenda: show(.agenda)
        case .showActions: show(.actions)
        case .nextPane: show(PaneKind(rawValue: current.rawValue % 4 + 1)!)
        case .previousPane: show(PaneKind(rawValue: (current.rawValue + 2) % 4 + 1)!)
        case .back: show(previous ?? .referrals)
        case .cancel:
            message = nil
            if let p = pane(current) as? SearchablePane, p.taggedCount > 0 {
                p.clearTags()
                say("Tags cleared.")
            }
        case .presentationMode:
            presentation.toggle()
            say(presentation ? "Presentation mode: addresses, phone numbers and dates of birth are hidden (r on a case shows them)."
                : "Presentation mode off.")
        case .palette:
            overlay = .palette(Palette(names: commands.map(\.name), history: paletteHistory))
        case .search:
            guard let p = focusedView as? SearchablePane else {
                say("There is nothing to search in the \(current.title.lowercased()).")
                return true
            }
            overlay = .search(SearchLine(origin: max(0, p.selectionIndex)))
        case .searchNext, .searchPrevious:
            guard let query = lastSearch, let p = focusedView as? SearchablePane else {
                say("Search first with /.")
                return true
            }
            let forward = request == .searchNext
            if !p.search(query, from: p.selectionIndex + (forward ? 1 : -1), forward: forward, context: context) {
                say("\"\(query)\" is not in this list.")
            }
        case .undo:
            do {
                let what = try session.undo()
                stateChanged()
                say("Undone: \(what). Ctrl-R redoes it.")
            } catch {
                say(error.description, alert: true)
            }
        case .redo:
            do {
                let what = try session.redo()
                stateChanged()
                say("Redone: \(what).")
            } catch {
                say(error.description, alert: true)
            }
        case .attention:
            overlay = .attention
        case .quarterlyReturn:
            overlay = .quarterly(QuarterlyView(last: Quarter(containing: session.today)))
        case .trends:
            openTrends(through: nil)
        default:
            return false
        }
        return true
    }

    /// The trends screen, ending with `last` (default: the quarter of today, so far).
    func openTrends(through last: Quarter?) {
        overlay = .trends(TrendsView(state: session.state, today: session.today, revision: revision, last: last))
    }
}
