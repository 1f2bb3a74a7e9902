import MARACCore

/// Step 2 of a key's route: what is over the panes takes the key as it is (a form and the
/// command line edit text; help, a document and the quarterly screen scroll; a question takes
/// y or anything else).
extension App {
    func handleOverlay(_ key: Key) -> Bool {
        switch overlay {
        case .help?:
            switch keymap.request(for: key, in: [.list, .global]) {
            case .help?, .cancel?: overlay = nil
            case .quit?: return false
            case .moveDown?: helpScroll += 1
            case .moveUp?: helpScroll = max(0, helpScroll - 1)
            case .pageDown?: helpScroll += 10
            case .pageUp?: helpScroll = max(0, helpScroll - 10)
            case .top?: helpScroll = 0
            case .bottom?: helpScroll = Int.max  // the layout brings it back to the last page
            default: break
            }
        case .palette(var p)?:
            switch p.handle(key) {
            case .editing: overlay = .palette(p)
            case .cancelled: overlay = nil
            case .run(let line):
                p.remember(line)
                paletteHistory = p.history
                overlay = nil
                run(line)
            }
        case .search(var s)?:
            switch key {
            case .escape:
                (focusedView as? SearchablePane)?.select(index: s.origin)
                overlay = nil
            case .enter:
                lastSearch = s.input.text
                overlay = nil
                if !s.found { say("\"\(s.input.text)\" is not in this list.") }
            default:
                if s.input.handle(key), let p = focusedView as? SearchablePane {
                    s.found = s.input.isEmpty || p.search(s.input.text, from: s.origin, forward: true, context: context)
                }
                overlay = .search(s)
            }
        case .confirm(_, let action)?:
            overlay = nil
            if key == .character("y") || key == .character("Y") || key == .enter {
                action()
            } else {
                say("Nothing was changed.")
            }
        case .form(let session)?:
            switch session.form.handle(key) {
            case .editing: break
            case .cancelled:
                overlay = nil
                say("Cancelled; nothing was saved.")
            case .submit:
                guard session.form.validate(today: self.session.today) else { break }
                // Submitted from a copy: the submit may keep the form session (to come back to
                // it from the checklist) and must not find it in the middle of an access.
                var form = session.form
                let close = session.submit(&form)
                session.form = form
                // The submit may have put something else over the screen (the checklist).
                if close, case .form(let still)? = overlay, still === session { overlay = nil }
            }
        case .checklist(let c)?:
            switch c.checklist.handle(key) {
            case .editing: break
            case .back:
                overlay = .form(c.returnTo)
                say("Back to the referral; the answers are kept until you leave the form.")
                c.returnTo.checklistAnswers = c.checklist.answers
            case .save:
                if c.save(c.checklist), case .checklist(let still)? = overlay, still === c { overlay = nil }
            }
        case .attention?:
            overlay = nil
            if case .character(let c) = key, let step = AttentionView.setupKeys[c], session.state.setupSteps.contains(step) {
                switch step {
                case .areaSettings: setup.editArea()
                case .agencies: setup.addAgency("")
                case .agencyDetails: setup.listAgencies()
                case .meetings: setup.scheduleFromPattern("")
                }
                return true
            }
            if key == .enter || key == .escape {
                show(AttentionView(state: session.state, today: session.today, actor: session.actor).startingPane)
                return true
            }
            return handle(key)
        case .document(var d)?:
            overlay = d.handle(key, height: lastSize.rows - 2) ? .document(d) : nil
        case .find(var f)?:
            switch f.handle(key, state: session.state, today: session.today, page: lastSize.rows - 6) {
            case .editing: overlay = .find(f)
            case .close: overlay = nil
            case .open(let subject):
                overlay = nil
                open(subject)
            }
        case .quarterly(var q)?:
            switch q.handle(key) {
            case .stay: overlay = .quarterly(q)
            case .close: overlay = nil
            case .trends: openTrends(through: q.last)
            }
        case .trends(var t)?:
            switch t.handle(key, state: session.state, today: session.today, page: lastSize.rows - 8) {
            case .stay: overlay = .trends(t)
            case .close: overlay = nil
            case .open(let caseID):
                overlay = nil
                open(.case(caseID))
            }
        case nil:
            break
        }
        return true
    }
}
