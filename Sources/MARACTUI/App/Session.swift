import MARACCore

/// Whether changes can be saved, and if not why: shown in the status bar.
public enum WriteStatus: Equatable, Sendable {
    case writable
    case readOnly(String)
}

/// Where the screen's changes are saved. The executable wires the file store behind it; tests
/// use ``MemoryConnection``. No pane ever touches a file.
public protocol StoreConnection: AnyObject {
    var state: MARACState { get }
    /// The store's name for the status bar (its folder).
    var name: String { get }
    var writeStatus: WriteStatus { get }
    /// Saves a change durably and folds it into `state`; returns only once it is on disk.
    func save(_ change: Change) throws
    /// Decides a change against the latest state (others' changes taken in first, under the
    /// store's lock when others may be writing) and saves it. Returns the change and what
    /// others saved since this screen last looked; a refusal from `decide` is thrown wrapped in
    /// ``RefusedMeanwhile`` when others had saved something.
    func save(deciding decide: (MARACState) throws -> Change) throws -> Change
    /// Takes in what another process saved, and says what the user should know of it.
    func poll() -> StoreNews
    /// A quiet moment: the store may compact. Returns what went wrong, to show, if anything did.
    func idle() -> String?
    /// Messages from opening the store (a repaired log, say) to show once.
    var notices: [String] { get }
    /// True when the passphrase is the signed-in user's: unlocks a locked screen.
    func checkPassphrase(_ passphrase: [UInt8]) -> Bool
    /// Writes an export (minutes, a case list) as a new file readable by its owner only, never
    /// half-written and never over anything already there, then runs `record` (which records
    /// the export in the audit trail) and returns where it went; if `record` throws, the file is
    /// removed again. A relative name is taken from the folder marac was started in.
    func writeExport(_ text: String, named name: String, recording record: () throws -> Void) throws -> String
}

/// A command the latest state refused after others had saved changes this screen had not yet
/// seen: the core's reason, and who saved what meanwhile, in words.
public struct RefusedMeanwhile: Error {
    public var refusal: Error
    public var meanwhile: [ChangeJournal.Entry]

    public init(refusal: Error, meanwhile: [ChangeJournal.Entry]) {
        self.refusal = refusal
        self.meanwhile = meanwhile
    }

    /// "Since this screen last looked, admin made accept referral (C-0060) at 10:42 UTC." —
    /// the last few, newest last.
    public var told: String { Self.telling(meanwhile, since: "Since this screen last looked") }

    public static func telling(_ meanwhile: [ChangeJournal.Entry], since: String) -> String {
        guard !meanwhile.isEmpty else { return "" }
        let shown = meanwhile.suffix(3).map { e in
            "\(e.stamp.actor) made \(e.command?.label ?? "a change")\(e.record.map { " (\($0))" } ?? "") at \(e.stamp.at.isoMinute.suffix(5)) UTC"
        }
        let more = meanwhile.count > 3 ? " and \(meanwhile.count - 3) more" : ""
        return since + ", " + shown.joined(separator: "; ") + more + "."
    }
}

/// What a look at the store found: other writers' changes taken in, and anything the user must
/// be told (damage met while following, this screen becoming the writer), told once.
public struct StoreNews: Equatable, Sendable {
    public var stateChanged: Bool
    public var message: String?
    public var alert: Bool

    public init(stateChanged: Bool = false, message: String? = nil, alert: Bool = false) {
        self.stateChanged = stateChanged
        self.message = message
        self.alert = alert
    }
}

/// A store in memory, for tests and for the benchmark's screens.
public final class MemoryConnection: StoreConnection {
    public private(set) var state: MARACState
    public private(set) var saved: [Change] = []
    public var name: String
    public var writeStatus: WriteStatus
    public var failNextSave: Error?
    public var notices: [String] = []
    /// The passphrase ``checkPassphrase(_:)`` accepts.
    public var passphrase = "demo"

