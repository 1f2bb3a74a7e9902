import CNCursesW
#if canImport(Glibc)
import Glibc
#endif

/// Why the terminal could not be started.
public enum TerminalError: Error, CustomStringConvertible {
    case unknownTerminal(String)
    case notATerminal
    /// A terminal that cannot move its cursor (TERM=dumb, an editor's shell buffer).
    case cannotDrawScreens(String)

    public var description: String {
        switch self {
        case .unknownTerminal(let term):
            "This system does not know the terminal type TERM=\(term); try TERM=xterm-256color."
        case .notATerminal:
            "marac's screen needs a terminal; for scripts, use its subcommands (marac --help)."
        case .cannotDrawScreens(let term):
            "TERM=\(term) cannot draw marac's screen (it cannot move the cursor): run marac in a terminal such as xterm, "
                + "GNOME Terminal, PuTTY or tmux, or use its subcommands (marac --help)."
        }
    }
}

/// Options that decide how the screen looks on a given terminal.
public struct TerminalOptions: Sendable {
    /// Plain ASCII lines and markers (`--ascii`); also chosen when the locale is not UTF-8.
    public var ascii: Bool
    /// No colours (NO_COLOR, or a terminal without them).
    public var noColor: Bool
    public var mouse: Bool

    public init(ascii: Bool = false, noColor: Bool = false, mouse: Bool = true) {
        self.ascii = ascii
        self.noColor = noColor
        self.mouse = mouse
    }
}

/// The terminal through ncursesw: wide-character output, get_wch input, colours where the
/// terminal has them, KEY_RESIZE on window changes. The only file that imports curses.
public final class CursesTerminal: Terminal {
    public let theme: Theme
    public let glyphs: Glyphs
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var pairs: [StyleRole: Int16] = [:]
    private var attributes: [StyleRole: attr_t] = [:]
    private var quickErrors = 0
    private var ended = false

    public init(options: TerminalOptions) throws {
        guard isatty(0) != 0, isatty(1) != 0 else { throw TerminalError.notATerminal }
        setlocale(LC_ALL, "")
        var utf8 = CursesTerminal.localeIsUTF8()
        if !utf8, setlocale(LC_ALL, "C.UTF-8") != nil { utf8 = CursesTerminal.localeIsUTF8() }
        let term = getenv("TERM").map { String(cString: $0) } ?? "unknown"
        guard !["dumb", "", "emacs"].contains(term) else { throw TerminalError.cannotDrawScreens(term) }
        guard let out = fdopen(1, "w"), let input = fdopen(0, "r"),
              let scr = newterm(nil, out, input) else {
            throw TerminalError.unknownTerminal(term)
        }
        screen = scr
        _ = set_term(scr)
        window = marac_stdscr()
        marac_install_crash_handlers()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        CursesTerminal.defineCommonKeys()
        marac_set_escdelay(25)
        _ = curs_set(0)
        // Ctrl-S saves a form: take it (and Ctrl-Q) back from the terminal's flow control.
        var modes = termios()
        if tcgetattr(0, &modes) == 0 {
            modes.c_iflag &= ~tcflag_t(IXON)
            _ = tcsetattr(0, TCSANOW, &modes)
            _ = def_prog_mode()
        }
        let ascii = options.ascii || !utf8 || CursesTerminal.lacksLineDrawing(term)
        glyphs = ascii ? .ascii : .unicode
        let colour = !options.noColor && has_colors()
        theme = colour ? .color : .monochrome
        if colour {
            start_color()
            _ = use_default_colors()
            var next: Int16 = 1
            for role in StyleRole.allCases {
                let style = theme.style(role)
                if style.foreground != nil || style.background != nil {
                    init_pair(next, style.foreground?.rawValue ?? -1, style.background?.rawValue ?? -1)
                    pairs[role] = next
                    next += 1
                }
            }
        }
        for role in StyleRole.allCases {
            let style = theme.style(role)
            var a = marac_a_normal()
            if style.bold { a |= marac_a_bold() }
            if style.reverse { a |= marac_a_reverse() }
            if style.underline { a |= marac_a_underline() }
            if style.dim { a |= marac_a_dim() }
            attributes[role] = a
        }
        if options.mouse {
            _ = mousemask(marac_button1_clicked() | marac_button4_pressed() | marac_button5_pressed(), nil)
            _ = mouseinterval(0)
        }
    }

    deinit { end() }

    /// Leaves curses mode and gives the terminal back as it was. Safe to call twice.
    public func end() {
        guard !ended else { return }
        ended = true
        endwin()
        delscreen(screen)
    }

    static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Terminals whose fonts often lack box drawing: the Linux console shows it only with a
    /// Unicode font, vt100 never.
    static func lacksLineDrawing(_ term: String) -> Bool {
        term.hasPrefix("vt1") || term.hasPrefix("vt2") || term == "dumb" || term.hasPrefix("ansi")
    }

