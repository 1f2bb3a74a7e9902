import MARACCore

/// The status bar: where the store, the user and the mode are, and the last message. A message
/// too long for the bar is drawn whole on up to two rows above it, and the panes give up those
/// rows; one longer still ends with a pointer to `:messages`, which keeps every message of the
/// session.
extension App {
    /// How many messages `:messages` keeps.
    static let messageLogLength = 200

    func statusLeft(full: Bool) -> String {
        let sep = lastGlyphs.separator
        let store: String
        switch session.connection.writeStatus {
        case .writable: store = session.lastSavedAt == nil ? "ready" : "saved"
        case .readOnly(let reason): store = "read-only: \(reason)"
        }
        var extras = ""
        if let p = focusedView as? SearchablePane, p.taggedCount > 0 { extras += "\(sep)\(p.taggedCount) tagged" }
        if presentation { extras += "\(sep)PRESENTATION" }
        return full ? " marac\(sep)store \(session.connection.name)\(sep)user \(session.actor.name) (\(session.actor.role.rawValue))\(sep)\(modeName)\(sep)\(store)\(extras) "
            : " marac\(sep)\(modeName)\(sep)\(store)\(extras) "
    }

    /// The rows a message takes above the status bar: none when it fits in the bar beside the
    /// short status, else its wrapped lines (at most two).
    func messageRows(columns: Int) -> [String] {
        guard let message else { return [] }
        if TextWidth.of(statusLeft(full: false)) + 1 + TextWidth.of(message) <= columns { return [] }
        let lines = wrap(message, width: max(10, columns - 2))
        guard lines.count > 2 else { return lines }
        let more = " (:messages)"
        return [lines[0], lines[1].truncated(toWidth: max(1, columns - 2 - TextWidth.of(more)), ellipsis: lastGlyphs.ellipsis) + more]
    }

    func renderStatus(_ canvas: inout Canvas) {
        let row = canvas.rows - 1
        let above = messageRows(columns: canvas.columns)
        let fits = message != nil && above.isEmpty
        let hint = above.isEmpty ? "? help  : command  q quit " : ":messages keeps them all "
        var left = statusLeft(full: true)
        // The store and user give way to a message beside them, and to a narrow screen; the
        // mode and whether it is saved always show. The keys' hint shows when there is room.
        let beside = fits ? 1 + TextWidth.of(message ?? "") : 0
        if TextWidth.of(left) + beside > canvas.columns { left = statusLeft(full: false) }
        canvas.fill(row: row, column: 0, count: canvas.columns, role: .status)
        let used = canvas.put(left, row: row, column: 0, role: session.isWritable ? .status : .statusAlert)
        let role: StyleRole = messageIsAlert ? .statusAlert : .status
        if let message, fits {
            canvas.put(" " + message, row: row, column: used, role: role, limit: canvas.columns - used)
        } else {
            if used + TextWidth.of(hint) < canvas.columns {
                canvas.put(hint, row: row, column: canvas.columns - TextWidth.of(hint), role: .status)
            }
        }
        for (i, line) in above.enumerated() {
            let r = row - above.count + i
            canvas.fill(row: r, column: 0, count: canvas.columns, role: role)
            canvas.put(" " + line, row: r, column: 0, role: role)
        }
    }

    /// `:messages`: the session's messages, newest last.
    func showMessages() {
        let text = messageLog.isEmpty ? "No messages yet." : messageLog.map { "\($0.alert ? "! " : "  ")\($0.text)" }.joined(separator: "\n")
        var view = DocumentView(title: "Messages of this session", text: text, footer: "Esc closes; ! marks a warning")
        view.scroll = Int.max  // the newest, once laid out
        overlay = .document(view)
    }
}