    public init(state: MARACState, name: String = "memory", writeStatus: WriteStatus = .writable) {
        self.state = state
        self.name = name
        self.writeStatus = writeStatus
    }

    public func save(_ change: Change) throws {
        if let e = failNextSave {
            failNextSave = nil
            throw e
        }
        saved.append(change)
        state.apply(change)
    }

    /// As the file store does: what others saved (``receive(_:)``) is taken in first, and the
    /// change decided against that.
    public func save(deciding decide: (MARACState) throws -> Change) throws -> Change {
        let seen = state.journal.count
        for change in pendingFromOutside { state.apply(change) }
        pendingFromOutside = []
        let change: Change
        do { change = try decide(state) } catch {
            let meanwhile = (seen..<state.journal.count).map { state.journal[$0] }
            throw meanwhile.isEmpty ? error : RefusedMeanwhile(refusal: error, meanwhile: meanwhile)
        }
        try save(change)
        return change
    }

    /// Applies a change as if another process had saved it.
    public func receive(_ change: Change) {
        pendingFromOutside.append(change)
    }

    private var pendingFromOutside: [Change] = []

    /// What the next ``poll()`` tells besides the changes received (tests set it).
    public var nextNews: StoreNews?

    public func poll() -> StoreNews {
        var news = nextNews ?? StoreNews()
        nextNews = nil
        guard !pendingFromOutside.isEmpty else { return news }
        for c in pendingFromOutside { state.apply(c) }
        pendingFromOutside = []
        news.stateChanged = true
        return news
    }

    /// What the next ``idle()`` reports as gone wrong (tests set it).
    public var idleFailure: String?

    public func idle() -> String? {
        defer { idleFailure = nil }
        return idleFailure
    }

    public func checkPassphrase(_ passphrase: [UInt8]) -> Bool { passphrase == Array(self.passphrase.utf8) }

    /// Exports written, by name.
    public private(set) var exports: [String: String] = [:]
    public var failNextExport: Error?

    public func writeExport(_ text: String, named name: String, recording record: () throws -> Void) throws -> String {
        if let e = failNextExport {
            failNextExport = nil
            throw e
        }
        exports[name] = text
        do { try record() } catch {
            exports[name] = nil
            throw error
        }
        return "/memory/" + name
    }
}

/// Why a command made on screen did not take effect.
public enum SessionError: Error, CustomStringConvertible {
    case refused(DomainError)
    /// Refused by the latest state, after others saved changes this screen had not seen.
    case refusedMeanwhile(DomainError, told: String)
    case notSaved(String)
    case readOnly(String)
    case nothingToUndo
    case nothingToRedo
    /// The last change cannot be taken back by a correcting entry; what to do instead.
    case cannotUndo(String, advice: String)

    public var description: String {
        switch self {
        case .refused(let e): e.message
        case .refusedMeanwhile(let e, let told): "\(e.message) \(told)"
        case .notSaved(let reason): "Not saved: \(reason)"
        case .readOnly(let reason): "Read-only: \(reason)"
        case .nothingToUndo: "Nothing to undo in this session: u takes back changes made since marac opened. Correct an earlier one with e (:edit) or mark it recorded in error (:error)."
        case .nothingToRedo: "Nothing to redo: Ctrl-R redoes what u undid."
        case .cannotUndo(let what, let advice): "Your last change (\(what)) cannot be undone: \(advice)"
        }
    }
}

/// The signed-in user's connection to the store: decides commands through the core, saves
/// the events through the store connection, and keeps what this user did for undo.
public final class Session {
    public let actor: Actor
    public let connection: StoreConnection
    public let clock: WallClock
    public private(set) var lastSavedAt: Instant?
    /// This user's changes in this session, latest last: what was done, the correcting command
    /// that undoes it (nil when none can), and the command itself, for redo.
    public private(set) var undoable: [(done: String, undo: Command?, command: Command)] = []
    /// What `u` undid, latest last, for Ctrl-R; cleared by any new change.
    public private(set) var redoable: [(done: String, command: Command)] = []