    public var size: TerminalSize {
        var rows: Int32 = 0, cols: Int32 = 0
        marac_getmaxyx(window, &rows, &cols)
        return TerminalSize(rows: Int(rows), columns: Int(cols))
    }

    public func put(row: Int, column: Int, text: String, role: StyleRole) {
        var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        _ = wattr_set(window, attributes[role] ?? marac_a_normal(), pairs[role] ?? 0, nil)
        _ = wide.withUnsafeBufferPointer { buffer in
            mvwaddnwstr(window, Int32(row), Int32(column), buffer.baseAddress, Int32(wide.count - 1))
        }
    }

    /// The sequences terminals send for Home, End, Delete, PgUp, PgDn and F1–F4 whether or not
    /// the terminfo entry in use names them: tmux sends VT220's `ESC [1~` for Home even where
    /// TERM is xterm's (`ESC OH`), rxvt sends `ESC [7~`, the Linux console `ESC [[A` for F1.
    /// Sequences the entry already has are left as they are.
    static func defineCommonKeys() {
        let keys: [(String, Int32)] = [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
            ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
            ("\u{1B}[3~", KEY_DC), ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE),
            ("\u{1B}OP", marac_key_f(1)), ("\u{1B}OQ", marac_key_f(2)), ("\u{1B}OR", marac_key_f(3)), ("\u{1B}OS", marac_key_f(4)),
            ("\u{1B}[11~", marac_key_f(1)), ("\u{1B}[12~", marac_key_f(2)), ("\u{1B}[13~", marac_key_f(3)), ("\u{1B}[14~", marac_key_f(4)),
            ("\u{1B}[[A", marac_key_f(1)), ("\u{1B}[[B", marac_key_f(2)), ("\u{1B}[[C", marac_key_f(3)), ("\u{1B}[[D", marac_key_f(4)),
            ("\u{1B}[15~", marac_key_f(5)), ("\u{1B}[[E", marac_key_f(5)),
        ]
        for (sequence, code) in keys where key_defined(sequence) == 0 {
            _ = define_key(sequence, code)
        }
    }

    public func clear() { _ = werase(window) }

    /// curses ignores Ctrl-Z (SIGTSTP) while it updates the terminal, so one pressed during an
    /// update would be lost. It is blocked instead for the update: Linux keeps a blocked signal
    /// pending, and it stops marac, through curses' own handler, as soon as the update is done.
    /// (Every other thread of marac blocks the terminal's signals.)
    public func flush() {
        var stop = sigset_t()
        sigemptyset(&stop)
        sigaddset(&stop, SIGTSTP)
        var before = sigset_t()
        pthread_sigmask(SIG_BLOCK, &stop, &before)
        _ = wnoutrefresh(window)
        _ = doupdate()
        pthread_sigmask(SIG_SETMASK, &before, nil)
    }

    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        wtimeout(window, Int32(timeoutMilliseconds))
        var value: wint_t = 0
        let start = monotonicMilliseconds()
        let result = wget_wch(window, &value)
        if result == ERR {
            // A timeout takes its time; an error that returns at once, again and again, means the
            // terminal is gone. Quit rather than spin.
            if monotonicMilliseconds() - start < max(1, timeoutMilliseconds / 2) {
                quickErrors += 1
                if quickErrors > 50 { return .hangup }
            } else {
                quickErrors = 0
            }
            return nil
        }
        quickErrors = 0
        if result == marac_key_code_yes() { return keyCode(Int32(value)) }
        if value == 27 { return escape() }
        return character(UInt32(value))
    }

    /// An Esc curses did not match: a sequence it does not know is read whole and dropped
    /// (EscapeSequence), a lone Esc is the key. Reads what is already waiting, without waiting.
    private func escape() -> TerminalEvent? {
        wtimeout(window, 0)
        let reading = EscapeSequence.read {
            var value: wint_t = 0
            let result = wget_wch(window, &value)
            // A key curses did match after the Esc (an arrow) is not part of a sequence.
            if result == ERR { return nil }
            if result == marac_key_code_yes() { _ = ungetch(Int32(value)); return nil }
            return UInt32(value)
        }
        switch reading {
        case .dropped:
            return nil
        case .escape(let pushBack):
            if let pushBack { _ = unget_wch(wchar_t(bitPattern: pushBack)) }
            return .key(.escape)
        }
    }

    private func keyCode(_ code: Int32) -> TerminalEvent? {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_BTAB: return .key(.backTab)
        case KEY_DC: return .key(.delete)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            if event.bstate & marac_button4_pressed() != 0 { return .scroll(down: false) }
            if marac_button5_pressed() != 0 && event.bstate & marac_button5_pressed() != 0 { return .scroll(down: true) }
            return .click(row: Int(event.y), column: Int(event.x))
        default:
            for n in 1...12 where code == marac_key_f(Int32(n)) { return .key(.function(n)) }
            return nil
        }
    }

    private func character(_ value: UInt32) -> TerminalEvent? {
        switch value {
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(value + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    private func monotonicMilliseconds() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return ts.tv_sec * 1000 + ts.tv_nsec / 1_000_000
    }
}
