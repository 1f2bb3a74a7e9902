import MARACCore

/// A form on screen and what to do with it when it is saved: return true to close it, or put
/// errors on the form and return false to keep it open.
public final class FormSession {
    public var form: Form
    let submit: (inout Form) -> Bool
    /// Answers given on a risk checklist opened from this form, kept if the user goes back.
    var checklistAnswers: [RiskAnswerValue?]?
    /// How many changes the store's journal held when the form opened: a refusal on saving
    /// names what others saved since (issue 23).
    var openedAtJournal: Int?
    /// Set once the user has been told that someone else changed the record this form rewrites
    /// and saves again: the second save is theirs to make.
    var savingOverOthers = false

    public init(_ form: Form, submit: @escaping (inout Form) -> Bool) {
        self.form = form
        self.submit = submit
    }
}

/// The checklist over the screen, the form it came from, and what saving does.
public final class ChecklistSession {
    public var checklist: RiskChecklist
    let returnTo: FormSession
    let save: (RiskChecklist) -> Bool

    init(_ checklist: RiskChecklist, returnTo: FormSession, save: @escaping (RiskChecklist) -> Bool) {
        self.checklist = checklist
        self.returnTo = returnTo
        self.save = save
    }
}
