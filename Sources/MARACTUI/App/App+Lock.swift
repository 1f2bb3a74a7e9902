import MARACCore

/// The screen locked after a time without use, until the user's passphrase is typed.
extension App {
    /// A meeting of this store is running (on this screen or another): the screen does not lock
    /// itself while it is.
    public var meetingInProgress: Bool { session.state.meetingInProgress != nil }

    /// Clears the screen and asks for the passphrase before anything is shown again.
    public func lock() {
        guard !locked else { return }
        locked = true
        lockInput = []
        lockMessage = nil
    }

    func handleLocked(_ key: Key) {
        switch key {
        case .enter:
            let typed = Array(String(lockInput).utf8)
            lockInput = []
            if session.connection.checkPassphrase(typed) {
                locked = false
                lockMessage = nil
                say("Unlocked.")
            } else {
                lockMessage = "Wrong passphrase; try again."
            }
        case .backspace:
            if !lockInput.isEmpty { lockInput.removeLast() }
        case .escape, .control("u"):
            lockInput = []
        case .character(let c):
            lockInput.append(c)
        default:
            break
        }
    }

    func renderLocked(_ canvas: inout Canvas) {
        let top = max(0, canvas.rows / 2 - 3)
        let lines: [(String, StyleRole)] = [
            ("marac is locked", .title),
            ("", .normal),
            ("The screen locked itself after a time without use. Everything is saved.", .normal),
            ("Passphrase for \(session.actor.name): " + String(repeating: "•", count: lockInput.count), .input),
            ("", .normal),
            (lockMessage ?? "Type your passphrase and press Enter.", lockMessage == nil ? .dim : .warning),
        ]
        for (i, line) in lines.enumerated() {
            let text = line.0.truncated(toWidth: canvas.columns - 4, ellipsis: canvas.glyphs.ellipsis)
            canvas.put(text, row: top + i, column: 2, role: line.1)
        }
    }

}