    public init(actor: Actor, connection: StoreConnection, clock: WallClock) {
        self.actor = actor
        self.connection = connection
        self.clock = clock
    }

    public var state: MARACState { connection.state }
    public var today: Day { clock.today() }

    public var isWritable: Bool { connection.writeStatus == .writable }

    /// Decides and saves a command. Nothing changes unless the change is on disk.
    @discardableResult
    /// Why `command` would be refused now (read-only, or the core's rules), deciding it
    /// without saving anything: for a step that must know before it does something outside
    /// the store, such as writing an export.
    public func refusal(_ command: Command) -> SessionError? {
        if case .readOnly(let reason) = connection.writeStatus { return .readOnly(reason) }
        let context = DecisionContext(actor: actor, now: clock.now(), today: clock.today())
        do {
            _ = try state.change(for: command, context: context)
            return nil
        } catch {
            return .refused(error)
        }
    }

    public func perform(_ command: Command) throws(SessionError) -> [Event] {
        let events = try perform(command, undoable: true)
        redoable = []
        return events
    }

    func perform(_ command: Command, undoable remember: Bool) throws(SessionError) -> [Event] {
        if case .readOnly(let reason) = connection.writeStatus { throw .readOnly(reason) }
        let context = DecisionContext(actor: actor, now: clock.now(), today: clock.today())
        var compensation: Command?
        let change: Change
        do {
            // Decided against the latest state, others' changes included (the store's lock is
            // held from here to the flush), so two screens cannot both accept one referral.
            change = try connection.save { latest in
                let change = try latest.change(for: command, context: context)
                compensation = remember ? latest.compensation(for: command, events: change.events, today: context.today) : nil
                return change
            }
        } catch let refusal as DomainError {
            throw .refused(refusal)
        } catch let refused as RefusedMeanwhile {
            guard let refusal = refused.refusal as? DomainError else { throw .notSaved(String(describing: refused.refusal)) }
            throw .refusedMeanwhile(refusal, told: refused.told)
        } catch {
            throw .notSaved(String(describing: error))
        }
        lastSavedAt = change.stamp.at
        if remember, command.kind != .recordCaseViewed, command.kind != .recordExport, command.kind != .recordExportFailed {
            let what = change.events.first?.primaryRecord.map { "\(command.name) \($0)" } ?? command.name
            undoable.append((what, compensation, command))
            if undoable.count > 200 { undoable.removeFirst() }
        }
        return change.events
    }

    /// Undoes this user's last change in this session by a correcting entry; returns what was
    /// undone. Nothing is deleted from the record.
    @discardableResult
    public func undo() throws(SessionError) -> String {
        guard let last = undoable.last else {
            throw .nothingToUndo
        }
        guard let correction = last.undo else {
            let advice = switch last.command.kind {
            case .markRecordedInError: "it stays in the record, marked; if it was right after all, enter it again."
            case .noteAction: "a note stays in the action's history; add another note (c) that corrects it."
            case .addMinutesAddendum: "an addendum stays with the signed-off minutes; add another (:addendum) that corrects it."
            case .signOffMinutes: "signed-off minutes stay signed off; correct them with an addendum (:addendum)."
            default: "mark it recorded in error instead (:error), or correct it (:edit)."
            }
            throw .cannotUndo(last.done, advice: advice)
        }
        try perform(correction, undoable: false)
        undoable.removeLast()
        redoable.append((last.done, last.command))
        return last.done
    }

    /// Makes again the change `u` last undid, as decided against the record now.
    @discardableResult
    public func redo() throws(SessionError) -> String {
        guard let last = redoable.last else { throw .nothingToRedo }
        try perform(last.command, undoable: true)
        redoable.removeLast()
        return last.done
    }
}
